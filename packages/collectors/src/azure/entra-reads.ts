// Entra ID, read through Microsoft Graph: the admins' MFA registration (GET /v1.0/reports/authenticationMethods/
// userRegistrationDetails, filtered to isAdmin eq true, paged by @odata.nextLink), carried on one synthetic
// Safeguard::Azure::Tenant row per connected subscription (docs/architecture.md). The report needs the app's
// AuditLog.Read.All permission, which a Reader-only service principal lacks: a failed read leaves
// userRegistrationDetails null (the check says ERROR) and a collection error, never a failed scan.
import type { TokenCredential } from "@azure/identity";
import { fromAzureGraphRow, type ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { CollectError } from "../source";
import { BearerReader, describeError } from "./rest-reader";

/** The Graph token's resource stays the public cloud's even when the endpoint is overridden (a simulator). */
const SCOPE = "https://graph.microsoft.com/.default";
const REPORT = "/v1.0/reports/authenticationMethods/userRegistrationDetails";

export async function readTenantRows(credential: TokenCredential, graphEndpoint: string, tenantId: string, subscriptionIds: readonly string[]): Promise<{ snapshots: ResourceSnapshot[]; errors: CollectError[] }> {
  const errors: CollectError[] = [];
  let rows: unknown[] | null;
  try {
    const url = `${graphEndpoint.replace(/\/+$/, "")}${REPORT}?$filter=${encodeURIComponent("isAdmin eq true")}`;
    rows = await new BearerReader(credential, SCOPE).list(url, "@odata.nextLink");
  } catch (error) {
    rows = null;
    const e = describeError(error);
    errors.push({ scope: subscriptionIds.join(","), api: `graph:GET ${REPORT.slice("/v1.0".length)}`, code: e.code, message: `Entra ID user registration details: ${e.message}` });
  }
  const snapshots: ResourceSnapshot[] = [];
  for (const subscriptionId of subscriptionIds) {
    const n = fromAzureGraphRow({
      id: `/subscriptions/${subscriptionId}/providers/safeguard.azure/tenants/${tenantId}`, name: tenantId, type: "Safeguard::Azure::Tenant",
      subscriptionId, tenantId, location: "global", tags: {},
      properties: { tenantId, userRegistrationDetails: rows },
    });
    if (n.ok) snapshots.push(n.snapshot);
  }
  return { snapshots, errors };
}
