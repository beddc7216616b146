// Azure network security groups, flow logs, network interfaces and Network Watcher coverage.
import { azure, fix } from "../../lib/define";
import { asArray, isObj, num } from "../../lib/path";
import { nsgCoversPort, nsgFromInternet, nsgRule, type NsgRuleView } from "../../lib/network";
import { error, ev, na, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult } from "../../types";

const NSG = "microsoft.network/networksecuritygroups";
const FLOW = "microsoft.network/networkwatchers/flowlogs";
const WATCHER = "microsoft.network/networkwatchers";
const NIC = "microsoft.network/networkinterfaces";
const VNET = "microsoft.network/virtualnetworks";
const RULES = "configuration.properties.securityRules";

// Five checks read the same rules: flatten them once per NSG (keyed by its properties object).
const flattened = new WeakMap<object, NsgRuleView[]>();

function rules(r: ResourceSnapshot): readonly NsgRuleView[] | undefined {
  const p = r.configuration?.properties;
  if (!isObj(p)) return undefined;
  let out = flattened.get(p);
  if (out === undefined) {
    out = [];
    for (const x of asArray(p.securityRules)) {
      const v = nsgRule(x);
      if (v) out.push(v);
    }
    flattened.set(p, out);
  }
  return out;
}

const openPorts = (ports: readonly number[], protocols: readonly string[]) => {
  const portList = ports.join(",");
  const expected = `no inbound Allow from Internet/*/0.0.0.0/0 on ${portList}`;
  return (r: ResourceSnapshot): CheckResult => {
    const rs = rules(r);
    if (!rs) return error("configuration.properties not recorded");
    const bad: Array<{ rule: string; protocol: string; ports: string[]; sources: string[] }> = [];
    for (const x of rs) {
      if (!nsgFromInternet(x)) continue;
      for (const port of ports) {
        if (nsgCoversPort(x, port, protocols)) {
          bad.push({ rule: x.name, protocol: x.protocol, ports: x.ports, sources: x.sources });
          break;
        }
      }
    }
    return verdict(bad.length === 0, [ev(RULES, bad.length === 0 ? `${rs.length} rule(s), none open to the Internet on ${portList}` : bad, expected)]);
  };
};

const nsgFix = (port: string) => fix(`NSG > Inbound security rules: remove or restrict the Allow rule for ${port} from Any/Internet; use Azure Bastion.`, `az network nsg rule update -g RG --nsg-name NSG -n RULE --source-address-prefixes 10.0.0.0/8`, "security_rule { source_address_prefix = var.admin_cidr }");

export const azureNetworkChecks = [
  azure({ id: "azure.network.nsg.no-ssh-from-internet", resourceType: NSG, severity: "high", citations: C.network, title: "NSG does not allow SSH (22) from the Internet", rationale: "SSH open to the Internet exposes VMs processing ePHI to brute force.", reads: [`${RULES}[].properties.access|direction|protocol|sourceAddressPrefix(es)|destinationPortRange(s)`], remediation: nsgFix("22"), evaluate: openPorts([22], ["tcp"]) }),
  azure({ id: "azure.network.nsg.no-rdp-from-internet", resourceType: NSG, severity: "high", citations: C.network, title: "NSG does not allow RDP (3389) from the Internet", rationale: "RDP open to the Internet is a leading ransomware entry point.", reads: [`${RULES}[]`], remediation: nsgFix("3389"), evaluate: openPorts([3389], ["tcp"]) }),
  azure({ id: "azure.network.nsg.no-http-from-internet", resourceType: NSG, severity: "medium", citations: cite(C.network, C.encryptionInTransit), title: "NSG does not allow plain HTTP (80) from the Internet", rationale: "Plain HTTP carries ePHI unencrypted; terminate TLS at Application Gateway or Front Door.", reads: [`${RULES}[]`], remediation: nsgFix("80"), evaluate: openPorts([80], ["tcp"]) }),
  azure({ id: "azure.network.nsg.no-db-ports-from-internet", resourceType: NSG, severity: "high", citations: C.network, title: "NSG does not open database ports to the Internet", rationale: "Database ports (1433, 3306, 5432, 1521, 27017) open to the world expose ePHI stores directly.", reads: [`${RULES}[]`], remediation: nsgFix("database ports"), evaluate: openPorts([1433, 3306, 5432, 1521, 27017], ["tcp"]) }),
  azure({
    id: "azure.network.nsg.no-udp-from-internet", resourceType: NSG, severity: "medium", citations: C.network,
    title: "NSG does not allow UDP from the Internet", rationale: "Open UDP services are abused for amplification and reconnaissance.",
    reads: [`${RULES}[]`], remediation: nsgFix("UDP"),
    evaluate(r) {
      const rs = rules(r);
      if (!rs) return error("configuration.properties not recorded");
      const bad = rs.filter((x) => nsgFromInternet(x) && (x.protocol === "udp" || x.protocol === "*")).map((x) => ({ rule: x.name, protocol: x.protocol, ports: x.ports }));
      return verdict(bad.length === 0, [ev(RULES, bad.length === 0 ? "no UDP from the Internet" : bad, "no inbound UDP Allow from the Internet")]);
    },
  }),
  azure({
    id: "azure.network.nsg.flow-logs", resourceType: NSG, severity: "medium", citations: C.auditLogging, contextTypes: [FLOW],
    title: "NSG has an enabled flow log", rationale: "Flow logs record connections to and from ePHI systems for review and investigation.",
    reads: [`${FLOW} properties.targetResourceId|enabled`],
    remediation: fix("Network Watcher > Flow logs > Create for the NSG (or its VNet).", "az network watcher flow-log create -l LOCATION -n FL --nsg NSG --storage-account SA --retention 90", "resource \"azurerm_network_watcher_flow_log\""),
    evaluate(r, ctx) {
      const byTarget = ctx.memo("azure-flow-logs-by-target", () => {
        const m = new Map<string, boolean>();
        for (const fl of ctx.ofType(FLOW)) {
          const p = fl.configuration?.properties;
          if (!isObj(p) || typeof p.targetResourceId !== "string") continue;
          const k = p.targetResourceId.toLowerCase();
          m.set(k, (m.get(k) ?? false) || p.enabled === true);
        }
        return m;
      });
      const on = byTarget.get(r.nativeId.toLowerCase());
      return verdict(on === true, [ev(`${FLOW}.properties.enabled`, on === undefined ? "no flow log targets this NSG" : on, true)]);
    },
  }),
  azure({
    id: "azure.network.flow-log.retention", resourceType: FLOW, severity: "medium", citations: C.logRetention,
    title: "Flow log is enabled and kept at least 90 days", rationale: "Retention of 0 keeps logs forever; under 90 days loses evidence before incidents surface.",
    reads: ["configuration.properties.enabled", "configuration.properties.retentionPolicy.enabled|days"],
    remediation: fix("Network Watcher > Flow logs > flow log > Retention days: 90+ (or 0).", "az network watcher flow-log update -l LOCATION -n FL --retention 90", "retention_policy { enabled = true  days = 90 }"),
    evaluate(r) {
      const p = isObj(r.configuration?.properties) ? (r.configuration.properties as Record<string, unknown>) : {};
      const rp = isObj(p.retentionPolicy) ? p.retentionPolicy : {};
      const days = num(rp.days) ?? 0;
      const ok = p.enabled === true && (rp.enabled !== true || days === 0 || days >= 90);
      return verdict(ok, [ev("configuration.properties.enabled", p.enabled ?? null, true), ev("configuration.properties.retentionPolicy", { enabled: rp.enabled ?? null, days }, "days 0 or >= 90")]);
    },
  }),
  azure({
    id: "azure.network.nic.no-public-ip", resourceType: NIC, severity: "medium", citations: C.publicAccess,
    title: "Network interface has no public IP", rationale: "A public IP on a NIC makes the VM directly addressable from the Internet.",
    reads: ["configuration.properties.ipConfigurations[].properties.publicIPAddress.id"],
    remediation: fix("NIC > IP configurations > ipconfig: Public IP address Disassociate.", "az network nic ip-config update -g RG --nic-name NIC -n ipconfig1 --remove publicIpAddress", "ip_configuration { public_ip_address_id = null }"),
    evaluate(r) {
      const p = r.configuration?.properties;
      const ips = asArray(isObj(p) ? p.ipConfigurations : undefined).map((c) => {
        const cp = isObj(c) && isObj(c.properties) ? c.properties : undefined;
        return cp && isObj(cp.publicIPAddress) ? cp.publicIPAddress.id ?? "public IP" : null;
      }).filter((x) => x !== null);
      return verdict(ips.length === 0, [ev("configuration.properties.ipConfigurations[].properties.publicIPAddress.id", ips, [])]);
    },
  }),
  azure({
    id: "azure.network.vnet.network-watcher", resourceType: VNET, severity: "low", citations: C.auditLogging, contextTypes: [WATCHER],
    title: "Network Watcher is enabled in the virtual network's region", rationale: "Network Watcher provides flow logs and connection diagnostics for the region.",
    reads: ["location", `${WATCHER} location`],
    remediation: fix("Network Watcher > Overview > Enable in the region.", "az network watcher configure -g NetworkWatcherRG -l LOCATION --enabled true", "resource \"azurerm_network_watcher\""),
    evaluate(r, ctx) {
      if (r.region === "global") return na("resource has no location");
      const regions = ctx.memo("azure-watcher-regions", () => new Set(ctx.ofType(WATCHER).map((w) => `${w.accountId}|${w.region.toLowerCase()}`)));
      const ok = regions.has(`${r.accountId}|${r.region.toLowerCase()}`);
      return verdict(ok, [ev(`${WATCHER}.location`, ok ? r.region : `none in ${r.region}`, r.region)]);
    },
  }),
];
