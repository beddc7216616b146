// Set-based resource reconciliation: one upsert for every new or changed resource, one update for
// the ones that disappeared. Unchanged resources are not in stage_resources at all.
import type { OrgSql } from "@safeguard/db/tenant";

export interface ResourceScope {
  orgId: string;
  accountId: string;
  provider: "AWS" | "AZURE";
}

/** Returns how many rows were inserted and how many updated. */
export async function upsertResources(sql: OrgSql, s: ResourceScope): Promise<{ inserted: number; updated: number }> {
  const { rows } = await sql.query<{ inserted: string; updated: string }>(
    `WITH up AS (
       INSERT INTO resources AS r (id, org_id, account_id, provider, native_id, resource_id, resource_type, region, name, tags,
         configuration, supplementary, relationships, config_hash, in_scope, captured_at, first_seen_at, last_seen_at, last_changed_at)
       SELECT sg_uuid_v7(), $1, $2, $3::"CloudProvider", native_id, resource_id, resource_type, region, name, tags,
         configuration, supplementary, relationships, config_hash, in_scope, captured_at, now(), now(), now()
       FROM stage_resources
       ON CONFLICT (account_id, native_id) DO UPDATE SET
         resource_id = excluded.resource_id, resource_type = excluded.resource_type, region = excluded.region,
         name = excluded.name, tags = excluded.tags, configuration = excluded.configuration,
         supplementary = excluded.supplementary, relationships = excluded.relationships,
         config_hash = excluded.config_hash, in_scope = excluded.in_scope, captured_at = excluded.captured_at,
         last_seen_at = now(), last_changed_at = now(), deleted_at = NULL
       WHERE r.config_hash IS DISTINCT FROM excluded.config_hash OR r.deleted_at IS NOT NULL OR r.in_scope <> excluded.in_scope
       RETURNING (xmax = 0) AS inserted
     )
     SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM up`,
    [s.orgId, s.accountId, s.provider],
  );
  return { inserted: Number(rows[0]?.inserted ?? 0), updated: Number(rows[0]?.updated ?? 0) };
}

/**
 * Marks deleted the account's live resources the scan did not see, but only in regions the scan
 * covered completely: a region that failed says nothing about what exists there.
 * Returns the ids of the resources marked deleted (kept in a temp table for the finding step).
 */
export async function markDeletedResources(sql: OrgSql, s: ResourceScope, completeRegions: readonly string[]): Promise<number> {
  const { rowCount } = await sql.query(
    `CREATE TEMP TABLE gone_resources ON COMMIT DROP AS
     WITH gone AS (
       UPDATE resources r SET deleted_at = now(), last_changed_at = now()
       WHERE r.account_id = $1 AND r.deleted_at IS NULL AND r.region = ANY($2::text[])
         AND NOT EXISTS (SELECT 1 FROM stage_seen s WHERE s.native_id = r.native_id)
       RETURNING r.id
     ) SELECT id FROM gone`,
    [s.accountId, completeRegions],
  );
  return rowCount ?? 0;
}
