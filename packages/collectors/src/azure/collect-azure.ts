// The Azure collector: client-secret credential -> Resource Graph over the account's subscription(s),
// every table holding a type the catalog reads (graph-tables.ts), paged by $skipToken (429s back
// off), then the ARM child reads. Incremental scans read in full only
// rows whose properties.changedTime is newer than the watermark, plus the id list for deletions.
import { ResourceGraphClient } from "@azure/arm-resourcegraph";
import { ClientSecretCredential } from "@azure/identity";
import { fromAzureGraphRow, type ResourceSnapshot } from "@safeguard/controls/snapshot";
import { CloudCallError, toCloudCallError } from "../errors";
import type { CollectError, CollectEvent, CollectOptions } from "../source";
import { ArmReader, forEachLimited } from "./arm-reads";
import { tableQueries, type GraphTable } from "./graph-tables";

export interface AzureConnection {
  /** Entra ID authority; default https://login.microsoftonline.com */
  authorityHost?: string;
  /** ARM; default https://management.azure.com */
  armEndpoint?: string;
}

export interface AzureTarget {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  subscriptionIds: string[];
}

const PAGE = 1000;
const ARM_CONCURRENCY = 8;
const SUBSCRIPTION_TYPE = "microsoft.resources/subscriptions";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const kqlList = (types: readonly string[]) => types.map((t) => `'${t}'`).join(", ");

export function kqlOf(table: GraphTable, types: readonly string[], mode: "full" | "changed" | "ids", since?: Date): string {
  let q = `${table} | where type in~ (${kqlList(types)})`;
  if (mode === "changed") q += ` | where properties.changedTime > datetime(${(since as Date).toISOString()})`;
  q += " | order by id asc";
  if (mode === "ids") q += " | project id";
  return q;
}

/** One query's pages; 429 and 5xx are retried with backoff on top of the SDK's own policy. */
async function* graphPages(client: ResourceGraphClient, subscriptions: string[], query: string, signal?: AbortSignal): AsyncGenerator<unknown[]> {
  let skipToken: string | undefined;
  do {
    if (signal?.aborted) return;
    let res;
    for (let attempt = 0; ; attempt++) {
      try {
        res = await client.resources({ subscriptions, query, options: { top: PAGE, resultFormat: "objectArray", ...(skipToken ? { skipToken } : {}) } });
        break;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if ((status === 429 || (status !== undefined && status >= 500)) && attempt < 6) {
          await sleep(Math.min(10_000, 500 * 2 ** attempt));
          continue;
        }
        throw toCloudCallError("azure", "resource-graph", "resourcegraph:resources", error);
      }
    }
    skipToken = res.skipToken || undefined;
    yield (res.data as unknown[]) ?? [];
  } while (skipToken);
}

/** When Resource Graph does not return the subscription row (no read on resourcecontainers), a bare one keeps its checks running. */
function bareSubscriptionSnapshot(subscriptionId: string): ResourceSnapshot {
  return {
    provider: "azure", nativeId: `/subscriptions/${subscriptionId}`, resourceId: `/subscriptions/${subscriptionId}`,
    resourceType: "microsoft.resources/subscriptions", accountId: subscriptionId, region: "global", name: subscriptionId,
    tags: {}, configuration: { subscriptionId }, supplementaryConfiguration: {}, relationships: [], capturedAt: null,
  };
}

export async function* collectAzure(conn: AzureConnection, target: AzureTarget, options: CollectOptions = {}): AsyncGenerator<CollectEvent> {
  // A custom authority (sovereign cloud, simulator) must skip MSAL's instance discovery, which asks
  // login.microsoftonline.com whether the authority is known.
  const credential = new ClientSecretCredential(target.tenantId, target.clientId, target.clientSecret,
    conn.authorityHost ? { authorityHost: conn.authorityHost, disableInstanceDiscovery: true } : {});
  const armEndpoint = conn.armEndpoint ?? "https://management.azure.com";
  // Fail fast on a wrong or expired secret: an account problem, not a coverage gap.
  try {
    await credential.getToken("https://management.azure.com/.default");
  } catch (error) {
    const e = error as { message?: string; statusCode?: number; errorResponse?: { error?: string } };
    throw new CloudCallError("azure", "token", "entra:token", e.errorResponse?.error ?? "AuthenticationError", e.message ?? String(error), e.statusCode);
  }
  const client = new ResourceGraphClient(credential, { baseUri: armEndpoint });
  const arm = new ArmReader(credential, armEndpoint);
  const subs = target.subscriptionIds;
  const since = options.changedSince ?? null;
  const scope = subs.join(",");
  let resources = 0;
  let failure: CollectError | null = null;

  const normalise = (rows: unknown[]): ResourceSnapshot[] => {
    const snaps: ResourceSnapshot[] = [];
    for (const row of rows) {
      const n = fromAzureGraphRow(row);
      if (n.ok) snaps.push(n.snapshot);
    }
    return snaps;
  };
  async function* withChildReads(snaps: ResourceSnapshot[]): AsyncGenerator<CollectEvent> {
    const errors: CollectError[] = [];
    await forEachLimited(snaps, ARM_CONCURRENCY, async (s) => {
      errors.push(...(await arm.attach(s)));
    });
    for (const e of errors) yield { kind: "error", error: e };
    resources += snaps.length;
    yield { kind: "snapshots", region: "global", snapshots: snaps };
  }

  const tables = tableQueries();
  try {
    // The subscription rows are read in full on every scan (one row each): their activity-log export
    // lives in an ARM child read that changes without touching the row.
    const subscriptionRows: ResourceSnapshot[] = [];
    for (const t of tables.filter((q) => q.types.includes(SUBSCRIPTION_TYPE))) {
      for await (const rows of graphPages(client, subs, kqlOf(t.table, [SUBSCRIPTION_TYPE], "full"), options.signal)) subscriptionRows.push(...normalise(rows));
    }
    const found = new Set(subscriptionRows.map((s) => s.accountId.toLowerCase()));
    for (const id of subs) if (!found.has(id.toLowerCase())) subscriptionRows.push(bareSubscriptionSnapshot(id));
    yield* withChildReads(subscriptionRows);

    for (const q of tables) {
      const types = q.types.filter((t) => t !== SUBSCRIPTION_TYPE);
      if (types.length === 0) continue;
      for await (const rows of graphPages(client, subs, kqlOf(q.table, types, since ? "changed" : "full", since ?? undefined), options.signal)) {
        yield* withChildReads(normalise(rows));
      }
      if (since) {
        for await (const rows of graphPages(client, subs, kqlOf(q.table, types, "ids"), options.signal)) {
          const ids = (rows as Array<{ id?: string }>).map((r) => r.id).filter((id): id is string => typeof id === "string");
          resources += ids.length;
          yield { kind: "ids", region: "global", ids };
        }
      }
    }
  } catch (error) {
    const e = toCloudCallError("azure", "resource-graph", "resourcegraph:resources", error);
    if (e.stage === "token" || e.httpStatus === 401 || e.httpStatus === 403) throw e;
    failure = { scope, api: e.api, code: e.code, message: e.message };
  }
  // Azure rows carry their location as region, so deletions are judged per account: all or nothing.
  yield failure ? { kind: "coverage", region: "*", status: "error", resources, error: failure } : { kind: "coverage", region: "*", status: "ok", resources };
}
