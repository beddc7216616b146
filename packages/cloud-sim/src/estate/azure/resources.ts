// Azure resource generators: ARG rows (type lower-cased, properties as ARM returns them) plus the ARM child
// settings the collector reads separately (auditing, TDE, blob service, diagnostic settings, SQL encryption
// protector and firewall rules) and, for key vaults, what their data plane serves.
import type { Rng } from "../random";
import { vaultDataPlane, type VaultDataPlane } from "./keyvault-items";
import { sqlServerChildren } from "./sql-children";

export interface AzureContext {
  rng: Rng;
  subscriptionId: string;
  tenantId: string;
  referenceMs: number;
  location: string;
  resourceGroup: string;
  used: Set<string>;
}

export interface AzureDraft {
  row: Record<string, unknown> & { id: string; type: string; subscriptionId: string };
  children?: Record<string, unknown>;
  dataPlane?: VaultDataPlane;
}

export interface AzureTypeSpec {
  type: string;
  flaws: readonly string[];
  weight: number;
  /** ARG table the row lives in. */
  table?: "resources" | "securityresources";
  build(ctx: AzureContext, flaws: ReadonlySet<string>): AzureDraft | AzureDraft[];
}

const SYSTEMS = ["ehr", "pacs", "labs", "claims", "portal", "fhir", "hl7", "billing", "audit", "intake", "rx", "sched"];
const ENVS = ["prod", "prod", "prod", "staging", "dev"];

export function azureName(ctx: AzureContext, kind: string, make: () => string): string {
  // A few tries for a clean name; past that (large estates exhaust the combinations) add a suffix.
  for (let i = 0; i < 3; i++) {
    const n = make();
    if (!ctx.used.has(`${kind}:${n}`)) {
      ctx.used.add(`${kind}:${n}`);
      return n;
    }
  }
  let n = `${make()}${ctx.rng.hex(4)}`;
  while (ctx.used.has(`${kind}:${n}`)) n = `${make()}${ctx.rng.hex(6)}`;
  ctx.used.add(`${kind}:${n}`);
  return n;
}

const sys = (ctx: AzureContext) => ctx.rng.pick(SYSTEMS);
const isoAgo = (ctx: AzureContext, min: number, max: number) => new Date(Math.floor((ctx.referenceMs - (min + ctx.rng.next() * (max - min)) * 86_400_000) / 1000) * 1000).toISOString();

export function azureTags(ctx: AzureContext, flaws: ReadonlySet<string>, dataStore: boolean): Record<string, string> {
  let env = ctx.rng.pick(ENVS);
  const tags: Record<string, string> = { Team: ctx.rng.pick(["platform", "clinical", "data", "security"]), CostCenter: `cc-${ctx.rng.digits(4)}` };
  if (dataStore && !flaws.has("unclassified")) {
    if (flaws.has("phi-in-dev") || ctx.rng.chance(0.55)) {
      tags[ctx.rng.chance(0.5) ? "PHI" : "DataClassification"] = ctx.rng.chance(0.5) ? "true" : "PHI";
      if (tags.PHI === "PHI") tags.PHI = "true";
      if (tags.DataClassification === "true") tags.DataClassification = "PHI";
      if (env === "dev" && !flaws.has("phi-in-dev")) env = "prod";
    } else tags.DataClassification = "Internal";
  }
  if (flaws.has("phi-in-dev")) env = "dev";
  tags.Environment = env;
  return tags;
}

export function armRow(ctx: AzureContext, provider: string, name: string, extra: Record<string, unknown>): AzureDraft["row"] {
  const type = provider.toLowerCase();
  return {
    id: `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup}/providers/${provider}/${name}`,
    name: name.split("/").pop() as string, type, tenantId: ctx.tenantId, kind: "", location: ctx.location,
    resourceGroup: ctx.resourceGroup.toLowerCase(), subscriptionId: ctx.subscriptionId, managedBy: "", sku: null, plan: null,
    tags: {}, identity: null, zones: null, extendedLocation: null,
    ...extra,
  };
}

const diagnostics = (id: string, enabled: boolean, ctx: AzureContext) => ({
  value: enabled
    ? [{
        id: `${id}/providers/microsoft.insights/diagnosticSettings/send-to-law`, type: "Microsoft.Insights/diagnosticSettings", name: "send-to-law", location: null,
        properties: {
          workspaceId: `/subscriptions/${ctx.subscriptionId}/resourceGroups/rg-monitoring/providers/Microsoft.OperationalInsights/workspaces/law-central`,
          logs: [{ category: null, categoryGroup: "audit", enabled: true, retentionPolicy: { enabled: false, days: 0 } }, { category: "AuditEvent", categoryGroup: null, enabled: true, retentionPolicy: { enabled: false, days: 0 } }],
          metrics: [{ category: "AllMetrics", enabled: true, retentionPolicy: { enabled: false, days: 0 } }],
        },
      }]
    : [],
});

export const storageAccountSpec: AzureTypeSpec = {
  type: "microsoft.storage/storageaccounts",
  flaws: ["http-allowed", "tls10", "public-blob", "network-allow", "platform-keys", "no-infra-encryption", "no-private-endpoint", "shared-key", "no-versioning", "no-blob-soft-delete", "no-container-soft-delete", "lrs", "no-key-expiry", "phi-in-dev", "unclassified"],
  weight: 6,
  build(ctx, flaws) {
    const name = azureName(ctx, "sa", () => `st${sys(ctx)}${ctx.rng.hex(12)}`.slice(0, 20));
    const row = armRow(ctx, "Microsoft.Storage/storageAccounts", name, {
      kind: "StorageV2", sku: { name: flaws.has("lrs") ? "Standard_LRS" : ctx.rng.pick(["Standard_GRS", "Standard_RAGZRS"]), tier: "Standard" },
      identity: { type: "SystemAssigned", principalId: ctx.rng.hex(32), tenantId: ctx.tenantId },
      properties: {
        provisioningState: "Succeeded", creationTime: isoAgo(ctx, 30, 900), primaryLocation: ctx.location, statusOfPrimary: "available",
        supportsHttpsTrafficOnly: !flaws.has("http-allowed"), minimumTlsVersion: flaws.has("tls10") ? "TLS1_0" : "TLS1_2",
        allowBlobPublicAccess: flaws.has("public-blob"), allowSharedKeyAccess: flaws.has("shared-key"), publicNetworkAccess: flaws.has("network-allow") ? "Enabled" : "Disabled",
        networkAcls: { bypass: "AzureServices", defaultAction: flaws.has("network-allow") ? "Allow" : "Deny", ipRules: [], virtualNetworkRules: [] },
        encryption: {
          keySource: flaws.has("platform-keys") ? "Microsoft.Storage" : "Microsoft.Keyvault", requireInfrastructureEncryption: !flaws.has("no-infra-encryption"),
          services: { blob: { enabled: true, keyType: "Account" }, file: { enabled: true, keyType: "Account" } },
          ...(flaws.has("platform-keys") ? {} : { keyvaultproperties: { keyname: "storage-cmk", keyvaulturi: `https://kv-${sys(ctx)}.vault.azure.net/` } }),
        },
        ...(flaws.has("no-key-expiry") ? {} : { keyPolicy: { keyExpirationPeriodInDays: 90 } }),
        privateEndpointConnections: flaws.has("no-private-endpoint") ? [] : [{
          id: `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${name}/privateEndpointConnections/pe-${name}`,
          properties: { privateLinkServiceConnectionState: { status: "Approved", description: "Auto-approved" }, provisioningState: "Succeeded" },
        }],
        accessTier: "Hot",
      },
      tags: azureTags(ctx, flaws, true),
    });
    const blob = {
      id: `${row.id}/blobServices/default`, name: "default", type: "Microsoft.Storage/storageAccounts/blobServices", sku: row.sku,
      properties: {
        isVersioningEnabled: !flaws.has("no-versioning"), changeFeed: { enabled: true },
        deleteRetentionPolicy: flaws.has("no-blob-soft-delete") ? { allowPermanentDelete: false, enabled: false } : { allowPermanentDelete: false, enabled: true, days: 14 },
        containerDeleteRetentionPolicy: flaws.has("no-container-soft-delete") ? { enabled: false } : { enabled: true, days: 14 },
        cors: { corsRules: [] },
      },
    };
    return { row, children: { "blobServices/default": blob, "providers/microsoft.insights/diagnosticSettings": diagnostics(row.id, true, ctx) } };
  },
};

export const sqlServerSpec: AzureTypeSpec = {
  type: "microsoft.sql/servers",
  flaws: ["tls10", "auditing-off", "short-audit-retention", "public-network", "no-entra-admin", "sql-auth-allowed", "tde-off", "local-backup", "not-zone-redundant", "phi-in-dev"],
  weight: 2,
  build(ctx, flaws) {
    const name = azureName(ctx, "sql", () => `sql-${sys(ctx)}-${ctx.rng.pick(ENVS)}-${ctx.rng.hex(4)}`);
    const server = armRow(ctx, "Microsoft.Sql/servers", name, {
      kind: "v12.0",
      properties: {
        administratorLogin: "sqladmin", version: "12.0", state: "Ready", fullyQualifiedDomainName: `${name}.database.windows.net`,
        minimalTlsVersion: flaws.has("tls10") ? "1.0" : "1.2", publicNetworkAccess: flaws.has("public-network") ? "Enabled" : "Disabled", restrictOutboundNetworkAccess: "Disabled",
        ...(flaws.has("no-entra-admin") ? {} : { administrators: { administratorType: "ActiveDirectory", principalType: "Group", login: "sql-admins", sid: ctx.rng.hex(32), tenantId: ctx.tenantId, azureADOnlyAuthentication: !flaws.has("sql-auth-allowed") } }),
      },
      tags: azureTags(ctx, flaws, true),
    });
    const auditing = {
      id: `${server.id}/auditingSettings/Default`, name: "Default", type: "Microsoft.Sql/servers/auditingSettings",
      properties: {
        state: flaws.has("auditing-off") ? "Disabled" : "Enabled", retentionDays: flaws.has("short-audit-retention") ? 30 : 120,
        auditActionsAndGroups: ["SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP", "FAILED_DATABASE_AUTHENTICATION_GROUP", "BATCH_COMPLETED_GROUP"],
        storageEndpoint: `https://staudit${ctx.rng.hex(6)}.blob.core.windows.net/`, isAzureMonitorTargetEnabled: true, isStorageSecondaryKeyInUse: false,
        storageAccountSubscriptionId: ctx.subscriptionId,
      },
    };
    const dbName = `${name.split("-")[1]}db`;
    const database = armRow(ctx, "Microsoft.Sql/servers", `${name}/databases/${dbName}`, {
      type: "microsoft.sql/servers/databases", kind: "v12.0,user", sku: { name: "GP_Gen5", tier: "GeneralPurpose", family: "Gen5", capacity: 2 },
      managedBy: server.id,
      properties: { collation: "SQL_Latin1_General_CP1_CI_AS", status: "Online", databaseId: ctx.rng.hex(32), creationDate: isoAgo(ctx, 30, 900), zoneRedundant: !flaws.has("not-zone-redundant"), requestedBackupStorageRedundancy: flaws.has("local-backup") ? "Local" : "Geo", currentBackupStorageRedundancy: flaws.has("local-backup") ? "Local" : "Geo" },
      tags: server.tags,
    });
    const tde = { id: `${database.id}/transparentDataEncryption/Current`, name: "Current", type: "Microsoft.Sql/servers/databases/transparentDataEncryption", properties: { state: flaws.has("tde-off") ? "Disabled" : "Enabled" } };
    return [
      { row: server, children: { "auditingSettings/default": auditing, "providers/microsoft.insights/diagnosticSettings": diagnostics(server.id, true, ctx), ...sqlServerChildren(server.id, flaws) } },
      { row: database, children: { "transparentDataEncryption/current": tde } },
    ];
  },
};

export const keyVaultSpec: AzureTypeSpec = {
  type: "microsoft.keyvault/vaults",
  flaws: ["no-purge-protection", "access-policies", "no-private-endpoint", "public-network", "no-audit-logs"],
  weight: 2,
  build(ctx, flaws) {
    const name = azureName(ctx, "kv", () => `kv-${sys(ctx)}-${ctx.rng.hex(6)}`.slice(0, 24));
    const row = armRow(ctx, "Microsoft.KeyVault/vaults", name, {
      properties: {
        sku: { family: "A", name: "standard" }, tenantId: ctx.tenantId, vaultUri: `https://${name}.vault.azure.net/`, provisioningState: "Succeeded",
        enableSoftDelete: true, softDeleteRetentionInDays: 90, ...(flaws.has("no-purge-protection") ? {} : { enablePurgeProtection: true }),
        enableRbacAuthorization: !flaws.has("access-policies"), accessPolicies: [], publicNetworkAccess: flaws.has("public-network") ? "Enabled" : "Disabled",
        networkAcls: { bypass: "AzureServices", defaultAction: flaws.has("public-network") ? "Allow" : "Deny", ipRules: [], virtualNetworkRules: [] },
        privateEndpointConnections: flaws.has("no-private-endpoint") ? [] : [{ id: `pec-${name}`, properties: { privateLinkServiceConnectionState: { status: "Approved", description: "" }, provisioningState: "Succeeded" } }],
      },
      tags: azureTags(ctx, flaws, false),
    });
    return { row, children: { "providers/microsoft.insights/diagnosticSettings": diagnostics(row.id, !flaws.has("no-audit-logs"), ctx) }, dataPlane: vaultDataPlane(row.id, flaws, ctx.referenceMs) };
  },
};
