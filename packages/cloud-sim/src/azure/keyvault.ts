// The Key Vault data plane (REST api-version 7.4/7.5) for the vaults in the estate: list keys, a key's rotation
// policy, list secrets. A real vault is its own host ({name}.vault.azure.net); the simulator serves every vault
// under /keyvault/{vault host}/…, and clients reach it through a data-plane endpoint override.
import { randomUUID } from "node:crypto";
import type { VaultDataPlane, VaultKey, VaultSecret } from "../estate/azure/keyvault-items";
import type { AzureResource, AzureSubscription } from "../estate/model";
import { json, type HttpReply } from "../http/reply";
import type { SimState } from "../state";
import { validTokenAudience } from "./identity";

const AUDIENCE = "https://vault.azure.net";
const API_VERSIONS = new Set(["7.0", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6"]);
const MAX_RESULTS = 25;

const kvError = (status: number, code: string, message: string, headers: Record<string, string> = {}, inner?: string): HttpReply =>
  json(status, { error: { code, message, ...(inner ? { innererror: { code: inner } } : {}) } }, { "x-ms-request-id": randomUUID(), "x-ms-keyvault-service-version": "1.9.1000.1", ...headers });

/** The items as `GET {vault}/keys` lists them (no version in the kid). */
export function keyListItems(vaultHost: string, plane: VaultDataPlane): Record<string, unknown>[] {
  return plane.keys.map((k) => ({ kid: `https://${vaultHost}/keys/${k.name}`, attributes: k.attributes, tags: k.tags, ...(k.managed ? { managed: true } : {}) }));
}

export function secretListItems(vaultHost: string, plane: VaultDataPlane): Record<string, unknown>[] {
  return plane.secrets.map((s: VaultSecret) => ({ id: `https://${vaultHost}/secrets/${s.name}`, attributes: s.attributes, tags: s.tags, contentType: s.contentType, ...(s.managed ? { managed: true } : {}) }));
}

/** `GET {vault}/keys/{name}/rotationpolicy`; a key never given a policy answers the service default (notify only). */
export function rotationPolicyBody(vaultHost: string, key: VaultKey): Record<string, unknown> {
  const id = `https://${vaultHost}/keys/${key.name}/rotationpolicy`;
  if (!key.rotationPolicy) return { id, lifetimeActions: [{ trigger: { timeBeforeExpiry: "P30D" }, action: { type: "Notify" } }], attributes: {} };
  return { id, ...key.rotationPolicy };
}

export const vaultHostOf = (vault: AzureResource): string | null => {
  const uri = (vault.row.properties as { vaultUri?: unknown } | undefined)?.vaultUri;
  try {
    return typeof uri === "string" ? new URL(uri).host.toLowerCase() : null;
  } catch {
    return null;
  }
};

/** Vaults by host, per subscription, rebuilt when drift has added resources (the list only grows). */
const vaultIndex = new WeakMap<AzureSubscription, { size: number; byHost: Map<string, AzureResource> }>();

function findVault(state: SimState, host: string): AzureResource | undefined {
  for (const sub of state.estate.azure) {
    let index = vaultIndex.get(sub);
    if (!index || index.size !== sub.resources.length) {
      index = { size: sub.resources.length, byHost: new Map() };
      for (const r of sub.resources) {
        const h = r.row.type === "microsoft.keyvault/vaults" ? vaultHostOf(r) : null;
        if (h && !r.deleted) index.byHost.set(h, r);
      }
      vaultIndex.set(sub, index);
    }
    const vault = index.byHost.get(host);
    if (vault && !vault.deleted) return vault;
  }
  return undefined;
}

function page(items: Record<string, unknown>[], base: string, query: URLSearchParams): HttpReply {
  const max = Math.min(MAX_RESULTS, Math.max(1, Number(query.get("maxresults") ?? MAX_RESULTS) || MAX_RESULTS));
  const from = Number(Buffer.from(query.get("$skiptoken") ?? "", "base64url").toString("utf8") || "0") || 0;
  const slice = items.slice(from, from + max);
  const nextFrom = from + slice.length;
  const next = nextFrom < items.length
    ? `${base}?api-version=${query.get("api-version")}&$skiptoken=${Buffer.from(String(nextFrom)).toString("base64url")}&maxresults=${max}`
    : null;
  return json(200, { value: slice, nextLink: next });
}

/**
 * `rest` is the path after /keyvault/ (`{host}/keys`, `{host}/keys/{name}/rotationpolicy`, `{host}/secrets`);
 * `baseUrl` is how the client reached the simulator (nextLinks point back at it).
 */
export function keyVaultRoute(state: SimState, method: string, rest: string, query: URLSearchParams, authorization: string, baseUrl: string): HttpReply {
  const [host = "", ...segments] = rest.split("/").filter(Boolean).map((s) => decodeURIComponent(s));
  const vaultHost = host.toLowerCase();
  const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1];
  if (!token) {
    // The challenge a client answers with a token for the vault's resource, from the vault's tenant.
    return kvError(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.", {
      "www-authenticate": `Bearer authorization="https://login.microsoftonline.com/${state.estate.azureTenant.tenantId}", resource="${AUDIENCE}"`,
    });
  }
  const audience = validTokenAudience(state, token);
  if (audience === null) return kvError(401, "Unauthorized", "AKV10032: Invalid issuer or the token has expired.");
  if (audience !== AUDIENCE) return kvError(401, "Unauthorized", `AKV10022: Invalid audience. Expected ${AUDIENCE}, found: ${audience}.`);
  if (method !== "GET") return kvError(405, "BadParameter", `The method ${method} is not served by this simulator.`);
  if (!API_VERSIONS.has(query.get("api-version") ?? "")) return kvError(400, "BadParameter", "The request URI contains an invalid or missing api-version.");
  const vault = findVault(state, vaultHost);
  if (!vault?.dataPlane) return kvError(404, "VaultNotFound", `No vault at ${vaultHost}.`);
  const plane = vault.dataPlane;
  const op = segments[0] === "keys" && segments.length === 1 ? "GetKeys" : segments[0] === "keys" && segments[2] === "rotationpolicy" && segments.length === 3 ? "GetKeyRotationPolicy" : segments[0] === "secrets" && segments.length === 1 ? "GetSecrets" : null;
  if (!op) return kvError(404, "NotFound", `No data-plane operation at /${segments.join("/")}.`);
  const fault = state.faults.decide(`keyvault:${op}`);
  if (fault.kind === "throttle") return kvError(429, "Throttled", "Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached", { "retry-after": "1" });
  if (fault.kind === "error") return kvError(503, "ServiceUnavailable", "The service is temporarily unavailable.");
  if (plane.scannerForbidden) {
    const action = op === "GetSecrets" ? "Microsoft.KeyVault/vaults/secrets/readMetadata/action" : "Microsoft.KeyVault/vaults/keys/read";
    return kvError(403, "Forbidden", `Caller is not authorized to perform action on resource.\r\nCaller: appid=${state.estate.azureTenant.clientId}\r\nAction: '${action}'\r\nResource: '${vault.row.id.toLowerCase()}'\r\nAssignment: (not found)\r\nVault: ${String(vault.row.name)};location=${String(vault.row.location)}\r\n`, {}, "ForbiddenByRbac");
  }
  const base = `${baseUrl}/keyvault/${vaultHost}`;
  if (op === "GetKeys") return page(keyListItems(vaultHost, plane), `${base}/keys`, query);
  if (op === "GetSecrets") return page(secretListItems(vaultHost, plane), `${base}/secrets`, query);
  const key = plane.keys.find((k) => k.name.toLowerCase() === (segments[1] ?? "").toLowerCase());
  if (!key) return kvError(404, "KeyNotFound", `A key with (name/id) ${segments[1] ?? ""} was not found in this key vault.`);
  return json(200, rotationPolicyBody(vaultHost, key));
}
