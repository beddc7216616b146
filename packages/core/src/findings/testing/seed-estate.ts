// Test and benchmark data, written as the database owner (RLS does not apply) with set-based SQL:
// a whole estate of resources and findings is a handful of INSERT … SELECT statements, not a loop.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { checksForType } from "@safeguard/controls/catalog";

type Sql = Pick<pg.Client, "query">;

export async function seedOrganization(c: Sql, { slug, name = slug }: { slug: string; name?: string }): Promise<string> {
  const id = randomUUID();
  await c.query("INSERT INTO organizations (id, slug, name, updated_at) VALUES ($1, $2, $3, now())", [id, slug, name]);
  return id;
}

export async function seedUser(c: Sql, { orgId, email, role }: { orgId: string; email: string; role: string }): Promise<string> {
  const id = randomUUID();
  await c.query("INSERT INTO users (id, email, name, updated_at) VALUES ($1, $2, $2, now())", [id, email]);
  await c.query("INSERT INTO memberships (org_id, user_id, role, updated_at) VALUES ($1, $2, $3::\"Role\", now())", [orgId, id, role]);
  return id;
}

export async function seedAccount(c: Sql, { orgId, name, provider = "AWS", externalAccountId, status = "ACTIVE" }: { orgId: string; name: string; provider?: "AWS" | "AZURE"; externalAccountId?: string; status?: string }): Promise<string> {
  const { rows } = await c.query<{ id: string }>(
    `INSERT INTO cloud_accounts (org_id, provider, name, external_account_id, status, updated_at)
     VALUES ($1, $2::"CloudProvider", $3, $4, $5::"CloudAccountStatus", now()) RETURNING id`,
    [orgId, provider, name, externalAccountId ?? String(Math.floor(Math.random() * 1e12)).padStart(12, "0"), status],
  );
  return rows[0]!.id;
}

export interface EstateSpec {
  orgId: string;
  accountId: string;
  /** resources to create, spread round-robin over `types` and `regions` */
  resources: number;
  types: string[];
  regions?: string[];
  /** percentage (0–100) of findings that FAIL; a further 2 % are ERROR, the rest PASS */
  failPercent?: number;
  /** tags written on every resource whose ordinal is divisible by 5 */
  tags?: Record<string, string>;
}

/**
 * Resources round-robin over the types, and one finding per (resource, catalog check of its type).
 * Statuses are derived from a hash of the pair, so a run is deterministic for the same ids.
 */
export async function seedEstate(c: Sql, spec: EstateSpec): Promise<{ resources: number; findings: number }> {
  const regions = spec.regions ?? ["us-east-1", "eu-west-1"];
  const typeCol: string[] = [];
  const checkCol: string[] = [];
  const sevCol: string[] = [];
  for (const t of spec.types) {
    for (const check of checksForType(t)) {
      typeCol.push(t);
      checkCol.push(check.id);
      sevCol.push(check.severity.toUpperCase());
    }
  }
  const prefix = randomUUID().slice(0, 8);
  const res = await c.query(
    `INSERT INTO resources (org_id, account_id, provider, native_id, resource_id, resource_type, region, name, tags, configuration, config_hash, in_scope)
     SELECT $1, $2, a.provider, 'arn:sim:' || $3 || ':' || g, $3 || '-' || g, ($4::text[])[1 + g % cardinality($4::text[])],
            ($5::text[])[1 + g % cardinality($5::text[])], 'res-' || $3 || '-' || g,
            CASE WHEN g % 5 = 0 THEN $6::jsonb ELSE '{}'::jsonb END,
            jsonb_build_object('ordinal', g, 'encrypted', g % 3 <> 0), md5(g::text), g % 7 <> 0
     FROM generate_series(1, $7::int) g, cloud_accounts a WHERE a.id = $2`,
    [spec.orgId, spec.accountId, prefix, spec.types, regions, JSON.stringify(spec.tags ?? {}), spec.resources],
  );
  const fail = spec.failPercent ?? 25;
  const fin = await c.query(
    `WITH chk AS (SELECT * FROM unnest($3::text[], $4::text[], $5::text[]) AS t(resource_type, check_id, severity))
     INSERT INTO findings (org_id, account_id, resource_id, check_id, status, severity, resource_type, region, in_scope, evidence, reason,
                           first_seen_at, last_changed_at)
     SELECT r.org_id, r.account_id, r.id, chk.check_id,
            (CASE WHEN h < $6 THEN 'FAIL' WHEN h < $6 + 2 THEN 'ERROR' ELSE 'PASS' END)::"FindingStatus",
            chk.severity::"Severity", r.resource_type, r.region, r.in_scope,
            jsonb_build_array(jsonb_build_object('path', 'configuration.encrypted', 'value', h >= $6, 'expected', true)),
            CASE WHEN h < $6 THEN 'configuration.encrypted is false' END,
            now() - make_interval(days => h % 60), now() - make_interval(hours => h)
     FROM resources r JOIN chk ON chk.resource_type = r.resource_type
     CROSS JOIN LATERAL (SELECT abs(hashtext(r.resource_id || chk.check_id)) % 100 AS h) x
     WHERE r.account_id = $1 AND r.native_id LIKE 'arn:sim:' || $2 || ':%'`,
    [spec.accountId, prefix, typeCol, checkCol, sevCol, fail],
  );
  return { resources: res.rowCount ?? 0, findings: fin.rowCount ?? 0 };
}
