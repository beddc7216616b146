// Prints the catalog: `npm run catalog -- --json` (machine-readable) or a short table.
//   --types T1,T2  also reports which of these resource types no BAA-listed service covers.
import { servicesNotCovered } from "../baa";
import { catalogJson } from "../catalog-json";

// A closed pipe (`| head`) is not an error worth a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

const argv = process.argv.slice(2);
const cat = catalogJson();
const typesArg = argv.find((a) => a.startsWith("--types="))?.slice("--types=".length);
const notCovered = typesArg ? servicesNotCovered(typesArg.split(",").map((s) => s.trim()).filter(Boolean)) : undefined;

if (argv.includes("--json")) {
  process.stdout.write(JSON.stringify(notCovered ? { ...cat, servicesNotCovered: notCovered } : cat) + "\n");
} else {
  const by = (p: string) => cat.checks.filter((c) => c.provider === p).length;
  process.stdout.write(`${cat.checks.length} checks (aws ${by("aws")}, azure ${by("azure")}), ${cat.standards.length} standards, ${cat.manualControls.length} manual controls\n`);
  for (const c of cat.checks) process.stdout.write(`${c.severity.padEnd(8)} ${c.id.padEnd(60)} ${c.citations.join(" ")}\n`);
  if (notCovered) for (const n of notCovered) process.stdout.write(`not BAA-covered: ${n.provider} ${n.resourceType}\n`);
}
