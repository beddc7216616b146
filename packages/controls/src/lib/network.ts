// Ingress rule helpers for AWS security groups / network ACLs and Azure NSGs.
import { asArray, isObj, lower, num } from "./path";

export const INTERNET_V4 = "0.0.0.0/0";
export const INTERNET_V6 = "::/0";

/** The world-open CIDR of an AWS ipPermissions entry, if any (ipv4Ranges, ipv6Ranges or the legacy ipRanges). */
export function awsOpenCidr(perm: unknown): string | undefined {
  if (!isObj(perm)) return undefined;
  for (const r of asArray(perm.ipv4Ranges)) if (isObj(r) && r.cidrIp === INTERNET_V4) return INTERNET_V4;
  for (const r of asArray(perm.ipRanges)) if (r === INTERNET_V4 || (isObj(r) && r.cidrIp === INTERNET_V4)) return INTERNET_V4;
  for (const r of asArray(perm.ipv6Ranges)) if (isObj(r) && r.cidrIpv6 === INTERNET_V6) return INTERNET_V6;
  return undefined;
}

/** Does an AWS ipPermissions entry admit TCP `port`? Protocol -1 (all) admits every port. */
export function awsPermCoversTcpPort(perm: unknown, port: number): boolean {
  if (!isObj(perm)) return false;
  const proto = lower(String(perm.ipProtocol ?? ""));
  if (proto === "-1" || proto === "all") return true;
  if (proto !== "tcp" && proto !== "6") return false;
  const from = num(perm.fromPort);
  const to = num(perm.toPort);
  if (from === undefined || to === undefined) return true; // no range on a TCP rule means every port
  return from <= port && port <= to;
}

/** An ipPermissions entry admitting all protocols and ports (ipProtocol -1, or TCP/UDP 0-65535). */
export function awsPermIsUnrestricted(perm: unknown): boolean {
  if (!isObj(perm)) return false;
  const proto = lower(String(perm.ipProtocol ?? ""));
  if (proto === "-1" || proto === "all") return true;
  const from = num(perm.fromPort);
  const to = num(perm.toPort);
  return (proto === "tcp" || proto === "udp" || proto === "6" || proto === "17") && (from ?? 0) <= 0 && (to ?? 65535) >= 65535;
}

const AZURE_ANY_SOURCE = new Set(["*", "internet", "any", "0.0.0.0", "0.0.0.0/0", "::/0"]);

export interface NsgRuleView {
  name: string;
  access: string;
  direction: string;
  protocol: string;
  sources: string[];
  ports: string[];
}

/** Flattens an NSG security rule (ARG shape: `{ name, properties: {...} }`). */
export function nsgRule(rule: unknown): NsgRuleView | undefined {
  if (!isObj(rule)) return undefined;
  const pr = isObj(rule.properties) ? rule.properties : rule;
  const sources: string[] = [];
  if (typeof pr.sourceAddressPrefix === "string") sources.push(pr.sourceAddressPrefix);
  for (const s of asArray(pr.sourceAddressPrefixes)) if (typeof s === "string") sources.push(s);
  const ports: string[] = [];
  if (typeof pr.destinationPortRange === "string") ports.push(pr.destinationPortRange);
  for (const s of asArray(pr.destinationPortRanges)) if (typeof s === "string") ports.push(s);
  return {
    name: typeof rule.name === "string" ? rule.name : "",
    access: lower(pr.access),
    direction: lower(pr.direction),
    protocol: lower(pr.protocol),
    sources,
    ports,
  };
}

export const nsgFromInternet = (r: NsgRuleView): boolean =>
  r.access === "allow" && r.direction === "inbound" && r.sources.some((s) => AZURE_ANY_SOURCE.has(s.toLowerCase()));

/** "22", "20-30", "*" against a port. */
export function portSpecCovers(spec: string, port: number): boolean {
  const s = spec.trim();
  if (s === "*" || s === "") return true;
  const dash = s.indexOf("-");
  if (dash < 0) return Number(s) === port;
  const from = Number(s.slice(0, dash));
  const to = Number(s.slice(dash + 1));
  return from <= port && port <= to;
}

export const nsgCoversPort = (r: NsgRuleView, port: number, protocols: readonly string[]): boolean =>
  (r.protocol === "*" || protocols.includes(r.protocol)) && r.ports.some((spec) => portSpecCovers(spec, port));
