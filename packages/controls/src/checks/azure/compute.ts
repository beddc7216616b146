// Azure managed disks and virtual machines.
import { azure, fix } from "../../lib/define";
import { asArray, isObj } from "../../lib/path";
import { ev, na, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";

const DISK = "microsoft.compute/disks";
const VM = "microsoft.compute/virtualmachines";
const PROTECTED_ITEM = "microsoft.recoveryservices/vaults/backupfabrics/protectioncontainers/protecteditems";
const P = "configuration.properties";
const CMK_TYPES = new Set(["EncryptionAtRestWithCustomerKey", "EncryptionAtRestWithPlatformAndCustomerKeys"]);

const props = (r: ResourceSnapshot): Record<string, unknown> => (isObj(r.configuration?.properties) ? (r.configuration.properties as Record<string, unknown>) : {});
const diskAttached = (r: ResourceSnapshot): boolean => {
  const st = props(r).diskState;
  return st === "Attached" || st === "Reserved" || (typeof r.configuration?.managedBy === "string" && r.configuration.managedBy !== "");
};
const diskCmk = (r: ResourceSnapshot) => {
  const enc = props(r).encryption;
  const type = isObj(enc) ? enc.type : undefined;
  return verdict(typeof type === "string" && CMK_TYPES.has(type), [ev(`${P}.encryption.type`, type ?? null, "EncryptionAtRestWithCustomerKey or ...PlatformAndCustomerKeys"), ev(`${P}.diskState`, props(r).diskState ?? null)]);
};
const cmkFix = fix("Disk > Encryption: customer-managed key via a disk encryption set.", "az disk update -g RG -n DISK --encryption-type EncryptionAtRestWithCustomerKey --disk-encryption-set DES", "disk_encryption_set_id = azurerm_disk_encryption_set.phi.id");

export const azureComputeChecks = [
  azure({
    id: "azure.compute.disk.cmk-encryption", resourceType: DISK, severity: "medium", citations: cite(C.encryptionAtRest, C.keyManagement),
    title: "Attached managed disk is encrypted with a customer-managed key", rationale: "Customer keys keep control and revocation of disk encryption with the organisation.",
    reads: [`${P}.encryption.type`, `${P}.diskState`, "configuration.managedBy"],
    remediation: cmkFix,
    evaluate: (r) => (diskAttached(r) ? diskCmk(r) : na("disk is not attached", [ev(`${P}.diskState`, props(r).diskState ?? null)])),
  }),
  azure({
    id: "azure.compute.disk.unattached-cmk-encryption", resourceType: DISK, severity: "medium", citations: cite(C.encryptionAtRest, ["164.310(d)(2)(i)"]),
    title: "Unattached managed disk is encrypted with a customer-managed key", rationale: "Detached disks keep their data; a customer key lets it be crypto-shredded on disposal.",
    reads: [`${P}.encryption.type`, `${P}.diskState`],
    remediation: cmkFix,
    evaluate: (r) => (diskAttached(r) ? na("disk is attached", [ev(`${P}.diskState`, props(r).diskState ?? null)]) : diskCmk(r)),
  }),
  azure({
    id: "azure.compute.disk.no-public-network-access", resourceType: DISK, severity: "medium", citations: C.publicAccess,
    title: "Managed disk cannot be exported over the public network", rationale: "AllowAll lets anyone with a SAS URI download the disk, and the ePHI on it.",
    reads: [`${P}.networkAccessPolicy`, `${P}.publicNetworkAccess`],
    remediation: fix("Disk > Networking: Disable public and private access, or private endpoint only.", "az disk update -g RG -n DISK --network-access-policy DenyAll --public-network-access Disabled", "network_access_policy = \"DenyAll\""),
    evaluate(r) {
      const p = props(r);
      const ok = p.networkAccessPolicy === "DenyAll" || p.networkAccessPolicy === "AllowPrivate" || p.publicNetworkAccess === "Disabled";
      return verdict(ok, [ev(`${P}.networkAccessPolicy`, p.networkAccessPolicy ?? null, "DenyAll or AllowPrivate"), ev(`${P}.publicNetworkAccess`, p.publicNetworkAccess ?? null)]);
    },
  }),
  azure({
    id: "azure.compute.vm.managed-disks", resourceType: VM, severity: "medium", citations: C.encryptionAtRest,
    title: "Virtual machine uses managed disks only", rationale: "Unmanaged VHDs in storage accounts miss managed-disk encryption and access controls.",
    reads: [`${P}.storageProfile.osDisk.managedDisk`, `${P}.storageProfile.dataDisks[].managedDisk`],
    remediation: fix("VM > Disks > Migrate to managed disks.", "az vm convert -g RG -n VM", "use azurerm_managed_disk, not vhd_uri"),
    evaluate(r) {
      const sp = props(r).storageProfile;
      if (!isObj(sp)) return verdict(false, [ev(`${P}.storageProfile`, null)], "storage profile not recorded");
      const disks = [sp.osDisk, ...asArray(sp.dataDisks)];
      const unmanaged = disks.filter((d) => isObj(d) && !isObj(d.managedDisk)).map((d) => (isObj(d) ? d.name ?? null : null));
      return verdict(unmanaged.length === 0, [ev(`${P}.storageProfile.*.managedDisk`, unmanaged.length === 0 ? "all managed" : unmanaged, "every disk managed")]);
    },
  }),
  azure({
    id: "azure.compute.vm.encryption-at-host", resourceType: VM, severity: "low", citations: C.encryptionAtRest,
    title: "Virtual machine encrypts temp disks and caches at host", rationale: "Encryption at host covers temp disks and disk caches that server-side encryption does not.",
    reads: [`${P}.securityProfile.encryptionAtHost`],
    remediation: fix("VM (deallocated) > Disks > Additional settings > Encryption at host: Yes.", "az vm update -g RG -n VM --set securityProfile.encryptionAtHost=true", "encryption_at_host_enabled = true"),
    evaluate(r) {
      const sp = props(r).securityProfile;
      const v = isObj(sp) ? sp.encryptionAtHost : undefined;
      return verdict(v === true, [ev(`${P}.securityProfile.encryptionAtHost`, v ?? null, true)]);
    },
  }),
  azure({
    id: "azure.compute.vm.backup-enabled", resourceType: VM, severity: "high", citations: C.backup, contextTypes: [PROTECTED_ITEM],
    title: "Virtual machine is protected by Azure Backup", rationale: "A Recovery Services protected item gives retrievable copies of the VM's ePHI.",
    reads: [`${PROTECTED_ITEM} properties.sourceResourceId`],
    remediation: fix("VM > Backup > Enable backup to a Recovery Services vault.", "az backup protection enable-for-vm -g RG -v VAULT --vm VM --policy-name DefaultPolicy", "resource \"azurerm_backup_protected_vm\""),
    evaluate(r, ctx) {
      const protectedIds = ctx.memo("azure-protected-source-ids", () => {
        const s = new Set<string>();
        for (const it of ctx.ofType(PROTECTED_ITEM)) {
          const p = it.configuration?.properties;
          const src = isObj(p) ? p.sourceResourceId ?? p.virtualMachineId : undefined;
          if (typeof src === "string") s.add(src.toLowerCase());
        }
        return s;
      });
      const ok = protectedIds.has(r.nativeId.toLowerCase());
      return verdict(ok, [ev(`${PROTECTED_ITEM}.properties.sourceResourceId`, ok ? r.nativeId : "no protected item for this VM", r.nativeId)]);
    },
  }),
];
