// Offline evaluation: JSON lines in (AWS Config items and/or Azure Resource Graph rows), one verdict per line out.
//   npm run evaluate -- FILE|-  [--phi-tagged]
// Exit code: 0 no FAIL, 1 at least one FAIL, 2 usage or input error.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { getCheck } from "../catalog";
import { buildContext, evaluateResource } from "../engine";
import { DEFAULT_SCOPE, type Scope } from "../scope";
import { fromAnyItem, type ResourceSnapshot } from "../snapshot";

// A closed pipe (`| head`) is not an error worth a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

async function main(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith("--"));
  if (!file) {
    process.stderr.write("usage: npm run evaluate -- FILE|- [--phi-tagged]\n");
    return 2;
  }
  const scope: Scope = argv.includes("--phi-tagged") ? { ...DEFAULT_SCOPE, mode: "PHI_TAGGED" } : DEFAULT_SCOPE;
  const input = file === "-" ? process.stdin : createReadStream(file);
  input.on("error", (e: Error) => {
    process.stderr.write(`cannot read ${file}: ${e.message}\n`);
    process.exit(2);
  });

  // Cross-resource checks need the whole estate, so read everything before evaluating.
  const snapshots: ResourceSnapshot[] = [];
  let lineNo = 0;
  let skipped = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === "") continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      process.stderr.write(`line ${lineNo}: invalid JSON (${(e as Error).message}); skipped\n`);
      skipped++;
      continue;
    }
    const r = fromAnyItem(raw);
    if (!r.ok) {
      process.stderr.write(`line ${lineNo}: ${r.reason}; skipped\n`);
      skipped++;
      continue;
    }
    snapshots.push(r.snapshot);
  }

  const ctx = buildContext(snapshots);
  let failed = 0;
  let out = "";
  for (const s of snapshots) {
    for (const v of evaluateResource(s, ctx, scope)) {
      if (v.status === "FAIL") failed++;
      const line: Record<string, unknown> = { resourceId: s.resourceId, resourceType: s.resourceType, checkId: v.checkId, status: v.status, citations: getCheck(v.checkId)?.citations ?? [], evidence: v.evidence, inScope: v.inScope };
      if (v.reason) line.reason = v.reason;
      out += JSON.stringify(line) + "\n";
      if (out.length > 1 << 16) {
        process.stdout.write(out);
        out = "";
      }
    }
  }
  process.stdout.write(out);
  process.stderr.write(`${snapshots.length} resource(s) evaluated, ${skipped} line(s) skipped, ${failed} FAIL verdict(s)\n`);
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => { process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`); process.exitCode = 2; },
);
