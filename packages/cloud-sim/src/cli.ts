// `npm run sim -- …`: run the simulator, or talk to a running one (drift, faults, estate).
//   serve (default)  [--port 4566] [--https-port 4567] [--seed S] [--aws-accounts N] [--azure-subscriptions N]
//                    [--resources N] [--misconfigured 0.2] [--drift-every-minutes N] [--reference-time ISO]
//   drift <op>       make-bucket-public | disable-trail-log-validation | open-ssh | delete | add | random
//                    [--account ID] [--bucket NAME] [--trail NAME] [--group-id SG] [--native-id ID]
//                    [--resource-type TYPE] [--subscription ID] [--misconfigured] [--count N] [--url URL]
//   faults <api>     [--throttle-rate F] [--error-rate F] [--latency-ms N] [--url URL];  faults clear
//   estate           [--url URL]
import { parseArgs } from "node:util";
import { startSimulator } from "./server";
import { DEFAULT_PLATFORM_ACCESS_KEY_ID, DEFAULT_PLATFORM_SECRET_ACCESS_KEY } from "./state";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string" }, "https-port": { type: "string" }, seed: { type: "string" }, "aws-accounts": { type: "string" },
    "azure-subscriptions": { type: "string" }, resources: { type: "string" }, misconfigured: { type: "string" },
    "drift-every-minutes": { type: "string" }, "reference-time": { type: "string" }, url: { type: "string" },
    account: { type: "string" }, bucket: { type: "string" }, trail: { type: "string" }, "group-id": { type: "string" },
    "native-id": { type: "string" }, "resource-type": { type: "string" }, subscription: { type: "string" }, count: { type: "string" },
    "throttle-rate": { type: "string" }, "error-rate": { type: "string" }, "latency-ms": { type: "string" }, bad: { type: "boolean" },
  },
});

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const env = process.env;
const adminUrl = values.url ?? env.SIM_URL ?? `http://127.0.0.1:${env.SIM_PORT ?? "4566"}`;

async function call(method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${adminUrl}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  console.log(text);
  if (!res.ok) process.exitCode = 1;
}

async function serve(): Promise<void> {
  const sim = await startSimulator({
    port: num(values.port) ?? num(env.SIM_PORT) ?? 4566,
    httpsPort: num(values["https-port"]) ?? num(env.SIM_HTTPS_PORT) ?? 4567,
    estate: {
      seed: values.seed ?? env.SIM_SEED ?? "safeguard-demo",
      awsAccounts: num(values["aws-accounts"]) ?? 3,
      azureSubscriptions: num(values["azure-subscriptions"]) ?? 2,
      resourcesPerAccount: num(values.resources) ?? 400,
      misconfiguredShare: num(values.misconfigured) ?? 0.2,
      ...(values["reference-time"] ? { referenceTime: values["reference-time"] } : {}),
    },
    platform: {
      accessKeyId: env.SIM_PLATFORM_ACCESS_KEY_ID ?? DEFAULT_PLATFORM_ACCESS_KEY_ID,
      secretAccessKey: env.SIM_PLATFORM_SECRET_ACCESS_KEY ?? DEFAULT_PLATFORM_SECRET_ACCESS_KEY,
    },
    driftEveryMinutes: num(values["drift-every-minutes"]),
    log: (line) => console.log(line),
  });
  const e = sim.estate;
  console.log(`cloud-sim listening on ${sim.url} (https ${sim.httpsUrl})`);
  console.log(`estate seed=${e.seed}: ${e.aws.length} AWS account(s), ${e.azure.subscriptions.length} Azure subscription(s); GET ${sim.url}/_sim/estate for role ARNs and external ids`);
  console.log("point Safeguard at it with:");
  console.log(`  AWS_ENDPOINT_URL=${sim.url} AWS_ACCESS_KEY_ID=${e.platform.accessKeyId} AWS_SECRET_ACCESS_KEY=${e.platform.secretAccessKey} AWS_REGION=us-east-1`);
  console.log(`  AZURE_AUTHORITY_HOST=${sim.httpsUrl} AZURE_RESOURCE_MANAGER_URL=${sim.httpsUrl} NODE_EXTRA_CA_CERTS=${sim.caCertPath}`);
  console.log(`  AZURE_TENANT_ID=${e.azure.tenantId} AZURE_CLIENT_ID=${e.azure.clientId} AZURE_CLIENT_SECRET=${e.azure.clientSecret}`);
  const shutdown = () => {
    sim.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

async function main(): Promise<void> {
  const [command = "serve", arg] = positionals;
  switch (command) {
    case "serve":
      return serve();
    case "estate":
      return call("GET", "/_sim/estate");
    case "drift": {
      if (!arg) throw new Error("drift needs an op: make-bucket-public | disable-trail-log-validation | open-ssh | delete | add | random");
      const op: Record<string, unknown> = { op: arg };
      if (values.account) op.account = values.account;
      if (values.bucket) op.bucket = values.bucket;
      if (values.trail) op.trail = values.trail;
      if (values["group-id"]) op.groupId = values["group-id"];
      if (values["native-id"]) op.nativeId = values["native-id"];
      if (values["resource-type"]) op.resourceType = values["resource-type"];
      if (values.subscription) op.subscription = values.subscription;
      if (values.bad) op.misconfigured = true;
      if (values.count) op.count = Number(values.count);
      return call("POST", "/_sim/drift", op);
    }
    case "faults":
      if (!arg) throw new Error("faults needs an api (e.g. config:SelectResourceConfig, azure:resources, *) or 'clear'");
      if (arg === "clear") return call("DELETE", "/_sim/faults");
      return call("POST", "/_sim/faults", { api: arg, throttleRate: num(values["throttle-rate"]), errorRate: num(values["error-rate"]), latencyMs: num(values["latency-ms"]) });
    default:
      throw new Error(`unknown command ${command} (serve | drift | faults | estate)`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
