// Azure compute, network, security and platform-service rows.
import type { AzureContext, AzureDraft, AzureTypeSpec } from "./resources";
import { armRow, azureName, azureTags } from "./resources";

const SYSTEMS = ["ehr", "pacs", "labs", "portal", "fhir", "hl7", "billing", "intake"];

export const diskSpec: AzureTypeSpec = {
  type: "microsoft.compute/disks",
  flaws: ["platform-key", "unattached-platform-key", "public-network", "phi-in-dev"],
  weight: 6,
  build(ctx, flaws) {
    const name = azureName(ctx, "disk", () => `disk-${ctx.rng.pick(SYSTEMS)}-${ctx.rng.hex(6)}`);
    const attached = !flaws.has("unattached-platform-key") && ctx.rng.chance(0.85);
    const platform = flaws.has("platform-key") || flaws.has("unattached-platform-key");
    const vm = `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup}/providers/Microsoft.Compute/virtualMachines/vm-${ctx.rng.pick(SYSTEMS)}-${ctx.rng.int(1, 9)}`;
    return {
      row: armRow(ctx, "Microsoft.Compute/disks", name, {
        sku: { name: "Premium_LRS", tier: "Premium" }, managedBy: attached ? vm : "",
        properties: {
          diskSizeGB: ctx.rng.pick([64, 128, 256, 512]), diskState: attached ? "Attached" : "Unattached", provisioningState: "Succeeded", osType: "Linux",
          encryption: platform ? { type: "EncryptionAtRestWithPlatformKey" } : { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: `/subscriptions/${ctx.subscriptionId}/resourceGroups/rg-security/providers/Microsoft.Compute/diskEncryptionSets/des-cmk` },
          networkAccessPolicy: flaws.has("public-network") ? "AllowAll" : "DenyAll", publicNetworkAccess: flaws.has("public-network") ? "Enabled" : "Disabled", timeCreated: new Date(ctx.referenceMs - ctx.rng.int(1, 500) * 86_400_000).toISOString(),
        },
        tags: azureTags(ctx, flaws, true),
      }),
    };
  },
};

export const vmSpec: AzureTypeSpec = {
  type: "microsoft.compute/virtualmachines",
  flaws: ["unmanaged-disk", "no-encryption-at-host", "no-backup"],
  weight: 5,
  build(ctx, flaws) {
    const name = azureName(ctx, "vm", () => `vm-${ctx.rng.pick(SYSTEMS)}-${ctx.rng.int(1, 40)}`);
    const osDisk = flaws.has("unmanaged-disk")
      ? { osType: "Linux", name: `${name}-os`, createOption: "FromImage", caching: "ReadWrite", vhd: { uri: `https://stvhds${ctx.rng.hex(6)}.blob.core.windows.net/vhds/${name}-os.vhd` } }
      : { osType: "Linux", name: `${name}-os`, createOption: "FromImage", caching: "ReadWrite", managedDisk: { storageAccountType: "Premium_LRS", id: `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup}/providers/Microsoft.Compute/disks/${name}-os` } };
    const vmId = `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${name}`;
    const protectedItem = flaws.has("no-backup") ? [] : [{ row: protectedItemRow(ctx, vmId, name) }];
    return [{
      row: armRow(ctx, "Microsoft.Compute/virtualMachines", name, {
        properties: {
          vmId: ctx.rng.hex(32), hardwareProfile: { vmSize: ctx.rng.pick(["Standard_D4s_v5", "Standard_B2s", "Standard_E8s_v5"]) },
          storageProfile: { osDisk, dataDisks: [], imageReference: { publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", sku: "22_04-lts-gen2", version: "latest" } },
          osProfile: { computerName: name, adminUsername: "azureuser", linuxConfiguration: { disablePasswordAuthentication: true } },
          networkProfile: { networkInterfaces: [{ id: `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup}/providers/Microsoft.Network/networkInterfaces/${name}-nic` }] },
          securityProfile: { encryptionAtHost: !flaws.has("no-encryption-at-host"), securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } },
          provisioningState: "Succeeded",
        },
        tags: azureTags(ctx, flaws, false),
      }),
    }, ...protectedItem];
  },
};

/** The Recovery Services protected item that backs a VM up (ARG table recoveryservicesresources). */
function protectedItemRow(ctx: AzureContext, vmId: string, vmName: string): AzureDraft["row"] {
  const rg = vmId.split("/")[4] as string;
  const container = `IaasVMContainer;iaasvmcontainerv2;${rg};${vmName}`;
  const item = `VM;iaasvmcontainerv2;${rg};${vmName}`;
  const vault = `/subscriptions/${ctx.subscriptionId}/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-clinical`;
  return {
    id: `${vault}/backupFabrics/Azure/protectionContainers/${container}/protectedItems/${item}`, name: item,
    type: "microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems", tenantId: ctx.tenantId, kind: "", location: ctx.location,
    resourceGroup: "rg-backup", subscriptionId: ctx.subscriptionId, managedBy: "", sku: null, plan: null, tags: null, identity: null, zones: null, extendedLocation: null,
    properties: {
      protectedItemType: "Microsoft.Compute/virtualMachines", workloadType: "VM", friendlyName: vmName, sourceResourceId: vmId, virtualMachineId: vmId,
      policyId: `${vault}/backupPolicies/DefaultPolicy`, protectionStatus: "Healthy", protectionState: "Protected", lastBackupStatus: "Completed",
      lastBackupTime: new Date(ctx.referenceMs - 20 * 3_600_000).toISOString(), backupManagementType: "AzureIaasVM",
    },
  };
}

const nsgRule = (name: string, priority: number, port: string, protocol: string, source: string) => ({
  name, type: "Microsoft.Network/networkSecurityGroups/securityRules",
  properties: { protocol, sourcePortRange: "*", destinationPortRange: port, sourceAddressPrefix: source, destinationAddressPrefix: "*", access: "Allow", priority, direction: "Inbound", provisioningState: "Succeeded", sourcePortRanges: [], destinationPortRanges: [], sourceAddressPrefixes: [], destinationAddressPrefixes: [] },
});

export const nsgSpec: AzureTypeSpec = {
  type: "microsoft.network/networksecuritygroups",
  flaws: ["ssh-open", "rdp-open", "http-open", "db-port-open", "udp-open"],
  weight: 4,
  build(ctx, flaws) {
    const name = azureName(ctx, "nsg", () => `nsg-${ctx.rng.pick(SYSTEMS)}-${ctx.rng.pick(["web", "app", "data"])}`);
    const rules = [nsgRule("allow-https-lb", 100, "443", "Tcp", "AzureLoadBalancer"), nsgRule("allow-vnet-app", 110, "8080", "Tcp", "VirtualNetwork")];
    if (flaws.has("ssh-open")) rules.push(nsgRule("allow-ssh", 200, "22", "Tcp", "*"));
    if (flaws.has("rdp-open")) rules.push(nsgRule("allow-rdp", 210, "3389", "*", "Internet"));
    if (flaws.has("http-open")) rules.push(nsgRule("allow-http", 220, "80", "Tcp", "0.0.0.0/0"));
    if (flaws.has("db-port-open")) rules.push(nsgRule("allow-sql", 225, "1433", "Tcp", "Internet"));
    if (flaws.has("udp-open")) rules.push(nsgRule("allow-udp", 230, "500-4500", "Udp", "Internet"));
    rules.forEach((r) => Object.assign(r, { id: `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup}/providers/Microsoft.Network/networkSecurityGroups/${name}/securityRules/${r.name}` }));
    return { row: armRow(ctx, "Microsoft.Network/networkSecurityGroups", name, { properties: { securityRules: rules, defaultSecurityRules: [], provisioningState: "Succeeded", resourceGuid: ctx.rng.hex(32) }, tags: azureTags(ctx, flaws, false) }) };
  },
};

export const flowLogSpec: AzureTypeSpec = {
  type: "microsoft.network/networkwatchers/flowlogs",
  flaws: ["disabled", "short-retention"],
  weight: 1,
  build(ctx, flaws) {
    const name = azureName(ctx, "flowlog", () => `fl-nsg-${ctx.rng.pick(SYSTEMS)}-${ctx.rng.hex(4)}`);
    const row = armRow(ctx, "Microsoft.Network/networkWatchers", `NetworkWatcher_${ctx.location}/flowLogs/${name}`, {
      type: "microsoft.network/networkwatchers/flowlogs", resourceGroup: "networkwatcherrg",
      properties: {
        targetResourceId: `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup}/providers/Microsoft.Network/networkSecurityGroups/nsg-${ctx.rng.pick(SYSTEMS)}-web`,
        storageId: `/subscriptions/${ctx.subscriptionId}/resourceGroups/rg-monitoring/providers/Microsoft.Storage/storageAccounts/stflowlogs`,
        enabled: !flaws.has("disabled"), retentionPolicy: { days: flaws.has("short-retention") ? 7 : 90, enabled: true }, format: { type: "JSON", version: 2 },
        flowAnalyticsConfiguration: { networkWatcherFlowAnalyticsConfiguration: { enabled: true, trafficAnalyticsInterval: 10 } }, provisioningState: "Succeeded",
      },
    });
    row.id = row.id.replace(`/resourceGroups/${ctx.resourceGroup}/`, "/resourceGroups/NetworkWatcherRG/");
    return { row };
  },
};

export const webAppSpec: AzureTypeSpec = {
  type: "microsoft.web/sites",
  flaws: ["http-allowed", "no-client-cert", "tls10", "ftp-allowed"],
  weight: 2,
  build(ctx, flaws) {
    const name = azureName(ctx, "app", () => `app-${ctx.rng.pick(SYSTEMS)}-${ctx.rng.hex(5)}`);
    const site = armRow(ctx, "Microsoft.Web/sites", name, {
      kind: "app,linux",
      properties: { state: "Running", hostNames: [`${name}.azurewebsites.net`], httpsOnly: !flaws.has("http-allowed"), clientCertEnabled: !flaws.has("no-client-cert"), clientCertMode: "Required", publicNetworkAccess: "Enabled", defaultHostName: `${name}.azurewebsites.net` },
      tags: azureTags(ctx, flaws, false),
    });
    // The site's configuration lives in ARG's appserviceresources table as microsoft.web/sites/config.
    const config = armRow(ctx, "Microsoft.Web/sites", `${name}/config/web`, {
      type: "microsoft.web/sites/config",
      properties: { minTlsVersion: flaws.has("tls10") ? "1.0" : "1.2", ftpsState: flaws.has("ftp-allowed") ? "AllAllowed" : "Disabled", http20Enabled: true, alwaysOn: true, linuxFxVersion: "NODE|20-lts", scmMinTlsVersion: "1.2" },
    });
    return [{ row: site }, { row: config }];
  },
};

export const postgresSpec: AzureTypeSpec = {
  type: "microsoft.dbforpostgresql/flexibleservers",
  flaws: ["no-geo-backup", "tls-not-required", "public-network", "phi-in-dev"],
  weight: 1,
  build(ctx, flaws) {
    const name = azureName(ctx, "pg", () => `psql-${ctx.rng.pick(SYSTEMS)}-${ctx.rng.hex(4)}`);
    const row = armRow(ctx, "Microsoft.DBforPostgreSQL/flexibleServers", name, {
        sku: { name: "Standard_D4ds_v5", tier: "GeneralPurpose" },
        properties: {
          version: "16", state: "Ready", fullyQualifiedDomainName: `${name}.postgres.database.azure.com`, storage: { storageSizeGB: 256, autoGrow: "Enabled" },
          backup: { backupRetentionDays: 35, geoRedundantBackup: flaws.has("no-geo-backup") ? "Disabled" : "Enabled" }, network: { publicNetworkAccess: flaws.has("public-network") ? "Enabled" : "Disabled" },
          highAvailability: { mode: "ZoneRedundant", state: "Healthy" }, dataEncryption: { type: "SystemManaged" },
        },
        tags: azureTags(ctx, flaws, true),
    });
    const parameter = (pname: string, value: string) => ({ id: `${row.id}/configurations/${pname}`, name: pname, type: "Microsoft.DBforPostgreSQL/flexibleServers/configurations", properties: { value, defaultValue: "on", dataType: "Boolean", source: value === "on" ? "system-default" : "user-override", isReadOnly: false } });
    const configurations = { value: [parameter("require_secure_transport", flaws.has("tls-not-required") ? "off" : "on"), parameter("log_connections", "on")] };
    return { row, children: { configurations } };
  },
};

export const mysqlSpec: AzureTypeSpec = {
  type: "microsoft.dbformysql/flexibleservers",
  flaws: ["no-geo-backup", "tls-not-required", "tls11", "public-network", "phi-in-dev"],
  weight: 1,
  build(ctx, flaws) {
    const name = azureName(ctx, "mysql", () => `mysql-${ctx.rng.pick(SYSTEMS)}-${ctx.rng.hex(4)}`);
    const row = armRow(ctx, "Microsoft.DBforMySQL/flexibleServers", name, {
      sku: { name: "Standard_D2ds_v4", tier: "GeneralPurpose" },
      properties: {
        version: "8.0.21", state: "Ready", fullyQualifiedDomainName: `${name}.mysql.database.azure.com`, storage: { storageSizeGB: 128, autoGrow: "Enabled", iops: 684 },
        backup: { backupRetentionDays: 35, geoRedundantBackup: flaws.has("no-geo-backup") ? "Disabled" : "Enabled" }, network: { publicNetworkAccess: flaws.has("public-network") ? "Enabled" : "Disabled" },
        highAvailability: { mode: "ZoneRedundant", state: "Healthy" },
      },
      tags: azureTags(ctx, flaws, true),
    });
    const parameter = (pname: string, value: string) => ({ id: `${row.id}/configurations/${pname}`, name: pname, type: "Microsoft.DBforMySQL/flexibleServers/configurations", properties: { value, source: "user-override", isReadOnly: "False" } });
    const configurations = { value: [parameter("require_secure_transport", flaws.has("tls-not-required") ? "OFF" : "ON"), parameter("tls_version", flaws.has("tls11") ? "TLSv1.1,TLSv1.2" : "TLSv1.2,TLSv1.3")] };
    return { row, children: { configurations } };
  },
};

export const nicSpec: AzureTypeSpec = {
  type: "microsoft.network/networkinterfaces",
  flaws: ["public-ip"],
  weight: 4,
  build(ctx, flaws) {
    const name = azureName(ctx, "nic", () => `nic-${ctx.rng.pick(SYSTEMS)}-${ctx.rng.int(1, 40)}`);
    const sub = `/subscriptions/${ctx.subscriptionId}/resourceGroups`;
    return {
      row: armRow(ctx, "Microsoft.Network/networkInterfaces", name, {
        properties: {
          provisioningState: "Succeeded", enableAcceleratedNetworking: true,
          ipConfigurations: [{
            name: "ipconfig1", id: `${sub}/${ctx.resourceGroup}/providers/Microsoft.Network/networkInterfaces/${name}/ipConfigurations/ipconfig1`,
            properties: {
              privateIPAddress: `10.100.${ctx.rng.int(0, 2)}.${ctx.rng.int(4, 250)}`, privateIPAllocationMethod: "Dynamic", primary: true,
              subnet: { id: `${sub}/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-${ctx.location}/subnets/app` },
              ...(flaws.has("public-ip") ? { publicIPAddress: { id: `${sub}/${ctx.resourceGroup}/providers/Microsoft.Network/publicIPAddresses/pip-${name}` } } : {}),
            },
          }],
          networkSecurityGroup: { id: `${sub}/${ctx.resourceGroup}/providers/Microsoft.Network/networkSecurityGroups/nsg-${ctx.rng.pick(SYSTEMS)}-app` },
        },
        tags: azureTags(ctx, flaws, false),
      }),
    };
  },
};

export const cosmosSpec: AzureTypeSpec = {
  type: "microsoft.documentdb/databaseaccounts",
  flaws: ["open-network", "service-managed-keys", "local-auth"],
  weight: 1,
  build(ctx, flaws) {
    const name = azureName(ctx, "cosmos", () => `cosmos-${ctx.rng.pick(SYSTEMS)}-${ctx.rng.hex(4)}`);
    const open = flaws.has("open-network");
    return {
      row: armRow(ctx, "Microsoft.DocumentDB/databaseAccounts", name, {
        kind: "GlobalDocumentDB",
        properties: {
          provisioningState: "Succeeded", documentEndpoint: `https://${name}.documents.azure.com:443/`, databaseAccountOfferType: "Standard",
          publicNetworkAccess: open ? "Enabled" : "Disabled", isVirtualNetworkFilterEnabled: !open, ipRules: [], virtualNetworkRules: [],
          privateEndpointConnections: open ? [] : [{ id: `pec-${name}`, properties: { privateLinkServiceConnectionState: { status: "Approved" } } }],
          disableLocalAuth: !flaws.has("local-auth"), minimalTlsVersion: "Tls12",
          ...(flaws.has("service-managed-keys") ? {} : { keyVaultKeyUri: `https://kv-cosmos-${ctx.rng.hex(4)}.vault.azure.net/keys/cosmos-cmk` }),
        },
        tags: azureTags(ctx, flaws, true),
      }),
    };
  },
};

export const aksSpec: AzureTypeSpec = {
  type: "microsoft.containerservice/managedclusters",
  flaws: ["public-api", "no-rbac"],
  weight: 1,
  build(ctx, flaws) {
    const name = azureName(ctx, "aks", () => `aks-${ctx.rng.pick(SYSTEMS)}-${ctx.rng.hex(4)}`);
    return {
      row: armRow(ctx, "Microsoft.ContainerService/managedClusters", name, {
        sku: { name: "Base", tier: "Standard" },
        properties: {
          kubernetesVersion: "1.30.3", provisioningState: "Succeeded", enableRBAC: !flaws.has("no-rbac"), dnsPrefix: name,
          apiServerAccessProfile: { enablePrivateCluster: !flaws.has("public-api") },
          agentPoolProfiles: [{ name: "system", count: 3, vmSize: "Standard_D4s_v5", enableNodePublicIP: false, mode: "System" }],
          aadProfile: { managed: true, enableAzureRBAC: true, tenantID: ctx.tenantId },
        },
        tags: azureTags(ctx, flaws, false),
      }),
    };
  },
};

export const registrySpec: AzureTypeSpec = {
  type: "microsoft.containerregistry/registries",
  flaws: ["public", "admin-user"],
  weight: 1,
  build(ctx, flaws) {
    const name = azureName(ctx, "acr", () => `acr${ctx.rng.pick(SYSTEMS)}${ctx.rng.hex(6)}`);
    return {
      row: armRow(ctx, "Microsoft.ContainerRegistry/registries", name, {
        sku: { name: "Premium", tier: "Premium" },
        properties: { loginServer: `${name}.azurecr.io`, provisioningState: "Succeeded", adminUserEnabled: flaws.has("admin-user"), publicNetworkAccess: flaws.has("public") ? "Enabled" : "Disabled" },
        tags: azureTags(ctx, flaws, false),
      }),
    };
  },
};
