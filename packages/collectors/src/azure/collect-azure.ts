// The Azure collector: client-secret credential -> Resource Graph over the account's subscription(s), every
// table holding a type the catalog reads (graph-tables.ts), paged by $skipToken (429s back off), then the ARM
// child reads, the Key Vault data plane, and the Entra ID tenant row (Microsoft Graph).
// Incremental scans ask Resource Graph's change history what changed in the Resources table since the
// watermark and read only those rows, plus the id list for deletions (resource-changes.ts); the other tables
// have no change history in ARG and are small, so they are read in full every time.
import { ResourceGraphClient } from "@azure/arm-resourcegraph";
import { ClientSecretCredential } from "@azure/identity";
import { fromAzureGraphRow, type ResourceSnapshot } from "@safeguard/controls/snapshot";
import { CloudCallError, toCloudCallError } from "../errors";
import type { CollectError, CollectEvent, CollectOptions } from "../source";
import { mapConcurrent } from "../concurrency";
import { ArmReader } from "./arm-reads";
import { readTenantRows } from "./entra-reads";
import { tableQueries, type GraphTable } from "./graph-tables";
import { KeyVaultReader } from "./keyvault-reads";
import { changedResources, changeHistoryCovers, changesQuery, rowsByIdQueries, type ChangedResource } from "./resource-changes";

export interface AzureConnection {
  /** Entra ID authority; default https://login.microsoftonline.com */
  authorityHost?: string;
  /** ARM; default https://management.azure.com */
  armEndpoint?: string;
  /** Microsoft Graph; default https://graph.microsoft.com */
  graphEndpoint?: string;
  /**
   * Key Vault data plane override: when set, vault `https://{host}/…` is read at `{keyVaultEndpoint}/{host}/…`.
   * Unset (production): each vault at its own `properties.vaultUri`. A simulator serves every vault from one address.
   */
  keyVaultEndpoint?: string;
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
const VAULT_TYPE = "microsoft.keyvault/vaults";
/** The change query is retried less: when it keeps failing, a full read is the answer, not a long wait. */
const CHANGE_QUERY_ATTEMPTS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const kqlList = (types: readonly string[]) => types.map((t) => `'${t}'`).join(", ");

export function kqlOf(table: GraphTable, types: readonly string[], mode: "full" | "ids"): string {
  return `${table} | where type in~ (${kqlList(types)}) | order by id asc${mode === "ids" ? " | project id" : ""}`;
}

function retryAfterMs(error: unknown, attempt: number): number {
  const header = (error as { response?: { headers?: { get?(name: string): string | undefined } } }).response?.headers?.get?.("retry-after");
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : Math.min(10_000, 500 * 2 ** attempt);
}

/** One query's pages; 429 (Retry-After honoured) and 5xx are retried on top of the SDK's own policy. */
async function* graphPages(client: ResourceGraphClient, subscriptions: string[], query: string, signal?: AbortSignal, attempts = 7): AsyncGenerator<unknown[]> {
  let skipToken: string | undefined;
  do {
    if (signal?.aborted) return;
    let res;
    for (let attempt = 1; ; attempt++) {
      try {
        res = await client.resources({ subscriptions, query, options: { top: PAGE, resultFormat: "objectArray", ...(skipToken ? { skipToken } : {}) } });
        break;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if ((status === 429 || (status !== undefined && status >= 500)) && attempt < attempts) {
          await sleep(retryAfterMs(error, attempt - 1));
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

function normalise(rows: unknown[]): ResourceSnapshot[] {
  const snaps: ResourceSnapshot[] = [];
  for (const row of rows) {
    const n = fromAzureGraphRow(row);
    if (n.ok) snaps.push(n.snapshot);
  }
  return snaps;
}

export async function* collectAzure(conn: AzureConnection, target: AzureTarget, options: CollectOptions = {}): AsyncGenerator<CollectEvent> {
  // Taken before the first read: every change after it is in the next incremental scan's window.
  const startedAt = new Date();
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
  const vaults = new KeyVaultReader(credential, conn.keyVaultEndpoint);
  const subs = target.subscriptionIds;
  const since = options.changedSince ?? null;
  const scope = subs.join(",");
  let resources = 0;
  let failure: CollectError | null = null;

  async function* withChildReads(snaps: ResourceSnapshot[]): AsyncGenerator<CollectEvent> {
    const errors: CollectError[] = [];
    await mapConcurrent(snaps, ARM_CONCURRENCY, async (s) => {
      errors.push(...(await arm.attach(s)));
      if (s.resourceType === VAULT_TYPE) errors.push(...(await vaults.attach(s)));
    });
    for (const e of errors) yield { kind: "error", error: e };
    resources += snaps.length;
    yield { kind: "snapshots", region: "global", snapshots: snaps };
  }

  const tables = tableQueries();
  try {
    // The subscription rows are read in full on every scan (one row each): their activity-log export and
    // security contacts live in ARM child reads that change without touching the row. A subscription row's
    // capture time is when this scan started: it carries the scan's watermark, since ARG rows have none.
    const subscriptionRows: ResourceSnapshot[] = [];
    for (const t of tables.filter((q) => q.types.includes(SUBSCRIPTION_TYPE))) {
      for await (const rows of graphPages(client, subs, kqlOf(t.table, [SUBSCRIPTION_TYPE], "full"), options.signal)) subscriptionRows.push(...normalise(rows));
    }
    const found = new Set(subscriptionRows.map((s) => s.accountId.toLowerCase()));
    for (const id of subs) if (!found.has(id.toLowerCase())) subscriptionRows.push(bareSubscriptionSnapshot(id));
    for (const s of subscriptionRows) s.capturedAt = startedAt.toISOString();
    yield* withChildReads(subscriptionRows);

    const tenant = await readTenantRows(credential, conn.graphEndpoint ?? "https://graph.microsoft.com", target.tenantId, subs);
    for (const e of tenant.errors) yield { kind: "error", error: e };
    resources += tenant.snapshots.length;
    yield { kind: "snapshots", region: "global", snapshots: tenant.snapshots };

    const wanted = new Set(tables.find((q) => q.table === "resources")?.types ?? []);
    const changed = since ? await readChanges(since, wanted) : null;
    for (const q of tables) {
      const types = q.types.filter((t) => t !== SUBSCRIPTION_TYPE);
      if (types.length === 0) continue;
      if (changed && q.table === "resources") {
        yield* readChangedRows(q.table, types, changed);
        for await (const rows of graphPages(client, subs, kqlOf(q.table, types, "ids"), options.signal)) {
          const ids = (rows as Array<{ id?: string }>).map((r) => r.id).filter((id): id is string => typeof id === "string");
          resources += ids.length;
          yield { kind: "ids", region: "global", ids };
        }
        continue;
      }
      for await (const rows of graphPages(client, subs, kqlOf(q.table, types, "full"), options.signal)) yield* withChildReads(normalise(rows));
    }
  } catch (error) {
    const e = toCloudCallError("azure", "resource-graph", "resourcegraph:resources", error);
    if (e.stage === "token" || e.httpStatus === 401 || e.httpStatus === 403) throw e;
    failure = { scope, api: e.api, code: e.code, message: e.message };
  }
  // Azure rows carry their location as region, so deletions are judged per account: all or nothing.
  yield failure ? { kind: "coverage", region: "*", status: "error", resources, error: failure } : { kind: "coverage", region: "*", status: "ok", resources };

  /**
   * What changed since the watermark, or null for "read everything": the watermark is older than the 14 days
   * of history ARG keeps (a long-paused account), or the change query failed. Either way a full read is
   * correct, only slower, so neither is an error of the scan.
   */
  async function readChanges(from: Date, wantedTypes: ReadonlySet<string>): Promise<Map<string, ChangedResource> | null> {
    if (!changeHistoryCovers(from, startedAt)) return null;
    try {
      const rows: unknown[] = [];
      for await (const page of graphPages(client, subs, changesQuery(from), options.signal, CHANGE_QUERY_ATTEMPTS)) rows.push(...page);
      return changedResources(rows, wantedTypes);
    } catch {
      return null;
    }
  }

  /** The changed rows of one table, by id; each carries its newest change time as capture time. */
  async function* readChangedRows(table: GraphTable, types: readonly string[], changed: ReadonlyMap<string, ChangedResource>): AsyncGenerator<CollectEvent> {
    const typeSet = new Set(types);
    const live = [...changed.values()].filter((c) => !c.deleted && typeSet.has(c.type));
    for (const query of rowsByIdQueries(table, types, live.map((c) => c.id))) {
      for await (const rows of graphPages(client, subs, query, options.signal)) {
        const snaps = normalise(rows);
        for (const s of snaps) {
          const at = changed.get(s.nativeId.toLowerCase())?.changedAt;
          if (at && (!s.capturedAt || Date.parse(at) > Date.parse(s.capturedAt))) s.capturedAt = at;
        }
        yield* withChildReads(snaps);
      }
    }
  }
}
