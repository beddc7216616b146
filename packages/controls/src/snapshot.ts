// The one shape every resource takes on its way to the check engine (docs/architecture.md,
// "The snapshot contract"). Normalisers never throw: a malformed item comes back as a reason.

export type Provider = "aws" | "azure";

export interface Relationship {
  resourceType: string;
  resourceId: string;
  relationshipName: string;
}

export interface ResourceSnapshot {
  provider: Provider;
  nativeId: string;
  resourceId: string;
  resourceType: string;
  accountId: string;
  region: string;
  name: string;
  tags: Record<string, string>;
  configuration: Record<string, unknown> | null;
  supplementaryConfiguration: Record<string, unknown>;
  relationships: Relationship[];
  capturedAt: string | null;
}

export type NormaliseResult = { ok: true; snapshot: ResourceSnapshot } | { ok: false; reason: string };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

/** JSON-parses a string; returns the value itself otherwise. Never throws: bad JSON yields `undefined`. */
function parseMaybeJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (t === "") return null;
  const c = t.charCodeAt(0);
  // Only objects, arrays and the JSON literals are decoded; a bare word such as "Enabled" stays a string.
  if (c !== 123 && c !== 91 && t !== "null" && t !== "true" && t !== "false") return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/** Tags: SelectResourceConfig returns `[{key,value}]`; other readers give a plain map. */
function normaliseTags(raw: unknown): Record<string, string> | string {
  if (raw === undefined || raw === null) return {};
  const v = parseMaybeJson(raw);
  const out: Record<string, string> = {};
  if (Array.isArray(v)) {
    for (const t of v) {
      if (!isObj(t)) return "tags: array element is not an object";
      const k = t.key ?? t.Key;
      const val = t.value ?? t.Value;
      if (typeof k !== "string") return "tags: element without a string key";
      out[k] = val === undefined || val === null ? "" : String(val);
    }
    return out;
  }
  if (isObj(v)) {
    for (const k of Object.keys(v)) {
      const val = v[k];
      out[k] = val === undefined || val === null ? "" : String(val);
    }
    return out;
  }
  return "tags: neither an array of {key,value} nor an object";
}

const DELETED = new Set(["ResourceDeleted", "ResourceDeletedNotRecorded"]);

/** AWS Config configuration item (BatchGetResourceConfig / SelectResourceConfig / history) -> snapshot. */
export function fromAwsConfigItem(raw: unknown): NormaliseResult {
  try {
    const item = parseMaybeJson(raw);
    if (!isObj(item)) return { ok: false, reason: "configuration item is not a JSON object" };
    const resourceType = str(item.resourceType);
    if (!resourceType) return { ok: false, reason: "missing resourceType" };
    const resourceId = str(item.resourceId);
    if (!resourceId) return { ok: false, reason: "missing resourceId" };
    const accountId = str(item.accountId);
    if (!accountId) return { ok: false, reason: "missing accountId" };
    const status = str(item.configurationItemStatus);
    if (status && DELETED.has(status)) return { ok: false, reason: `resource deleted (configurationItemStatus ${status})` };
    const region = str(item.awsRegion) ?? "global";

    let configuration: Obj | null = null;
    if (item.configuration !== undefined && item.configuration !== null) {
      const c = parseMaybeJson(item.configuration);
      if (c === undefined) return { ok: false, reason: "configuration is a string but not valid JSON" };
      if (c !== null && !isObj(c)) return { ok: false, reason: "configuration is not a JSON object" };
      configuration = c;
    }

    const supplementaryConfiguration: Obj = {};
    const supRaw = parseMaybeJson(item.supplementaryConfiguration);
    if (supRaw !== undefined && supRaw !== null) {
      if (!isObj(supRaw)) return { ok: false, reason: "supplementaryConfiguration is not an object" };
      for (const k of Object.keys(supRaw)) {
        const v = parseMaybeJson(supRaw[k]);
        // An undecodable value is kept as the raw string so a check can report it, not lose it.
        supplementaryConfiguration[k] = v === undefined ? supRaw[k] : v;
      }
    }

    const tags = normaliseTags(item.tags);
    if (typeof tags === "string") return { ok: false, reason: tags };

    const relationships: Relationship[] = [];
    if (Array.isArray(item.relationships)) {
      for (const r of item.relationships) {
        if (!isObj(r)) continue;
        relationships.push({
          resourceType: String(r.resourceType ?? ""),
          resourceId: String(r.resourceId ?? r.resourceName ?? ""),
          relationshipName: String(r.relationshipName ?? r.name ?? ""),
        });
      }
    }

    const nativeId = str(item.arn) ?? `arn:aws:config:${region}:${accountId}:${resourceType}/${resourceId}`;
    const captured = item.configurationItemCaptureTime;
    return {
      ok: true,
      snapshot: {
        provider: "aws",
        nativeId,
        resourceId,
        resourceType,
        accountId,
        region,
        name: str(item.resourceName) ?? resourceId,
        tags,
        configuration,
        supplementaryConfiguration,
        relationships,
        capturedAt: typeof captured === "string" ? captured : captured instanceof Date ? captured.toISOString() : null,
      },
    };
  } catch (e) {
    return { ok: false, reason: `unexpected: ${(e as Error).message}` };
  }
}

// Fields the snapshot lifts out of an ARG row; everything else stays in `configuration`.
const ARG_LIFTED = new Set(["id", "type", "subscriptionId", "location", "name", "tags", "supplementaryConfiguration"]);

/** Azure Resource Graph row (objectArray format) -> snapshot. */
export function fromAzureGraphRow(rawRow: unknown): NormaliseResult {
  try {
    const row = parseMaybeJson(rawRow);
    if (!isObj(row)) return { ok: false, reason: "row is not a JSON object" };
    const id = str(row.id);
    if (!id) return { ok: false, reason: "missing id" };
    const type = str(row.type);
    if (!type) return { ok: false, reason: "missing type" };
    let subscriptionId = str(row.subscriptionId);
    if (!subscriptionId) {
      const m = /^\/subscriptions\/([^/]+)/i.exec(id);
      if (!m || !m[1]) return { ok: false, reason: "missing subscriptionId" };
      subscriptionId = m[1];
    }
    const tags = normaliseTags(row.tags);
    if (typeof tags === "string") return { ok: false, reason: tags };
    if (row.properties !== undefined && row.properties !== null && !isObj(row.properties)) {
      return { ok: false, reason: "properties is not an object" };
    }

    const configuration: Obj = {};
    for (const k of Object.keys(row)) if (!ARG_LIFTED.has(k)) configuration[k] = row[k];

    const supplementaryConfiguration: Obj = {};
    if (isObj(row.supplementaryConfiguration)) {
      for (const k of Object.keys(row.supplementaryConfiguration)) {
        const v = parseMaybeJson(row.supplementaryConfiguration[k]);
        supplementaryConfiguration[k] = v === undefined ? row.supplementaryConfiguration[k] : v;
      }
    }
    const props = isObj(row.properties) ? row.properties : undefined;
    const changed = props?.changedTime;
    return {
      ok: true,
      snapshot: {
        provider: "azure",
        nativeId: id,
        resourceId: id,
        resourceType: type.toLowerCase(),
        accountId: subscriptionId,
        region: str(row.location) ?? "global",
        name: str(row.name) ?? id.slice(id.lastIndexOf("/") + 1),
        tags,
        configuration,
        supplementaryConfiguration,
        relationships: [],
        capturedAt: typeof changed === "string" ? changed : null,
      },
    };
  } catch (e) {
    return { ok: false, reason: `unexpected: ${(e as Error).message}` };
  }
}

/** Picks the normaliser from the item's shape (CLI input may mix both clouds). */
export function fromAnyItem(raw: unknown): NormaliseResult {
  const item = parseMaybeJson(raw);
  if (isObj(item) && typeof item.resourceType === "string") return fromAwsConfigItem(item);
  if (isObj(item) && typeof item.type === "string" && typeof item.id === "string") return fromAzureGraphRow(item);
  return { ok: false, reason: "neither an AWS Config item (resourceType) nor an Azure Resource Graph row (id, type)" };
}
