// The unauthenticated admin API under /_sim: estate descriptor, drift and fault injection.
import { applyDrift, DriftError, type DriftOp } from "../estate/drift";
import type { Estate } from "../estate/model";
import type { FaultRule } from "../faults";
import { json, type HttpReply } from "../http/reply";
import type { SimState } from "../state";

export interface EstateDescriptor {
  seed: string;
  referenceTime: string;
  platform: { accessKeyId: string; secretAccessKey: string; arn: string; accountId: string };
  aws: { accountId: string; alias: string; roleArn: string; externalId: string; homeRegion: string; regions: string[]; resources: number }[];
  azure: { tenantId: string; clientId: string; clientSecret: string; subscriptions: { subscriptionId: string; displayName: string; resources: number }[] };
}

export function describeEstate(state: SimState): EstateDescriptor {
  const e: Estate = state.estate;
  const p = state.credentials.platform;
  return {
    seed: e.seed, referenceTime: e.referenceTime,
    platform: { accessKeyId: p.accessKeyId, secretAccessKey: p.secretAccessKey, arn: p.arn, accountId: p.accountId },
    aws: e.aws.map((a) => ({ accountId: a.accountId, alias: a.alias, roleArn: a.roleArn, externalId: a.externalId, homeRegion: a.homeRegion, regions: a.scanRegions, resources: a.items.size })),
    azure: {
      tenantId: e.azureTenant.tenantId, clientId: e.azureTenant.clientId, clientSecret: e.azureTenant.clientSecret,
      subscriptions: e.azure.map((s) => ({ subscriptionId: s.subscriptionId, displayName: s.displayName, resources: s.resources.filter((r) => !r.deleted).length })),
    },
  };
}

function validFault(body: unknown): FaultRule | null {
  if (!body || typeof body !== "object") return null;
  const b = body as Record<string, unknown>;
  if (typeof b.api !== "string" || !b.api) return null;
  const rate = (v: unknown) => v === undefined || (typeof v === "number" && v >= 0 && v <= 1);
  const count = (v: unknown) => v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= 0);
  if (!rate(b.throttleRate) || !rate(b.errorRate) || !count(b.latencyMs) || !count(b.throttleCount) || !count(b.errorCount)) return null;
  return b as unknown as FaultRule;
}

export function adminRoute(state: SimState, method: string, path: string, body: unknown): HttpReply {
  if (method === "GET" && path === "/_sim/health") return json(200, { ok: true });
  if (method === "GET" && path === "/_sim/estate") return json(200, describeEstate(state));
  if (method === "POST" && path === "/_sim/drift") {
    try {
      return json(200, { changes: applyDrift(state.estate, body as DriftOp) });
    } catch (err) {
      if (err instanceof DriftError) return json(400, { error: err.message });
      throw err;
    }
  }
  if (path === "/_sim/faults") {
    if (method === "GET") return json(200, { faults: state.faults.list() });
    if (method === "DELETE") {
      state.faults.clear();
      return json(200, { faults: [] });
    }
    if (method === "POST") {
      const rule = validFault(body);
      if (!rule) return json(400, { error: "expected {api, throttleRate?, errorRate?, latencyMs?, throttleCount?, errorCount?}" });
      state.faults.set(rule);
      return json(200, { faults: state.faults.list() });
    }
  }
  return json(404, { error: `no admin route ${method} ${path}` });
}
