// Benchmark: one 100,000-resource AWS account listed in full through the real ConfigServiceClient
// (SelectResourceConfig, Limit 100, every page), the way the collector reads it: per region, the
// catalog's types split into a few IN-lists read in parallel. Prints seconds, items/s and RSS, then one JSON line.
//   npm run bench:sim [-- --resources 100000 --streams 4]
import { ConfigServiceClient, SelectResourceConfigCommand } from "@aws-sdk/client-config-service";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { parseArgs } from "node:util";
import { startSimulator } from "../src/server";

const { values } = parseArgs({ options: { resources: { type: "string" }, streams: { type: "string" } } });
const RESOURCES = Number(values.resources ?? 100_000);
const STREAMS = Number(values.streams ?? 4);
const FIELDS = "accountId, arn, awsRegion, resourceId, resourceName, resourceType, configurationItemCaptureTime, configurationItemStatus, configuration, supplementaryConfiguration, tags, relationships";
const mb = (bytes: number) => Math.round(bytes / 1e6);

const t0 = performance.now();
const sim = await startSimulator({ port: 0, httpsPort: false, estate: { seed: "bench", awsAccounts: 1, azureSubscriptions: 0, resourcesPerAccount: RESOURCES } });
const generateSeconds = (performance.now() - t0) / 1000;
const rssAfterEstate = process.memoryUsage().rss;
const account = sim.state.estate.aws[0];
if (!account) throw new Error("no account generated");

const sts = new STSClient({ region: "us-east-1", endpoint: sim.url, credentials: { accessKeyId: sim.estate.platform.accessKeyId, secretAccessKey: sim.estate.platform.secretAccessKey } });
const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: account.roleArn, RoleSessionName: "bench", ExternalId: account.externalId }));
const credentials = { accessKeyId: assumed.Credentials?.AccessKeyId as string, secretAccessKey: assumed.Credentials?.SecretAccessKey as string, sessionToken: assumed.Credentials?.SessionToken as string };

// Which regions and types hold items (the collector knows these from the catalog and DescribeRegions).
const byRegion = new Map<string, Set<string>>();
for (const item of account.items.all()) {
  const region = item.awsRegion === "global" ? account.homeRegion : item.awsRegion;
  (byRegion.get(region) ?? byRegion.set(region, new Set()).get(region))?.add(item.resourceType);
}

let items = 0, pages = 0, peakRss = process.memoryUsage().rss;
async function stream(region: string, types: string[]): Promise<void> {
  const client = new ConfigServiceClient({ region, endpoint: sim.url, credentials });
  const Expression = `SELECT ${FIELDS} WHERE resourceType IN (${types.map((t) => `'${t}'`).join(", ")})`;
  let NextToken: string | undefined;
  do {
    const out = await client.send(new SelectResourceConfigCommand({ Expression, Limit: 100, NextToken }));
    for (const row of out.Results ?? []) if (JSON.parse(row)) items++;
    pages++;
    NextToken = out.NextToken;
    if (pages % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  } while (NextToken);
  client.destroy();
}

const t1 = performance.now();
const jobs: Promise<void>[] = [];
for (const [region, typeSet] of byRegion) {
  const types = [...typeSet].sort();
  const groups = Array.from({ length: Math.min(STREAMS, types.length) }, (_, i) => types.filter((_, j) => j % STREAMS === i));
  for (const g of groups) jobs.push(stream(region, g));
}
await Promise.all(jobs);
const seconds = (performance.now() - t1) / 1000;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
await sim.stop();

const expected = account.items.size;
console.log(`estate: ${expected} resources generated in ${generateSeconds.toFixed(1)} s, RSS ${mb(rssAfterEstate)} MB`);
console.log(`listing: ${items} items in ${pages} pages over ${jobs.length} streams (${byRegion.size} regions) in ${seconds.toFixed(2)} s = ${Math.round(items / seconds)} items/s`);
console.log(`peak RSS ${mb(peakRss)} MB (simulator and SDK client in one process)`);
console.log(JSON.stringify({ bench: "cloud-sim-listing", resources: expected, listed: items, pages, streams: jobs.length, seconds: Number(seconds.toFixed(2)), itemsPerSecond: Math.round(items / seconds), rssMb: mb(peakRss), estateRssMb: mb(rssAfterEstate), generateSeconds: Number(generateSeconds.toFixed(1)) }));
if (items !== expected) {
  console.error(`listed ${items} of ${expected} resources`);
  process.exitCode = 1;
}
