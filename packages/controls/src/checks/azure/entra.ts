// Microsoft Entra ID (tenant-level identity; Microsoft Graph, not ARM/ARG). The Azure collector emits one
// synthetic row per connected subscription (docs/architecture.md): type Safeguard::Azure::Tenant (lower-cased
// by the normaliser like every Azure type), id /subscriptions/{sub}/providers/safeguard.azure/tenants/{tenantId},
// properties.userRegistrationDetails = Graph GET /reports/authenticationMethods/userRegistrationDetails rows.
// Absent = not collected (NOT_APPLICABLE, e.g. a snapshot recorded before the collector read it), null = the Graph read failed (ERROR).
import { azure, fix } from "../../lib/define";
import { asArray, isObj, type Obj } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";

export const AZURE_TENANT = "safeguard::azure::tenant";
const PATH = "configuration.properties.userRegistrationDetails";

const who = (u: Obj): unknown => u.userPrincipalName ?? u.id ?? null;

export const azureEntraChecks = [
  azure({
    id: "azure.entra.tenant.privileged-users-mfa", resourceType: AZURE_TENANT, severity: "high", citations: cite(C.mfa, C.password),
    title: "Every Entra ID user in an admin role has MFA registered",
    rationale: "Administrators can grant themselves access to every ePHI store; a password alone must not be enough.",
    reads: [`${PATH}[].isAdmin|isMfaRegistered|isMfaCapable|userPrincipalName`],
    remediation: fix("Entra ID > Protection > Authentication methods > User registration details: filter Admin = Yes, have each register MFA; enforce with a Conditional Access policy requiring MFA for admin roles.", "az rest --method get --url https://graph.microsoft.com/v1.0/reports/authenticationMethods/userRegistrationDetails?\\$filter=isAdmin%20eq%20true", "resource \"azuread_conditional_access_policy\" { conditions { users { included_roles = [GLOBAL_ADMIN_TEMPLATE_ID] } }  grant_controls { built_in_controls = [\"mfa\"] } }"),
    evaluate(r) {
      const p = isObj(r.configuration?.properties) ? (r.configuration.properties as Obj) : {};
      const rows = p.userRegistrationDetails;
      if (rows === undefined) return na("not collected: Entra ID user registration details (Microsoft Graph) are missing from this snapshot (recorded before the collector read them)");
      if (rows === null) return error(`Entra ID user registration details could not be read (${PATH} is null; the scanner needs AuditLog.Read.All / Reports.Read.All)`);
      const admins = asArray(rows).filter(isObj).filter((u) => u.isAdmin === true);
      if (admins.length === 0) return na("Graph reported no users in admin roles", [ev(PATH, `${asArray(rows).length} row(s), none with isAdmin true`)]);
      const without = admins.filter((u) => u.isMfaRegistered !== true).map(who);
      return verdict(without.length === 0, [ev(`${PATH}[isAdmin=true].isMfaRegistered`, without.length === 0 ? `${admins.length} admin(s), all registered` : { withoutMfa: without }, true)]);
    },
  }),
];
