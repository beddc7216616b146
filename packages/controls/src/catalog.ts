// The catalog: every check, indexed by id and resource type, plus the rule tree and manual controls.
import { backupChecks } from "./checks/aws/backup";
import { cloudtrailChecks } from "./checks/aws/cloudtrail";
import { cloudtrailDataEventChecks } from "./checks/aws/cloudtrail-data-events";
import { metricAlarmChecks } from "./checks/aws/metric-alarms";
import { databaseChecks } from "./checks/aws/databases";
import { detectionChecks } from "./checks/aws/detection";
import { ebsChecks } from "./checks/aws/ebs";
import { ec2Checks } from "./checks/aws/ec2";
import { edgeChecks } from "./checks/aws/edge";
import { elbChecks } from "./checks/aws/elb";
import { emrChecks } from "./checks/aws/emr";
import { iamAccountChecks } from "./checks/aws/iam-account";
import { iamPolicyChecks } from "./checks/aws/iam-policies";
import { kmsChecks } from "./checks/aws/kms";
import { lambdaChecks } from "./checks/aws/lambda";
import { analyticsChecks } from "./checks/aws/analytics";
import { rdsChecks } from "./checks/aws/rds";
import { rootHardwareMfaChecks } from "./checks/aws/root-hardware-mfa";
import { s3Checks } from "./checks/aws/s3";
import { servicesChecks } from "./checks/aws/services";
import { vpcChecks } from "./checks/aws/vpc";
import { azureComputeChecks } from "./checks/azure/compute";
import { azureContainerChecks } from "./checks/azure/containers";
import { azureDatabaseChecks } from "./checks/azure/databases";
import { AZURE_TENANT, azureEntraChecks } from "./checks/azure/entra";
import { azureKeyVaultChecks } from "./checks/azure/keyvault";
import { azureKeyVaultItemChecks } from "./checks/azure/keyvault-items";
import { azureMonitorChecks } from "./checks/azure/monitor";
import { azureNetworkChecks } from "./checks/azure/network";
import { azureSecurityContactChecks } from "./checks/azure/security-contacts";
import { azureSqlChecks } from "./checks/azure/sql";
import { azureSqlServerChildChecks } from "./checks/azure/sql-server-children";
import { azureStorageChecks } from "./checks/azure/storage";
import { azureWebChecks } from "./checks/azure/web";
import { tagChecks } from "./checks/common/tags";
import type { Provider } from "./snapshot";
import type { Check, Severity } from "./types";

export { STANDARDS, MANUAL_CONTROLS, CITATIONS } from "./rule/standards";
export type { Standard, Specification, ManualControl } from "./rule/types";

/** A check whose resourceTypes is WILDCARD applies to every type of its provider (tags, BAA coverage). */
export const WILDCARD = "*";

export const CHECKS: readonly Check[] = [
  ...s3Checks, ...ebsChecks, ...ec2Checks, ...vpcChecks, ...rdsChecks, ...databaseChecks, ...kmsChecks,
  ...cloudtrailChecks, ...cloudtrailDataEventChecks, ...metricAlarmChecks, ...iamAccountChecks, ...rootHardwareMfaChecks, ...iamPolicyChecks, ...elbChecks, ...edgeChecks, ...analyticsChecks,
  ...servicesChecks, ...backupChecks, ...detectionChecks, ...lambdaChecks, ...emrChecks,
  ...azureStorageChecks, ...azureSqlChecks, ...azureSqlServerChildChecks, ...azureKeyVaultChecks, ...azureKeyVaultItemChecks, ...azureComputeChecks, ...azureNetworkChecks,
  ...azureMonitorChecks, ...azureSecurityContactChecks, ...azureWebChecks, ...azureDatabaseChecks, ...azureContainerChecks, ...azureEntraChecks,
  ...tagChecks,
];

/** Relative weight of a failed check by severity, for posture scores. */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = { critical: 10, high: 5, medium: 2, low: 1 };

const byId = new Map<string, Check>();
for (const c of CHECKS) {
  if (byId.has(c.id)) throw new Error(`duplicate check id ${c.id}`);
  byId.set(c.id, c);
}

export function getCheck(id: string): Check | undefined {
  return byId.get(id);
}

/** Which provider a resource type belongs to, from its spelling. */
export function providerOfType(resourceType: string): Provider {
  return resourceType.startsWith("AWS::") || resourceType.startsWith("Safeguard::AWS::") ? "aws" : "azure";
}

// Types that are settings rather than resources: tag and BAA checks make no sense on them.
const NOT_TAGGABLE = new Set([
  "Safeguard::AWS::Account", "Safeguard::AWS::Region", "AWS::S3::AccountPublicAccessBlock", "AWS::Config::ConfigurationRecorder",
  "microsoft.resources/subscriptions", "microsoft.security/pricings", "microsoft.authorization/policyassignments",
  "microsoft.authorization/roledefinitions", "microsoft.web/sites/config", AZURE_TENANT,
]);

const exact = new Map<string, Check[]>();
const wildcard: Record<Provider, Check[]> = { aws: [], azure: [] };
for (const c of CHECKS) {
  for (const t of c.resourceTypes) {
    if (t === WILDCARD) wildcard[c.provider].push(c);
    else {
      let l = exact.get(t);
      if (!l) exact.set(t, (l = []));
      l.push(c);
    }
  }
}

const forType = new Map<string, readonly Check[]>();

/** The checks that evaluate resources of this type (precomputed; the same array on every call). */
export function checksForType(resourceType: string): readonly Check[] {
  let l = forType.get(resourceType);
  if (!l) {
    const own = exact.get(resourceType) ?? [];
    const wild = NOT_TAGGABLE.has(resourceType) ? [] : wildcard[providerOfType(resourceType)];
    l = Object.freeze([...own, ...wild]);
    forType.set(resourceType, l);
  }
  return l;
}

/** Every concrete resource type some check reads directly. */
export const RESOURCE_TYPES: readonly string[] = [...exact.keys()].sort();

/** Types read through the context by the checks of `resourceType` (load these too when re-evaluating it). */
export function contextTypesFor(resourceType: string): string[] {
  const out = new Set<string>();
  for (const c of checksForType(resourceType)) for (const t of c.contextTypes) out.add(t);
  return [...out];
}

const dependents = new Map<string, Set<string>>();
for (const c of CHECKS) {
  for (const ct of c.contextTypes) {
    let s = dependents.get(ct);
    if (!s) dependents.set(ct, (s = new Set()));
    for (const t of c.resourceTypes) if (t !== WILDCARD) s.add(t);
  }
}

/** Types whose verdicts may change when a resource of `changedType` changes (besides changedType itself). */
export function dependentTypesOf(changedType: string): string[] {
  return [...(dependents.get(changedType) ?? [])];
}
