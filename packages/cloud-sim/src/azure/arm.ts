// ARM reads the Azure checks need beyond Resource Graph: the resource itself and its child settings
// (SQL auditing, TDE, encryption protector and firewall rules, blob service properties, diagnostic
// settings, flexible server parameters, Defender security contacts).
import type { SimState } from "../state";
import { json, type HttpReply } from "../http/reply";
import { armError } from "./resource-graph";

const CHILDREN = [
  "auditingsettings/default", "transparentdataencryption/current", "blobservices/default", "providers/microsoft.insights/diagnosticsettings", "configurations",
  "encryptionprotector/current", "firewallrules", "providers/microsoft.security/securitycontacts",
];
/** Collections ARM answers with an empty `value` when the resource has none. */
const LISTS = new Set(["providers/microsoft.insights/diagnosticsettings", "firewallrules", "providers/microsoft.security/securitycontacts"]);

export function armGet(state: SimState, path: string): HttpReply {
  const lower = path.toLowerCase().replace(/\/+$/, "");
  const subId = /^\/subscriptions\/([^/]+)/.exec(lower)?.[1];
  const sub = state.estate.azure.find((s) => s.subscriptionId.toLowerCase() === subId);
  if (!sub) return armError(404, "SubscriptionNotFound", `The subscription '${subId ?? ""}' could not be found.`);
  const child = CHILDREN.find((c) => lower.endsWith(`/${c}`));
  const resourceId = child ? lower.slice(0, -(child.length + 1)) : lower;
  const resource = sub.byId.get(resourceId);
  if (!resource || resource.deleted) {
    const group = /\/resourcegroups\/([^/]+)/.exec(path)?.[1] ?? "";
    return armError(404, "ResourceNotFound", `The Resource '${path.split("/providers/")[1] ?? path}' under resource group '${group}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
  }
  if (!child) return json(200, resource.row);
  const key = Object.keys(resource.children).find((k) => k.toLowerCase() === child);
  if (key === undefined) {
    if (LISTS.has(child)) return json(200, { value: [] });
    return armError(404, "ResourceNotFound", `The requested resource '${child}' does not exist for '${resource.row.name}'.`);
  }
  return json(200, resource.children[key]);
}
