// The fast path for resources the account has never had (all of them on a first scan): their rows,
// findings and opening events cannot conflict with anything stored, so they skip the diff. Postgres
// refuses COPY FROM into tables with row-level security, so they are COPY'd into temp tables shaped
// like the real ones and moved with one plain INSERT … SELECT each (no joins, no ON CONFLICT).
import type { Verdict } from "@safeguard/controls/types";
import type { OrgSql } from "@safeguard/db/tenant";
import { copyRows, jsonField, type CopyValue } from "./copy";
import type { StagedResource, StagedVerdict } from "./staging";
import { uuidv7 } from "./uuid-v7";

export interface FreshScope {
  orgId: string;
  accountId: string;
  provider: "AWS" | "AZURE";
  scanRunId: string;
}

const RESOURCE_COLUMNS = [
  "id", "org_id", "account_id", "provider", "native_id", "resource_id", "resource_type", "region", "name", "tags",
  "configuration", "supplementary", "relationships", "config_hash", "in_scope", "captured_at",
];

/** COPYs new resources; returns their ids by native id. */
export async function copyFreshResources(sql: OrgSql, s: FreshScope, rows: readonly StagedResource[], ids: Map<string, string>): Promise<void> {
  if (rows.length === 0) return;
  const out: CopyValue[][] = [];
  for (const { snapshot: r, hash, inScope } of rows) {
    const id = uuidv7();
    ids.set(r.nativeId, id);
    out.push([id, s.orgId, s.accountId, s.provider, r.nativeId, r.resourceId, r.resourceType, r.region, r.name, jsonField(r.tags),
      jsonField(r.configuration), jsonField(r.supplementaryConfiguration), jsonField(r.relationships), hash, inScope, r.capturedAt]);
  }
  await copyRows(sql, "fresh_resources", RESOURCE_COLUMNS, out);
}

const FINDING_COLUMNS = ["id", "org_id", "account_id", "resource_id", "check_id", "status", "severity", "resource_type", "region", "in_scope", "evidence", "reason"];
const EVENT_COLUMNS = ["id", "org_id", "finding_id", "account_id", "resource_id", "check_id", "scan_run_id", "kind", "to_status", "severity"];

const OPENING: Partial<Record<Verdict["status"], string>> = { FAIL: "OPENED", ERROR: "ERRORED" };

/** COPYs the findings of new resources and the OPENED / ERRORED events of the failing ones. */
export async function copyFreshFindings(sql: OrgSql, s: FreshScope, rows: readonly StagedVerdict[], resourceIds: Map<string, string>): Promise<Record<string, number>> {
  const findings: CopyValue[][] = [];
  const events: CopyValue[][] = [];
  const counts: Record<string, number> = {};
  for (const { snapshot: r, verdict: v, severity } of rows) {
    const resourceId = resourceIds.get(r.nativeId) as string;
    const id = uuidv7();
    findings.push([id, s.orgId, s.accountId, resourceId, v.checkId, v.status, severity, r.resourceType, r.region, v.inScope, jsonField(v.evidence ?? []), v.reason ?? null]);
    const kind = OPENING[v.status];
    if (kind) {
      events.push([uuidv7(), s.orgId, id, s.accountId, resourceId, v.checkId, s.scanRunId, kind, v.status, severity]);
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
  }
  if (findings.length > 0) await copyRows(sql, "fresh_findings", FINDING_COLUMNS, findings);
  if (events.length > 0) await copyRows(sql, "fresh_events", EVENT_COLUMNS, events);
  return counts;
}

/**
 * Moves fresh rows from the temp tables into the real ones (resources first: findings reference
 * them), in the scan's own transaction. On a first scan this is most of the database's work, so it
 * starts while collection goes on: a move is issued every `batch` fresh resources without waiting
 * for it, and the connection runs it while this process reads and evaluates the next pages (the
 * next statement simply queues behind it). finish() moves the rest once everything is staged.
 */
export class FreshRowMover {
  private pending: Promise<void> | null = null;
  private failure: unknown = null;
  private sinceMove = 0;
  resourcesInserted = 0;
  /** milliseconds the moves took in all (most of them overlap collection) */
  moveMs = 0;

  constructor(
    private readonly sql: OrgSql,
    private readonly batch = 5000,
  ) {}

  /** Counts fresh resources just COPY'd; starts a background move when a batch has built up. */
  added(resources: number): void {
    if (this.failure) throw this.failure;
    this.sinceMove += resources;
    if (this.sinceMove < this.batch || this.pending) return;
    this.sinceMove = 0;
    this.pending = this.move()
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.pending = null;
      });
  }

  /** Waits for a background move, then moves what is left. Returns the resources inserted in all. */
  async finish(): Promise<number> {
    await this.pending;
    if (this.failure) throw this.failure;
    await this.move();
    return this.resourcesInserted;
  }

  private async move(): Promise<void> {
    const t = performance.now();
    // One simple query, so nothing can be queued between a move and the emptying of its temp
    // table (a COPY issued meanwhile would otherwise be truncated away unmoved).
    const results = (await this.sql.query(
      `INSERT INTO resources SELECT * FROM fresh_resources; TRUNCATE fresh_resources;
       INSERT INTO findings SELECT * FROM fresh_findings; TRUNCATE fresh_findings;
       INSERT INTO finding_events SELECT * FROM fresh_events; TRUNCATE fresh_events;`,
    )) as unknown as Array<{ rowCount: number | null }>;
    this.resourcesInserted += results[0]?.rowCount ?? 0;
    this.moveMs += Math.round(performance.now() - t);
  }
}
