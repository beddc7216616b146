// AWS Config (JSON 1.1, target prefix StarlingDoveService): recorders, ListDiscoveredResources,
// BatchGetResourceConfig and SelectResourceConfig over the caller's account and region.
import { isDescribeOnly } from "../estate/aws/describe-only";
import type { AwsAccount, ConfigItem } from "../estate/model";
import { AwsError } from "./errors";
import { decodeToken, encodeToken, scan } from "./paging";
import { matches, project, valuesAt } from "./select/evaluate";
import { parseSelect, QuerySyntaxError, STAR_FIELDS, typesOf } from "./select/parse";

export interface ConfigCall {
  account: AwsAccount;
  region: string;
  input: Record<string, unknown>;
}

const epoch = (iso: string | null) => (iso ? Date.parse(iso) / 1000 : undefined);

function recorderOf(call: ConfigCall) {
  return call.account.facts.regions[call.region]?.recorder ?? null;
}

function pageLimit(value: unknown, max: number): number {
  if (value === undefined || value === null || value === 0) return max;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    throw new AwsError("InvalidLimitException", `1 validation error detected: Value '${String(value)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
  }
  return value;
}

/** Item lists Config serves: types it records (describe-only ones are not recorded by AWS Config). */
function visibleLists(call: ConfigCall, types: readonly string[] | undefined): ConfigItem[][] {
  const recorder = recorderOf(call);
  if (!recorder) return [];
  const lists = call.account.items.lists(call.region, recorder.includeGlobalResourceTypes, types?.filter((t) => !isDescribeOnly(t)));
  // A list holds one type; without a type filter the describe-only lists are dropped here.
  return types ? lists : lists.filter((list) => !list[0] || !isDescribeOnly(list[0].resourceType));
}

export function describeConfigurationRecorders(call: ConfigCall) {
  const r = recorderOf(call);
  if (!r) return { ConfigurationRecorders: [] };
  return {
    ConfigurationRecorders: [{
      arn: `arn:aws:config:${call.region}:${call.account.accountId}:configuration-recorder/${r.name}/${call.account.accountId.slice(0, 6)}`,
      name: r.name, roleARN: r.roleARN,
      recordingGroup: { allSupported: r.allSupported, includeGlobalResourceTypes: r.includeGlobalResourceTypes, resourceTypes: [], exclusionByResourceTypes: { resourceTypes: [] }, recordingStrategy: { useOnly: "ALL_SUPPORTED_RESOURCE_TYPES" } },
      recordingMode: { recordingFrequency: "CONTINUOUS", recordingModeOverrides: [] },
      recordingScope: "PAID",
    }],
  };
}

export function describeConfigurationRecorderStatus(call: ConfigCall) {
  const r = recorderOf(call);
  if (!r) return { ConfigurationRecordersStatus: [] };
  const started = epoch(r.lastStartTime) as number;
  return {
    ConfigurationRecordersStatus: [{
      name: r.name, lastStartTime: started, ...(r.recording ? {} : { lastStopTime: started + 86_400 }), recording: r.recording,
      lastStatus: r.lastStatus, lastStatusChangeTime: Math.floor(Date.now() / 1000) - 300,
    }],
  };
}

export function listDiscoveredResources(call: ConfigCall) {
  const { resourceType, resourceIds, resourceName, includeDeletedResources, nextToken } = call.input as {
    resourceType?: string; resourceIds?: string[]; resourceName?: string; includeDeletedResources?: boolean; nextToken?: string;
  };
  if (typeof resourceType !== "string" || resourceType.length === 0) {
    throw new AwsError("ValidationException", "1 validation error detected: Value null at 'resourceType' failed to satisfy constraint: Member must not be null");
  }
  if (resourceIds && resourceName) throw new AwsError("ValidationException", "You cannot specify both a resource name and resource IDs in the same request.");
  const limit = pageLimit(call.input.limit, 100);
  const request = JSON.stringify({ resourceType, resourceIds, resourceName, includeDeletedResources, region: call.region });
  const ids = resourceIds ? new Set(resourceIds) : null;
  const { page, next } = scan(visibleLists(call, [resourceType]), decodeToken(nextToken, request), limit, (item) =>
    (includeDeletedResources || item.configurationItemStatus !== "ResourceDeleted") && (!ids || ids.has(item.resourceId)) && (!resourceName || item.resourceName === resourceName),
  );
  return {
    resourceIdentifiers: page.map((item) => ({
      resourceType: item.resourceType, resourceId: item.resourceId, ...(item.resourceName ? { resourceName: item.resourceName } : {}),
      ...(item.resourceDeletionTime ? { resourceDeletionTime: epoch(item.resourceDeletionTime) } : {}),
    })),
    ...(next ? { nextToken: encodeToken(request, next) } : {}),
  };
}

/** BaseConfigurationItem: configuration and each supplementary value as JSON strings, no tags or relationships. */
function baseItem(item: ConfigItem) {
  const supplementary: Record<string, string> = {};
  // A value that is already a string (S3 AccessControlList) comes out double-serialised, as from AWS.
  for (const [k, v] of Object.entries(item.supplementaryConfiguration)) supplementary[k] = JSON.stringify(v);
  return {
    version: "1.3", accountId: item.accountId, configurationItemCaptureTime: epoch(item.configurationItemCaptureTime),
    configurationItemStatus: item.configurationItemStatus, configurationStateId: String(item.configurationStateId), arn: item.arn,
    resourceType: item.resourceType, resourceId: item.resourceId, ...(item.resourceName ? { resourceName: item.resourceName } : {}),
    awsRegion: item.awsRegion, availabilityZone: item.availabilityZone,
    ...(item.resourceCreationTime ? { resourceCreationTime: epoch(item.resourceCreationTime) } : {}),
    configuration: JSON.stringify(item.configuration), supplementaryConfiguration: supplementary, recordingFrequency: "CONTINUOUS",
  };
}

export function batchGetResourceConfig(call: ConfigCall) {
  const keys = call.input.resourceKeys;
  if (!Array.isArray(keys) || keys.length < 1 || keys.length > 100) {
    throw new AwsError("ValidationException", `1 validation error detected: Value at 'resourceKeys' failed to satisfy constraint: Member must have length less than or equal to 100 and greater than or equal to 1`);
  }
  const recorder = recorderOf(call);
  if (!recorder) throw new AwsError("NoAvailableConfigurationRecorderException", "There are no configuration recorders available to provide the configuration or configuration history.");
  const baseConfigurationItems: unknown[] = [];
  for (const key of keys as { resourceType?: string; resourceId?: string }[]) {
    if (!key || typeof key.resourceType !== "string" || typeof key.resourceId !== "string") throw new AwsError("ValidationException", "Each resource key needs resourceType and resourceId.");
    const item = call.account.items.get(call.region, key.resourceType, key.resourceId);
    const visible = item && !isDescribeOnly(item.resourceType) && (item.awsRegion === call.region || (item.awsRegion === "global" && recorder.includeGlobalResourceTypes));
    // Deleted resources are simply not returned (API reference).
    if (item && visible && item.configurationItemStatus !== "ResourceDeleted") baseConfigurationItems.push(baseItem(item));
  }
  return { baseConfigurationItems, unprocessedResourceKeys: [] };
}

export function selectResourceConfig(call: ConfigCall) {
  const { Expression, NextToken } = call.input as { Expression?: unknown; NextToken?: string };
  if (typeof Expression !== "string" || Expression.length < 1 || Expression.length > 4096) {
    throw new AwsError("ValidationException", "1 validation error detected: Value at 'expression' failed to satisfy constraint: Member must have length less than or equal to 4096");
  }
  const limit = pageLimit(call.input.Limit, 100);
  let query;
  try {
    query = parseSelect(Expression);
  } catch (err) {
    if (err instanceof QuerySyntaxError) throw new AwsError("InvalidExpressionException", `Invalid expression: ${err.message}`);
    throw err;
  }
  const fields = query.star ? [...STAR_FIELDS, ...query.fields] : query.fields;
  const selectFields = query.count ? [...fields.map((Name) => ({ Name })), { Name: "COUNT(*)" }] : fields.map((Name) => ({ Name }));
  const lists = visibleLists(call, typesOf(query.where) ?? undefined);
  const accept = (item: ConfigItem) => item.configurationItemStatus !== "ResourceDeleted" && matches(item, query.where);
  if (query.groupBy !== null) {
    // One row per value of the property, e.g. {"COUNT(*)":12,"resourceType":"AWS::EC2::Volume"}; an array
    // property counts the item once per element, as Config does.
    const groups = new Map<string, number>();
    for (const list of lists) {
      for (const item of list) {
        if (!accept(item)) continue;
        for (const v of valuesAt(item, query.groupBy)) {
          const k = JSON.stringify(v);
          groups.set(k, (groups.get(k) ?? 0) + 1);
        }
      }
    }
    const key = query.groupBy;
    return { Results: [...groups].map(([v, n]) => JSON.stringify({ "COUNT(*)": n, [key]: JSON.parse(v) as unknown })), QueryInfo: { SelectFields: selectFields } };
  }
  if (query.count) {
    let n = 0;
    for (const list of lists) for (const item of list) if (accept(item)) n++;
    return { Results: [JSON.stringify({ "COUNT(*)": n })], QueryInfo: { SelectFields: selectFields } };
  }
  const request = `${Expression}|${call.region}`;
  const { page, next } = scan(lists, decodeToken(NextToken, request), limit, accept);
  return {
    Results: page.map((item) => JSON.stringify(project(item, fields))),
    QueryInfo: { SelectFields: selectFields },
    ...(next ? { NextToken: encodeToken(request, next) } : {}),
  };
}

export const CONFIG_OPERATIONS: Record<string, (call: ConfigCall) => unknown> = {
  DescribeConfigurationRecorders: describeConfigurationRecorders,
  DescribeConfigurationRecorderStatus: describeConfigurationRecorderStatus,
  ListDiscoveredResources: listDiscoveredResources,
  BatchGetResourceConfig: batchGetResourceConfig,
  SelectResourceConfig: selectResourceConfig,
};
