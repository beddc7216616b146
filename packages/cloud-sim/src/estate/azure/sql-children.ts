// SQL server child resources ARM serves but Resource Graph does not hold: the TDE encryption protector and
// the server firewall rules. Derived from the server's flaws (no rng draws), as ARM 2021-11-01 returns them.

const TDE_VAULT = "kv-sql-tde";
const TDE_KEY_VERSION = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

export function sqlServerChildren(serverId: string, flaws: ReadonlySet<string>): Record<string, unknown> {
  // TDE with a service-managed key goes with the databases' "tde-off" flaw: the estate's weak TDE posture.
  const serviceManaged = flaws.has("tde-off");
  const encryptionProtector = {
    id: `${serverId}/encryptionProtector/current`, name: "current", type: "Microsoft.Sql/servers/encryptionProtector", kind: serviceManaged ? "servicemanaged" : "azurekeyvault",
    properties: serviceManaged
      ? { serverKeyName: "ServiceManaged", serverKeyType: "ServiceManaged", autoRotationEnabled: false }
      : { serverKeyName: `${TDE_VAULT}_tde-protector_${TDE_KEY_VERSION}`, serverKeyType: "AzureKeyVault", uri: `https://${TDE_VAULT}.vault.azure.net/keys/tde-protector/${TDE_KEY_VERSION}`, thumbprint: "0F4C6B1E2A3D5F7081920A3B4C5D6E7F8091A2B3", autoRotationEnabled: true },
  };
  const rule = (name: string, start: string, end: string) => ({ id: `${serverId}/firewallRules/${name}`, name, type: "Microsoft.Sql/servers/firewallRules", properties: { startIpAddress: start, endIpAddress: end } });
  // 0.0.0.0-0.0.0.0 is the portal's "Allow Azure services" switch, not an open rule.
  const rules = [rule("AllowAllWindowsAzureIps", "0.0.0.0", "0.0.0.0"), rule("clinic-office", "203.0.113.16", "203.0.113.31")];
  // A server opened to the public network usually got there with the portal's "add 0.0.0.0 - 255.255.255.255" rule.
  if (flaws.has("public-network")) rules.push(rule("AllowAll", "0.0.0.0", "255.255.255.255"));
  return { "encryptionProtector/current": encryptionProtector, firewallRules: { value: rules } };
}
