// Azure SQL server child settings that are not in Resource Graph. The collector attaches the ARM bodies under
// supplementaryConfiguration (docs/architecture.md): `encryptionProtector` (…/encryptionProtector/current) and
// `firewallRules` (…/firewallRules, the `value` array). Absent = not collected (NOT_APPLICABLE), null = failed.
import { azure, fix } from "../../lib/define";
import { asArray, isObj, lower } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C } from "../../rule/citations";

const SERVER = "microsoft.sql/servers";
const EP = "supplementaryConfiguration.encryptionProtector";
const FW = "supplementaryConfiguration.firewallRules";

export const azureSqlServerChildChecks = [
  azure({
    id: "azure.sql.server.tde-customer-managed-key", resourceType: SERVER, severity: "high", citations: C.keyManagement,
    title: "SQL server TDE protector is a customer-managed Key Vault key",
    rationale: "A customer-managed protector lets the organisation rotate, audit and revoke access to the keys of ePHI databases.",
    reads: [`${EP}.properties.serverKeyType`, `${EP}.properties.serverKeyName`],
    remediation: fix("SQL server > Transparent data encryption: Customer-managed key, select the Key Vault key.", "az sql server tde-key set -g RG -s SERVER --server-key-type AzureKeyVault --kid KEY_ID", "resource \"azurerm_mssql_server_transparent_data_encryption\" { key_vault_key_id = azurerm_key_vault_key.tde.id }"),
    evaluate(r) {
      const v = r.supplementaryConfiguration.encryptionProtector;
      if (v === undefined) return na("not collected: the SQL server encryption protector is missing from this snapshot (recorded before the collector read it)");
      if (v === null || !isObj(v)) return error(`the SQL server encryption protector could not be read (${EP})`);
      const type = isObj(v.properties) ? v.properties.serverKeyType : undefined;
      return verdict(lower(type) === "azurekeyvault", [ev(`${EP}.properties.serverKeyType`, type ?? null, "AzureKeyVault")]);
    },
  }),
  azure({
    id: "azure.sql.server.no-allow-all-firewall-rule", resourceType: SERVER, severity: "critical", citations: C.publicAccess,
    title: "SQL server has no firewall rule open to every IPv4 address",
    rationale: "A 0.0.0.0-255.255.255.255 rule lets anyone on the Internet try to log in to ePHI databases.",
    reads: [`${FW}[].name`, `${FW}[].properties.startIpAddress|endIpAddress`],
    remediation: fix("SQL server > Networking > Firewall rules: delete the 0.0.0.0-255.255.255.255 rule; add specific addresses or use private endpoints.", "az sql server firewall-rule delete -g RG -s SERVER -n RULE", "resource \"azurerm_mssql_firewall_rule\" { start_ip_address = \"203.0.113.10\"  end_ip_address = \"203.0.113.10\" }"),
    evaluate(r) {
      const v = r.supplementaryConfiguration.firewallRules;
      if (v === undefined) return na("not collected: SQL server firewall rules are missing from this snapshot (recorded before the collector read them)");
      if (v === null) return error(`SQL server firewall rules could not be read (${FW} is null)`);
      const open = asArray(v).filter(isObj).filter((rule) => isObj(rule.properties) && rule.properties.startIpAddress === "0.0.0.0" && rule.properties.endIpAddress === "255.255.255.255").map((rule) => rule.name ?? null);
      return verdict(open.length === 0, [ev(`${FW}[].properties`, open.length === 0 ? `${asArray(v).length} rule(s), none 0.0.0.0-255.255.255.255` : { openToAll: open }, "no 0.0.0.0-255.255.255.255 rule")]);
    },
  }),
];
