// Reading Safeguard::AWS::Account facts (docs/architecture.md "Account-level facts").
import { asArray, isObj, type Obj } from "../../lib/path";
import type { ResourceSnapshot } from "../../snapshot";

/** A collectionErrors entry for the API, if the collector recorded one. */
export function collectionError(r: ResourceSnapshot, api: string): string | undefined {
  for (const e of asArray(r.configuration?.collectionErrors)) {
    // The collector records "service:Operation" (iam:GetAccountSummary); checks name the operation.
    if (isObj(e) && typeof e.api === "string" && e.api.toLowerCase().replace(/^[a-z0-9-]+:/, "") === api.toLowerCase()) {
      return `${api} failed: ${String(e.code ?? "")} ${String(e.message ?? "")}`.trim();
    }
  }
  return undefined;
}

export const ROOT_USER = "<root_account>";

export function credentialRows(r: ResourceSnapshot): Obj[] | undefined {
  const rows = r.configuration?.credentialReport;
  if (!Array.isArray(rows)) return undefined;
  return rows.filter(isObj);
}

/** Reference time for ages: when the facts were captured, so verdicts are reproducible. */
export function asOf(r: ResourceSnapshot): number {
  const t = r.capturedAt ? Date.parse(r.capturedAt) : NaN;
  return Number.isFinite(t) ? t : Date.now();
}

const DAY = 86_400_000;
/** Days between an AWS credential-report date ("N/A", "no_information", "not_supported" or ISO) and `now`. */
export function daysSince(v: unknown, now: number): number | undefined {
  if (typeof v !== "string") return undefined;
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.floor((now - t) / DAY) : undefined;
}
