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

/** Moves the fresh rows into the real tables (resources first: findings reference them). */
export async function insertFreshRows(sql: OrgSql, steps: Record<string, number> = {}): Promise<number> {
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - t);
    t = now;
  };
  const r = await sql.query("INSERT INTO resources SELECT * FROM fresh_resources");
  lap("freshResources");
  await sql.query("INSERT INTO findings SELECT * FROM fresh_findings");
  lap("freshFindings");
  await sql.query("INSERT INTO finding_events SELECT * FROM fresh_events");
  lap("freshEvents");
  return r.rowCount ?? 0;
}
