// Turns snapshots into staged verdicts. Checks that read other resources (contextTypes) must wait for
// the whole context; every other check runs as soon as its resource arrives, so only the context
// and the deferred resources are held in memory, never the whole account.
import { CHECKS, checksForType, contextTypesFor, getCheck } from "@safeguard/controls/catalog";
import { buildContext, evaluateChecks } from "@safeguard/controls/engine";
import type { Scope } from "@safeguard/controls/scope";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { Check } from "@safeguard/controls/types";
import type { OrgSql } from "@safeguard/db/tenant";
import { copyFreshFindings, type FreshScope } from "../reconcile/fresh-rows";
import { stageVerdicts, type StagedVerdict } from "../reconcile/staging";

const SYNTHETIC = ["Safeguard::AWS::Account", "Safeguard::AWS::Region", "microsoft.resources/subscriptions"];

/** Every type some check reads through the context, plus the account/region facts. */
export const CONTEXT_TYPES: ReadonlySet<string> = new Set([...SYNTHETIC, ...CHECKS.flatMap((c) => c.contextTypes)]);

const needsContextCache = new Map<string, boolean>();
export function needsContext(resourceType: string): boolean {
  let v = needsContextCache.get(resourceType);
  if (v === undefined) needsContextCache.set(resourceType, (v = contextTypesFor(resourceType).length > 0));
  return v;
}

const severityCache = new Map<string, StagedVerdict["severity"]>();
function severityOf(checkId: string): StagedVerdict["severity"] {
  let s = severityCache.get(checkId);
  if (!s) severityCache.set(checkId, (s = (getCheck(checkId)?.severity ?? "low").toUpperCase() as StagedVerdict["severity"]));
  return s;
}

const FLUSH_AT = 20_000;

export class VerdictStager {
  private buffer: StagedVerdict[] = [];
  evaluated = 0;
  verdicts = 0;
  /** time spent in the check engine (not in staging) */
  elapsedMs = 0;
  private readonly context = buildContext([]);
  private deferred: Array<{ s: ResourceSnapshot; checks: readonly Check[] }> = [];

  /** OPENED / ERRORED events written by the fresh-resource fast path */
  readonly freshEvents: Record<string, number> = {};

  constructor(
    private readonly sql: OrgSql,
    private readonly scope: Scope,
    /** resources COPY'd straight into the table (new to the account) -> their ids: their findings skip the diff */
    private readonly fresh: { scope: FreshScope; ids: Map<string, string> },
  ) {}

  /** Keeps context-type snapshots for cross-resource checks. */
  index(s: ResourceSnapshot): void {
    if (CONTEXT_TYPES.has(s.resourceType)) this.context.add(s);
  }

  /**
   * Evaluates now, or after collection when the resource's checks need the full context. `checks`
   * (default: all of the type's) lets an incremental scan re-run only some of them.
   */
  async submit(s: ResourceSnapshot, checks: readonly Check[] = checksForType(s.resourceType)): Promise<void> {
    if (checks.length === 0) return;
    if (needsContext(s.resourceType)) {
      this.deferred.push({ s, checks });
      return;
    }
    await this.evaluate(s, checks);
  }

  /** Evaluates everything that waited for the context, then flushes. */
  async finish(onProgress?: (evaluated: number) => void): Promise<void> {
    const list = this.deferred;
    this.deferred = [];
    for (let i = 0; i < list.length; i++) {
      const d = list[i]!;
      await this.evaluate(d.s, d.checks);
      if (onProgress && i % 5000 === 4999) onProgress(this.evaluated);
    }
    await this.flush();
  }

  private async evaluate(s: ResourceSnapshot, checks: readonly Check[]): Promise<void> {
    const t = performance.now();
    const verdicts = evaluateChecks(s, checks, this.context, this.scope);
    this.elapsedMs += performance.now() - t;
    for (const verdict of verdicts) this.buffer.push({ snapshot: s, verdict, severity: severityOf(verdict.checkId) });
    this.evaluated++;
    this.verdicts += verdicts.length;
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    const freshRows: StagedVerdict[] = [];
    const stagedRows: StagedVerdict[] = [];
    for (const r of rows) (this.fresh.ids.has(r.snapshot.nativeId) ? freshRows : stagedRows).push(r);
    const counts = await copyFreshFindings(this.sql, this.fresh.scope, freshRows, this.fresh.ids);
    for (const [k, n] of Object.entries(counts)) this.freshEvents[k] = (this.freshEvents[k] ?? 0) + n;
    await stageVerdicts(this.sql, stagedRows);
  }
}
