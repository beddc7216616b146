// Azure SQL logical servers and databases, with the ARM child settings the collector attaches.
import { azure, equalsCI, field, fix, oneOfCI } from "../../lib/define";
import { isObj, num } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult } from "../../types";

const SERVER = "microsoft.sql/servers";
const DB = "microsoft.sql/servers/databases";
const P = "configuration.properties";
const AUDIT = "supplementaryConfiguration.auditingSettings.properties";

const auditing = (decide: (a: Record<string, unknown>) => CheckResult) => (r: ResourceSnapshot): CheckResult => {
  const a = r.supplementaryConfiguration.auditingSettings;
  if (!isObj(a)) return error("supplementaryConfiguration.auditingSettings not attached (auditingSettings/default)");
  return decide(isObj(a.properties) ? a.properties : {});
};

const props = (r: ResourceSnapshot): Record<string, unknown> => (isObj(r.configuration?.properties) ? (r.configuration.properties as Record<string, unknown>) : {});

export const azureSqlChecks = [
  azure({
    id: "azure.sql.server.auditing-enabled", resourceType: SERVER, severity: "high", citations: C.auditLogging,
    title: "SQL server auditing is enabled", rationale: "Server audit logs record every query and login against ePHI databases.",
    reads: [`${AUDIT}.state`],
    remediation: fix("SQL server > Auditing > Enable Azure SQL Auditing.", "az sql server audit-policy update -g RG -n SERVER --state Enabled --lat-workspace WS", "resource \"azurerm_mssql_server_extended_auditing_policy\""),
    evaluate: auditing((a) => verdict(a.state === "Enabled", [ev(`${AUDIT}.state`, a.state ?? null, "Enabled")])),
  }),
  azure({
    id: "azure.sql.server.audit-retention", resourceType: SERVER, severity: "medium", citations: C.logRetention,
    title: "SQL audit logs in storage are kept at least 90 days", rationale: "Retention of 0 means unlimited; below 90 days audit evidence disappears too soon.",
    reads: [`${AUDIT}.retentionDays`, `${AUDIT}.storageEndpoint`, `${AUDIT}.isAzureMonitorTargetEnabled`],
    remediation: fix("SQL server > Auditing > Storage > Retention (days): 90+ or 0.", "az sql server audit-policy update -g RG -n SERVER --retention-days 90", "retention_in_days = 90"),
    evaluate: auditing((a) => {
      if (a.state !== "Enabled") return verdict(false, [ev(`${AUDIT}.state`, a.state ?? null, "Enabled")], "auditing is off");
      const d = num(a.retentionDays) ?? 0;
      const storage = typeof a.storageEndpoint === "string" && a.storageEndpoint !== "";
      if (!storage) return verdict(a.isAzureMonitorTargetEnabled === true, [ev(`${AUDIT}.isAzureMonitorTargetEnabled`, a.isAzureMonitorTargetEnabled ?? null, true)]);
      return verdict(d === 0 || d >= 90, [ev(`${AUDIT}.retentionDays`, d, "0 (unlimited) or >= 90")]);
    }),
  }),
  azure({
    id: "azure.sql.server.min-tls-12", resourceType: SERVER, severity: "medium", citations: C.encryptionInTransit,
    title: "SQL server requires TLS 1.2 or later", rationale: "Older TLS versions are deprecated.",
    reads: [`${P}.minimalTlsVersion`],
    remediation: fix("SQL server > Networking > Connectivity > Minimum TLS version: 1.2.", "az sql server update -g RG -n SERVER --minimal-tls-version 1.2", "minimum_tls_version = \"1.2\""),
    evaluate: field({ path: `${P}.minimalTlsVersion`, ok: oneOfCI(["1.2", "1.3"]), expected: "1.2", missing: "fail" }),
  }),
  azure({
    id: "azure.sql.server.public-network-disabled", resourceType: SERVER, severity: "high", citations: C.publicAccess,
    title: "SQL server denies public network access", rationale: "Private endpoints only: the server is not reachable from the Internet at all.",
    reads: [`${P}.publicNetworkAccess`],
    remediation: fix("SQL server > Networking > Public access: Disable.", "az sql server update -g RG -n SERVER --enable-public-network false", "public_network_access_enabled = false"),
    evaluate: field({ path: `${P}.publicNetworkAccess`, ok: equalsCI("Disabled"), expected: "Disabled", missing: "fail" }),
  }),
  azure({
    id: "azure.sql.server.entra-admin", resourceType: SERVER, severity: "medium", citations: C.uniqueIdentity,
    title: "SQL server has a Microsoft Entra administrator", rationale: "Entra authentication gives per-person, MFA-capable database identities.",
    reads: [`${P}.administrators.administratorType`, `${P}.administrators.login`],
    remediation: fix("SQL server > Microsoft Entra ID > Set admin.", "az sql server ad-admin create -g RG -s SERVER -u NAME -i OBJECT_ID", "azuread_administrator { login_username = \"dba-group\" }"),
    evaluate(r) {
      const a = props(r).administrators;
      const type = isObj(a) ? a.administratorType : undefined;
      return verdict(type === "ActiveDirectory", [ev(`${P}.administrators.administratorType`, type ?? null, "ActiveDirectory")]);
    },
  }),
  azure({
    id: "azure.sql.server.entra-only-auth", resourceType: SERVER, severity: "medium", citations: cite(C.uniqueIdentity, C.mfa),
    title: "SQL server allows Microsoft Entra authentication only", rationale: "Disabling SQL logins removes shared, password-only database accounts.",
    reads: [`${P}.administrators.azureADOnlyAuthentication`],
    remediation: fix("SQL server > Microsoft Entra ID > Support only Microsoft Entra authentication.", "az sql server ad-only-auth enable -g RG -n SERVER", "azuread_administrator { azuread_authentication_only = true }"),
    evaluate(r) {
      const a = props(r).administrators;
      const v = isObj(a) ? a.azureADOnlyAuthentication : undefined;
      return verdict(v === true, [ev(`${P}.administrators.azureADOnlyAuthentication`, v ?? null, true)]);
    },
  }),
  azure({
    id: "azure.sql.database.tde-enabled", resourceType: DB, severity: "high", citations: C.encryptionAtRest,
    title: "SQL database has transparent data encryption", rationale: "TDE encrypts the database, its backups and logs at rest.",
    reads: ["supplementaryConfiguration.transparentDataEncryption.properties.state"],
    remediation: fix("SQL database > Transparent data encryption: On.", "az sql db tde set -g RG -s SERVER -d DB --status Enabled", "TDE is on by default; do not disable it"),
    evaluate(r) {
      if (r.name.toLowerCase() === "master") return na("the master database is managed by Azure", [ev("name", "master")]);
      const t = r.supplementaryConfiguration.transparentDataEncryption;
      if (!isObj(t)) return error("supplementaryConfiguration.transparentDataEncryption not attached (transparentDataEncryption/current)");
      const st = isObj(t.properties) ? t.properties.state : undefined;
      return verdict(st === "Enabled", [ev("supplementaryConfiguration.transparentDataEncryption.properties.state", st ?? null, "Enabled")]);
    },
  }),
  azure({
    id: "azure.sql.database.geo-redundant-backup", resourceType: DB, severity: "medium", citations: C.backup,
    title: "SQL database backups are geo-redundant", rationale: "Geo-redundant backup storage allows restore in another region after a regional disaster.",
    reads: [`${P}.requestedBackupStorageRedundancy`, `${P}.currentBackupStorageRedundancy`],
    remediation: fix("SQL database > Compute + storage > Backup storage redundancy: Geo.", "az sql db update -g RG -s SERVER -n DB --backup-storage-redundancy Geo", "storage_account_type = \"Geo\""),
    evaluate(r) {
      const p = props(r);
      const v = p.currentBackupStorageRedundancy ?? p.requestedBackupStorageRedundancy;
      return verdict(v === "Geo" || v === "GeoZone", [ev(`${P}.currentBackupStorageRedundancy`, v ?? null, "Geo or GeoZone")]);
    },
  }),
  azure({
    id: "azure.sql.database.zone-redundant", resourceType: DB, severity: "low", citations: C.availability,
    title: "SQL database is zone-redundant", rationale: "Replicas across availability zones keep the database up through a zone outage.",
    reads: [`${P}.zoneRedundant`],
    remediation: fix("SQL database > Compute + storage > Zone redundancy: Yes.", "az sql db update -g RG -s SERVER -n DB --zone-redundant true", "zone_redundant = true"),
    evaluate: field({ path: `${P}.zoneRedundant`, ok: (v) => v === true, expected: true, missing: "fail" }),
  }),
];
