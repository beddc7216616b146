// Per-scan staging tables. TEMP tables live in the scan's own session and vanish at COMMIT or
// ROLLBACK, so a crashed scan leaves nothing behind and never touches the committed state.
// Autovacuum never analyses temp tables: analyseStaging() must run before the set-based statements,
// or the planner guesses 1,000 rows and picks nested loops over 100,000.
import type { OrgSql } from "@safeguard/db/tenant";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { Verdict } from "@safeguard/controls/types";
import { copyRows, jsonField, type CopyValue } from "./copy";

export async function createStaging(sql: OrgSql): Promise<void> {
  await sql.query(`
    CREATE TEMP TABLE stage_seen (native_id text NOT NULL, region text NOT NULL) ON COMMIT DROP;
    CREATE TEMP TABLE stage_resources (
      native_id text NOT NULL, resource_id text NOT NULL, resource_type text NOT NULL, region text NOT NULL,
      name text, tags jsonb NOT NULL, configuration jsonb NOT NULL, supplementary jsonb NOT NULL,
      relationships jsonb NOT NULL, config_hash text NOT NULL, in_scope boolean NOT NULL, captured_at timestamptz
    ) ON COMMIT DROP;
    CREATE TEMP TABLE stage_verdicts (
      native_id text NOT NULL, check_id text NOT NULL, status "FindingStatus" NOT NULL, severity "Severity" NOT NULL,
      resource_type text NOT NULL, region text NOT NULL, in_scope boolean NOT NULL, evidence jsonb NOT NULL, reason text
    ) ON COMMIT DROP;
    CREATE TEMP TABLE fresh_resources (LIKE resources INCLUDING DEFAULTS) ON COMMIT DROP;
    CREATE TEMP TABLE fresh_findings (LIKE findings INCLUDING DEFAULTS) ON COMMIT DROP;
    CREATE TEMP TABLE fresh_events (LIKE finding_events INCLUDING DEFAULTS) ON COMMIT DROP;
  `);
}

export interface StagedResource {
  snapshot: ResourceSnapshot;
  hash: string;
  inScope: boolean;
}

const RESOURCE_COLUMNS = [
  "native_id", "resource_id", "resource_type", "region", "name", "tags", "configuration", "supplementary",
  "relationships", "config_hash", "in_scope", "captured_at",
] as const;

function* resourceRows(rows: readonly StagedResource[]): Iterable<CopyValue[]> {
  for (const { snapshot: s, hash, inScope } of rows) {
    yield [
      s.nativeId, s.resourceId, s.resourceType, s.region, s.name, jsonField(s.tags), jsonField(s.configuration),
      jsonField(s.supplementaryConfiguration), jsonField(s.relationships), hash, inScope, s.capturedAt,
    ];
  }
}

/** Full rows of new or changed resources. */
export function stageResources(sql: OrgSql, rows: readonly StagedResource[]): Promise<number> {
  return rows.length === 0 ? Promise.resolve(0) : copyRows(sql, "stage_resources", RESOURCE_COLUMNS, resourceRows(rows));
}

/** Every resource the scan saw (changed or not): what is absent from here gets marked deleted. */
export function stageSeen(sql: OrgSql, rows: ReadonlyArray<{ nativeId: string; region: string }>): Promise<number> {
  return rows.length === 0 ? Promise.resolve(0) : copyRows(sql, "stage_seen", ["native_id", "region"], rows.map((r) => [r.nativeId, r.region]));
}

export interface StagedVerdict {
  snapshot: ResourceSnapshot;
  verdict: Verdict;
  severity: "CRITICAL" | "HIGH" | "MEDIUM" | "LOW";
}

const VERDICT_COLUMNS = ["native_id", "check_id", "status", "severity", "resource_type", "region", "in_scope", "evidence", "reason"] as const;

function* verdictRows(rows: readonly StagedVerdict[]): Iterable<CopyValue[]> {
  for (const { snapshot: s, verdict: v, severity } of rows) {
    yield [s.nativeId, v.checkId, v.status, severity, s.resourceType, s.region, v.inScope, jsonField(v.evidence ?? []), v.reason ?? null];
  }
}

export function stageVerdicts(sql: OrgSql, rows: readonly StagedVerdict[]): Promise<number> {
  return rows.length === 0 ? Promise.resolve(0) : copyRows(sql, "stage_verdicts", VERDICT_COLUMNS, verdictRows(rows));
}

export async function analyseStaging(sql: OrgSql): Promise<void> {
  // No indexes: the statements over these tables join them on these columns (reconcile-scan.ts). Only
  // those get statistics: sampling the JSON columns cost a re-scan a quarter of a second.
  await sql.query("ANALYZE stage_seen (native_id); ANALYZE stage_resources (native_id); ANALYZE stage_verdicts (native_id, check_id);");
}
