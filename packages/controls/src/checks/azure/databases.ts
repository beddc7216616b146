// Azure Database for PostgreSQL / MySQL flexible servers and Cosmos DB accounts.
import { azure, equalsCI, field, fix, isTrue, nonEmpty } from "../../lib/define";
import { asArray, isObj, lower } from "../../lib/path";
import { error, ev, verdict } from "../../lib/result";
import { C } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult } from "../../types";
import { approvedPrivateEndpoint } from "./storage";

const PG = "microsoft.dbforpostgresql/flexibleservers";
const MY = "microsoft.dbformysql/flexibleservers";
const COSMOS = "microsoft.documentdb/databaseaccounts";

/** A server parameter from the attached `configurations` list (ARM …/configurations `value`). */
function param(r: ResourceSnapshot, name: string): string | null | undefined {
  const list = r.supplementaryConfiguration.configurations;
  if (list === undefined || list === null) return undefined;
  const hit = asArray(list).find((c) => isObj(c) && (c.name === name || (isObj(c.properties) && c.properties.name === name)));
  const v = isObj(hit) && isObj(hit.properties) ? hit.properties.value : undefined;
  return typeof v === "string" ? v : null;
}

const requireTls = (extra?: (r: ResourceSnapshot) => CheckResult | undefined) => (r: ResourceSnapshot): CheckResult => {
  const v = param(r, "require_secure_transport");
  if (v === undefined) return error("supplementaryConfiguration.configurations not attached (server parameters)");
  if (lower(v) !== "on") return verdict(false, [ev("supplementaryConfiguration.configurations[require_secure_transport]", v, "ON")]);
  return extra?.(r) ?? verdict(true, [ev("supplementaryConfiguration.configurations[require_secure_transport]", v, "ON")]);
};

const geo = (t: string, label: string) => azure({
  id: `azure.${label}.flexible-server.geo-redundant-backup`, resourceType: t, severity: "medium", citations: C.backup,
  title: "Flexible server backups are geo-redundant", rationale: "Geo-redundant backups allow restore in the paired region after a regional disaster.",
  reads: ["configuration.properties.backup.geoRedundantBackup"],
  remediation: fix("Set at creation: Compute + storage > Backup redundancy Geo-redundant.", `az ${label} flexible-server create --geo-redundant-backup Enabled ...`, "geo_redundant_backup_enabled = true"),
  evaluate: field({ path: "configuration.properties.backup.geoRedundantBackup", ok: equalsCI("Enabled"), expected: "Enabled", missing: "fail" }),
});

const noPublic = (t: string, label: string) => azure({
  id: `azure.${label}.flexible-server.no-public-access`, resourceType: t, severity: "high", citations: C.publicAccess,
  title: "Flexible server has public network access disabled", rationale: "VNet-integrated or private-endpoint servers are not reachable from the Internet.",
  reads: ["configuration.properties.network.publicNetworkAccess"],
  remediation: fix("Networking > Public access: Disabled (VNet integration or private endpoint).", `az ${label} flexible-server update -g RG -n SERVER --public-access Disabled`, "public_network_access_enabled = false"),
  evaluate: field({ path: "configuration.properties.network.publicNetworkAccess", ok: equalsCI("Disabled"), expected: "Disabled", missing: "fail" }),
});

export const azureDatabaseChecks = [
  azure({
    id: "azure.postgres.flexible-server.require-tls", resourceType: PG, severity: "high", citations: C.encryptionInTransit,
    title: "PostgreSQL flexible server requires TLS", rationale: "require_secure_transport=ON refuses clear-text client connections.",
    reads: ["supplementaryConfiguration.configurations[require_secure_transport].properties.value"],
    remediation: fix("Server parameters: require_secure_transport ON.", "az postgres flexible-server parameter set -g RG -s SERVER -n require_secure_transport --value on", "resource \"azurerm_postgresql_flexible_server_configuration\" { name = \"require_secure_transport\" value = \"on\" }"),
    evaluate: requireTls(),
  }),
  azure({
    id: "azure.mysql.flexible-server.require-tls12", resourceType: MY, severity: "high", citations: C.encryptionInTransit,
    title: "MySQL flexible server requires TLS 1.2 or later", rationale: "require_secure_transport=ON and tls_version limited to TLSv1.2+ keep connections encrypted with current protocols.",
    reads: ["supplementaryConfiguration.configurations[require_secure_transport|tls_version].properties.value"],
    remediation: fix("Server parameters: require_secure_transport ON, tls_version TLSv1.2,TLSv1.3.", "az mysql flexible-server parameter set -g RG -s SERVER -n tls_version --value TLSv1.2", "resource \"azurerm_mysql_flexible_server_configuration\" { name = \"tls_version\" value = \"TLSv1.2\" }"),
    evaluate: requireTls((r) => {
      const v = param(r, "tls_version") ?? "";
      const versions = v.split(",").map((x) => x.trim().toUpperCase()).filter(Boolean);
      const ok = versions.length > 0 && versions.every((x) => x === "TLSV1.2" || x === "TLSV1.3");
      return verdict(ok, [ev("supplementaryConfiguration.configurations[tls_version]", v || null, "TLSv1.2 and/or TLSv1.3 only")]);
    }),
  }),
  geo(PG, "postgres"), geo(MY, "mysql"), noPublic(PG, "postgres"), noPublic(MY, "mysql"),
  azure({
    id: "azure.cosmosdb.account.network-restricted", resourceType: COSMOS, severity: "high", citations: C.publicAccess,
    title: "Cosmos DB account is not open to all networks", rationale: "Without IP rules, VNet filters or private endpoints, any network can reach the account.",
    reads: ["configuration.properties.publicNetworkAccess", "configuration.properties.isVirtualNetworkFilterEnabled", "configuration.properties.ipRules", "configuration.properties.privateEndpointConnections"],
    remediation: fix("Cosmos DB > Networking: Selected networks or Disabled (private endpoints).", "az cosmosdb update -g RG -n ACCOUNT --public-network-access Disabled", "public_network_access_enabled = false"),
    evaluate(r) {
      const p = isObj(r.configuration?.properties) ? (r.configuration.properties as Record<string, unknown>) : {};
      if (p.publicNetworkAccess === "Disabled") return verdict(true, [ev("configuration.properties.publicNetworkAccess", "Disabled")]);
      const restricted = p.isVirtualNetworkFilterEnabled === true || asArray(p.ipRules).length > 0 || approvedPrivateEndpoint(r).status === "PASS";
      return verdict(restricted, [ev("configuration.properties.isVirtualNetworkFilterEnabled", p.isVirtualNetworkFilterEnabled ?? null, true), ev("configuration.properties.ipRules", asArray(p.ipRules).length, "> 0")]);
    },
  }),
  azure({
    id: "azure.cosmosdb.account.cmk-encryption", resourceType: COSMOS, severity: "low", citations: C.keyManagement,
    title: "Cosmos DB account encrypts with a customer-managed key", rationale: "A Key Vault key keeps control and revocation of the encryption with the organisation.",
    reads: ["configuration.properties.keyVaultKeyUri"],
    remediation: fix("Set at creation: Encryption > Customer-managed key.", "az cosmosdb create --key-uri URI ...", "key_vault_key_id = azurerm_key_vault_key.cosmos.versionless_id"),
    evaluate: field({ path: "configuration.properties.keyVaultKeyUri", ok: nonEmpty, expected: "a Key Vault key URI", missing: "fail" }),
  }),
  azure({
    id: "azure.cosmosdb.account.local-auth-disabled", resourceType: COSMOS, severity: "medium", citations: C.uniqueIdentity,
    title: "Cosmos DB account disables key-based authentication", rationale: "Primary keys are shared secrets; Entra ID RBAC identifies each caller.",
    reads: ["configuration.properties.disableLocalAuth"],
    remediation: fix("Use Entra ID RBAC, then set disableLocalAuth.", "az resource update --ids ID --set properties.disableLocalAuth=true", "local_authentication_disabled = true"),
    evaluate: field({ path: "configuration.properties.disableLocalAuth", ok: isTrue, expected: true, missing: "fail" }),
  }),
];
