// Benchmark data: 100 organisations, 1,000,000 findings, written as the database owner with a few
// set-based statements (generate_series + INSERT … SELECT), not row by row.
import pg from "pg";
import { checksForType } from "@safeguard/controls/catalog";

export interface BenchSeed {
  orgs: Array<{ id: string; slug: string }>;
  findings: number;
  resources: number;
}

// A mix of common types; average ~10 checks each, so ~100k resources give ~1M findings.
const TYPES = [
  "AWS::S3::Bucket", "AWS::EC2::Volume", "AWS::RDS::DBInstance", "AWS::KMS::Key", "AWS::EC2::SecurityGroup", "AWS::EC2::Instance",
  "AWS::DynamoDB::Table", "AWS::Logs::LogGroup", "AWS::IAM::Role", "AWS::IAM::User", "AWS::Redshift::Cluster", "AWS::EFS::FileSystem",
  "AWS::EC2::Subnet", "AWS::SecretsManager::Secret", "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::CloudTrail::Trail",
];

export async function seedBench(ownerUrl: string, { orgCount = 100, targetFindings = 1_000_000, accountsPerOrg = 2 } = {}): Promise<BenchSeed> {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const typeCol: string[] = [];
    const checkCol: string[] = [];
    const sevCol: string[] = [];
    for (const t of TYPES) for (const ch of checksForType(t)) {
      typeCol.push(t);
      checkCol.push(ch.id);
      sevCol.push(ch.severity.toUpperCase());
    }
    const perType = typeCol.length / TYPES.length;
    const resourcesPerAccount = Math.round(targetFindings / (orgCount * accountsPerOrg) / perType);

    await c.query("SET synchronous_commit = off");
    const orgs = await c.query<{ id: string; slug: string }>(
      `INSERT INTO organizations (id, slug, name, updated_at)
       SELECT gen_random_uuid(), 'bench-' || lpad(g::text, 3, '0'), 'Bench org ' || g, now() FROM generate_series(0, $1 - 1) g
       RETURNING id, slug`,
      [orgCount],
    );
    await c.query(
      `INSERT INTO cloud_accounts (org_id, provider, name, external_account_id, status, regions, updated_at, last_scan_at)
       SELECT o.id, 'AWS', 'account-' || a, lpad((abs(hashtext(o.id::text)) % 1000000000)::text || a, 12, '0'),
              CASE WHEN a = 1 AND abs(hashtext(o.slug)) % 10 = 0 THEN 'MISSING_PERMISSION' ELSE 'ACTIVE' END::"CloudAccountStatus",
              ARRAY['us-east-1','eu-west-1'], now(), now()
       FROM organizations o, generate_series(0, $1 - 1) a WHERE o.slug LIKE 'bench-%'`,
      [accountsPerOrg],
    );
    const res = await c.query(
      `INSERT INTO resources (org_id, account_id, provider, native_id, resource_id, resource_type, region, name, tags, configuration, config_hash, in_scope)
       SELECT a.org_id, a.id, 'AWS', 'arn:bench:' || a.id || ':' || g, 'r-' || g, ($2::text[])[1 + g % cardinality($2::text[])],
              CASE WHEN g % 3 = 0 THEN 'eu-west-1' ELSE 'us-east-1' END, 'res-' || g || '-' || left(a.id::text, 8),
              CASE WHEN g % 4 = 0 THEN '{"PHI":"true","Team":"Data"}'::jsonb ELSE '{"Team":"Web"}'::jsonb END,
              jsonb_build_object('ordinal', g, 'encrypted', g % 3 <> 0, 'versioning', jsonb_build_object('status', 'Enabled')),
              md5(a.id::text || g), g % 7 <> 0
       FROM cloud_accounts a JOIN organizations o ON o.id = a.org_id AND o.slug LIKE 'bench-%', generate_series(1, $1) g`,
      [resourcesPerAccount, TYPES],
    );
    const fin = await c.query(
      `WITH chk AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS t(resource_type, check_id, severity))
       INSERT INTO findings (org_id, account_id, resource_id, check_id, status, severity, resource_type, region, in_scope, evidence, reason,
                             first_seen_at, last_changed_at)
       SELECT r.org_id, r.account_id, r.id, chk.check_id,
              (CASE WHEN h < 22 THEN 'FAIL' WHEN h < 24 THEN 'ERROR' WHEN h < 27 THEN 'NOT_APPLICABLE' ELSE 'PASS' END)::"FindingStatus",
              chk.severity::"Severity", r.resource_type, r.region, r.in_scope,
              jsonb_build_array(jsonb_build_object('path', 'configuration.encrypted', 'value', h >= 22, 'expected', true)),
              CASE WHEN h < 22 THEN 'configuration.encrypted is false' END,
              now() - make_interval(days => 30 + h % 60), now() - make_interval(mins => h * 37)
       FROM resources r JOIN chk ON chk.resource_type = r.resource_type
       CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text || chk.check_id)) % 100 AS h) x
       WHERE r.native_id LIKE 'arn:bench:%'`,
      [typeCol, checkCol, sevCol],
    );
    // Drift history: an OPENED event for one failing finding in fifty, spread over 90 days.
    await c.query(
      `INSERT INTO finding_events (org_id, finding_id, account_id, resource_id, check_id, kind, to_status, severity, occurred_at)
       SELECT org_id, id, account_id, resource_id, check_id, 'OPENED', status, severity, now() - make_interval(hours => abs(hashtext(id::text)) % 2160)
       FROM findings WHERE status = 'FAIL' AND abs(hashtext(id::text)) % 50 = 0`,
    );
    // 90 days of snapshots per account, improving slowly.
    await c.query(
      `INSERT INTO compliance_snapshots (org_id, account_id, day, pass_count, fail_count, weighted_pass, weighted_total, resource_count)
       SELECT a.org_id, a.id, current_date - d, 4000 + 10 * (90 - d), 1200 - 5 * (90 - d), 15000 + 40 * (90 - d), 20000, $1
       FROM cloud_accounts a, generate_series(0, 89) d`,
      [resourcesPerAccount],
    );
    await c.query("ANALYZE");
    return { orgs: orgs.rows.sort((x, y) => x.slug.localeCompare(y.slug)), findings: fin.rowCount ?? 0, resources: res.rowCount ?? 0 };
  } finally {
    await c.end();
  }
}

/** Makes `userId` an OWNER of the first `n` organisations, so one session can drive several tenants. */
export async function joinOrgs(ownerUrl: string, userId: string, orgIds: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    await c.query(
      `INSERT INTO memberships (org_id, user_id, role, updated_at) SELECT unnest($1::uuid[]), $2, 'OWNER', now() ON CONFLICT DO NOTHING`,
      [orgIds, userId],
    );
  } finally {
    await c.end();
  }
}
