// Which Resource Graph table each Azure type lives in (the "supported tables" reference).

export function tableOf(type: string): string {
  if (type.startsWith("microsoft.security/")) return "securityresources";
  if (type.startsWith("microsoft.recoveryservices/vaults/") || type.startsWith("microsoft.dataprotection/backupvaults/")) return "recoveryservicesresources";
  if (type === "microsoft.web/sites/config") return "appserviceresources";
  if (type === "microsoft.authorization/roledefinitions" || type === "microsoft.authorization/roleassignments") return "authorizationresources";
  if (type.startsWith("microsoft.authorization/policy")) return "policyresources";
  if (type === "microsoft.resources/subscriptions" || type === "microsoft.resources/subscriptions/resourcegroups") return "resourcecontainers";
  return "resources";
}
