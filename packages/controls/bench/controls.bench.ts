// npm run bench:controls [-- COUNT]: evaluates COUNT (default 1,000,000) generated resources across every
// covered type, in batches of 100,000 (the pipeline's batch size), on one core. Prints resources/s,
// checks/s and peak RSS, then one JSON line {"resources","resourcesPerSecond","checksPerSecond","peakRssMiB"}.
import { buildContext, evaluateResource } from "../src/engine";
import type { ResourceSnapshot } from "../src/snapshot";
import { generate, templates } from "./generate";

const total = Number(process.argv[2] ?? 1_000_000);
const BATCH = 100_000;
const tpl = templates();

let evalNs = 0n;
let ctxNs = 0n;
let verdicts = 0;
let fails = 0;
for (let done = 0; done < total; ) {
  const n = Math.min(BATCH, total - done);
  const batch: ResourceSnapshot[] = new Array<ResourceSnapshot>(n);
  for (let i = 0; i < n; i++) batch[i] = generate(tpl[(done + i) % tpl.length]!, done + i);
  const t0 = process.hrtime.bigint();
  const ctx = buildContext(batch);
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const vs = evaluateResource(batch[i]!, ctx);
    verdicts += vs.length;
    for (let j = 0; j < vs.length; j++) if (vs[j]!.status === "FAIL") fails++;
  }
  const t2 = process.hrtime.bigint();
  ctxNs += t1 - t0;
  evalNs += t2 - t1;
  done += n;
}

const evalS = Number(evalNs) / 1e9;
const ctxS = Number(ctxNs) / 1e9;
const resourcesPerSecond = Math.round(total / evalS);
const checksPerSecond = Math.round(verdicts / evalS);
const peakRssMiB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
console.log(`templates: ${tpl.length} fixture items over ${new Set(tpl.map((t) => t.resourceType)).size} resource types`);
console.log(`evaluated ${total.toLocaleString()} resources -> ${verdicts.toLocaleString()} verdicts (${fails.toLocaleString()} FAIL) in ${evalS.toFixed(2)} s`);
console.log(`context build: ${ctxS.toFixed(2)} s total (${Math.round(total / ctxS).toLocaleString()} resources/s)`);
console.log(`resources/s: ${resourcesPerSecond.toLocaleString()}   checks/s: ${checksPerSecond.toLocaleString()}   peak RSS: ${peakRssMiB} MiB`);
console.log(JSON.stringify({ resources: total, resourcesPerSecond, checksPerSecond, peakRssMiB }));
