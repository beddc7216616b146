// Reads an account's live resources back as snapshots (incremental scans need the unchanged context
// and the dependents of what changed). A cursor keeps memory flat however many rows match.
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { OrgSql } from "@safeguard/db/tenant";

const PAGE = 2000;

interface Row {
  native_id: string;
  resource_id: string;
  resource_type: string;
  region: string;
  name: string | null;
  tags: Record<string, string>;
  configuration: Record<string, unknown>;
  supplementary: Record<string, unknown>;
  relationships: ResourceSnapshot["relationships"];
  captured_at: Date | null;
}

export async function loadLiveSnapshots(
  sql: OrgSql,
  accountId: string,
  externalAccountId: string,
  provider: "AWS" | "AZURE",
  types: readonly string[],
  each: (s: ResourceSnapshot) => Promise<void>,
): Promise<number> {
  if (types.length === 0) return 0;
  const cursor = `live_${Math.random().toString(36).slice(2, 10)}`;
  await sql.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR
     SELECT native_id, resource_id, resource_type, region, name, tags, configuration, supplementary, relationships, captured_at
     FROM resources WHERE account_id = $1 AND deleted_at IS NULL AND resource_type = ANY($2::text[])`,
    [accountId, types],
  );
  let n = 0;
  try {
    for (;;) {
      const { rows } = await sql.query<Row>(`FETCH ${PAGE} FROM ${cursor}`);
      for (const r of rows) {
        n++;
        await each({
          provider: provider === "AWS" ? "aws" : "azure",
          nativeId: r.native_id,
          resourceId: r.resource_id,
          resourceType: r.resource_type,
          accountId: externalAccountId,
          region: r.region,
          name: r.name ?? r.resource_id,
          tags: r.tags,
          configuration: r.configuration,
          supplementaryConfiguration: r.supplementary,
          relationships: r.relationships,
          capturedAt: r.captured_at ? r.captured_at.toISOString() : null,
        });
      }
      if (rows.length < PAGE) break;
    }
  } finally {
    await sql.query(`CLOSE ${cursor}`);
  }
  return n;
}
