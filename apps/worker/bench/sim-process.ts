// The simulator in its own process for the benchmark, so the scan's peak RSS is the worker's alone.
// Prints one JSON line (url, estate, regions) once it listens.
import { startSimulator } from "@safeguard/cloud-sim/server";

const resources = Number(process.argv[2] ?? 100_000);
const sim = await startSimulator({
  port: 0,
  httpsPort: false,
  estate: { seed: "bench", awsAccounts: 1, azureSubscriptions: 1, resourcesPerAccount: resources, referenceTime: "2026-11-01T00:00:00.000Z" },
});
console.log(JSON.stringify({ url: sim.url, estate: sim.estate, regions: sim.state.estate.aws[0]!.regions }));
process.on("SIGTERM", () => void sim.stop().then(() => process.exit(0)));
