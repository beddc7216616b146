// npm run bench:controls [-- COUNT] [--unique-policies]: evaluates COUNT (default 1,000,000) generated resources across every
// covered type, in batches of 100,000 (the pipeline's batch size), on one core.
//
// What is timed: evaluateResource() over each batch, nothing else. Generating a batch, building its
// context (reported on its own line) and settling the garbage the generator left behind (a full GC before
// each timed section, so the generator's allocation debt is not billed to the engine) are outside it.
// The estate repeats the fixture templates (see generate.ts): every resource has its own configuration
// objects and strings, but identical policy texts recur, as templated policies do in real accounts;
// --unique-policies makes every policy text distinct (the worst case for the policy-text memo).
//
// Prints wall-clock and CPU-time rates (the machine may be shared), peak RSS, then one JSON line
// {"resources","resourcesPerSecond","checksPerSecond","peakRssMiB"} from the wall-clock figures.
import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { buildContext, evaluateResource } from "../src/engine";
import { policyMemoStats } from "../src/lib/policy";
import type { ResourceSnapshot } from "../src/snapshot";
import { generate, templates } from "./generate";

// A full collection on demand without requiring `node --expose-gc` from the npm script. Sweeping is made
// synchronous so the collection finishes inside fullGc() instead of on helper threads during the timed section
// (the evaluation itself triggers only young-generation collections, which never sweep).
setFlagsFromString("--expose-gc");
setFlagsFromString("--no-concurrent-sweeping");
const fullGc = runInNewContext("gc") as () => void;

/**
 * CPU seconds used by the main (JavaScript) thread alone, from /proc on Linux; undefined elsewhere.
 * Unlike process.cpuUsage() it leaves out V8's helper threads (concurrent compiler, parallel GC).
 */
function mainThreadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
const uniquePolicies = args.includes("--unique-policies");
const total = Number(args.find((a) => !a.startsWith("--")) ?? 1_000_000);
const BATCH = 100_000;
const tpl = templates();

let evalNs = 0n;
let evalCpuUs = 0;
let mainCpuS: number | undefined = 0;
const batchRates: number[] = [];
let ctxNs = 0n;
let verdicts = 0;
let fails = 0;
for (let done = 0; done < total; ) {
  const n = Math.min(BATCH, total - done);
  const batch: ResourceSnapshot[] = new Array<ResourceSnapshot>(n);
  for (let i = 0; i < n; i++) batch[i] = generate(tpl[(done + i) % tpl.length]!, done + i, uniquePolicies);
  const t0 = process.hrtime.bigint();
  const ctx = buildContext(batch);
  const t1 = process.hrtime.bigint();
  fullGc();
  const c0 = process.cpuUsage();
  const m0 = mainThreadCpuSeconds();
  const t2 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const vs = evaluateResource(batch[i]!, ctx);
    verdicts += vs.length;
    for (let j = 0; j < vs.length; j++) if (vs[j]!.status === "FAIL") fails++;
  }
  const t3 = process.hrtime.bigint();
  const m1 = mainThreadCpuSeconds();
  const c1 = process.cpuUsage(c0);
  mainCpuS = mainCpuS === undefined || m0 === undefined || m1 === undefined ? undefined : mainCpuS + (m1 - m0);
  batchRates.push(Math.round(n / (Number(t3 - t2) / 1e9)));
  ctxNs += t1 - t0;
  evalNs += t3 - t2;
  evalCpuUs += c1.user + c1.system;
  done += n;
}

const evalS = Number(evalNs) / 1e9;
const cpuS = evalCpuUs / 1e6;
const ctxS = Number(ctxNs) / 1e9;
const resourcesPerSecond = Math.round(total / evalS);
const checksPerSecond = Math.round(verdicts / evalS);
const peakRssMiB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
console.log(`templates: ${tpl.length} fixture items over ${new Set(tpl.map((t) => t.resourceType)).size} resource types, repeated with fresh ids and copied configuration; policy texts ${uniquePolicies ? "unique per resource" : "repeat as in the templates"}`);
console.log(`timed: evaluateResource only (generation, context build and a full GC before each batch are outside)`);
console.log(`evaluated ${total.toLocaleString()} resources -> ${verdicts.toLocaleString()} verdicts (${fails.toLocaleString()} FAIL) in ${evalS.toFixed(2)} s wall, ${cpuS.toFixed(2)} s CPU`);
console.log(`per batch (wall): ${batchRates.map((x) => x.toLocaleString()).join(" ")} resources/s (the first includes JIT warm-up)`);
console.log(`per CPU second, whole process (incl. V8 compiler and GC helper threads): ${Math.round(total / cpuS).toLocaleString()} resources/s, ${Math.round(verdicts / cpuS).toLocaleString()} checks/s`);
if (mainCpuS !== undefined && mainCpuS > 0) {
  console.log(`per CPU second, main thread only (one core, unaffected by other processes): ${Math.round(total / mainCpuS).toLocaleString()} resources/s, ${Math.round(verdicts / mainCpuS).toLocaleString()} checks/s`);
}
const pm = policyMemoStats();
console.log(`policy texts: ${pm.misses.toLocaleString()} parsed (${pm.distinctTexts} distinct kept), ${pm.hits.toLocaleString()} lookups answered by the text memo`);
console.log(`context build: ${ctxS.toFixed(2)} s total (${Math.round(total / ctxS).toLocaleString()} resources/s)`);
console.log(`resources/s: ${resourcesPerSecond.toLocaleString()}   checks/s: ${checksPerSecond.toLocaleString()}   peak RSS: ${peakRssMiB} MiB`);
console.log(JSON.stringify({ resources: total, resourcesPerSecond, checksPerSecond, peakRssMiB }));
