// Amazon EMR (JSON 1.1, target ElasticMapReduce): ListClusters (50 a page, Marker), DescribeCluster and
// ListInstances over the estate's AWS::EMR::Cluster items. The item's configuration is what the collector
// builds; DescribeCluster adds back the wire-only NormalizedInstanceHours, ListInstances serves masterInstances.
import type { AwsAccount, ConfigItem } from "../estate/model";
import { AwsError } from "./errors";
import { isLive, typeLists, withEpochSeconds } from "./describe-common";
import { decodeToken, encodeToken, scan } from "./paging";

const CLUSTER = "AWS::EMR::Cluster";
const PAGE = 50;
const TIMESTAMPS = new Set(["CreationDateTime", "ReadyDateTime", "EndDateTime"]);
const STATES = new Set(["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", "TERMINATING", "TERMINATED", "TERMINATED_WITH_ERRORS"]);

const stateOf = (item: ConfigItem) => String((item.configuration.Status as { State?: string } | undefined)?.State ?? "");
/** Grows every hour the cluster runs (why the collector leaves it out of the configuration). */
function hoursOf(item: ConfigItem): number {
  const since = Date.parse(item.resourceCreationTime ?? "");
  return Number.isNaN(since) ? 0 : Math.max(0, Math.floor((Date.now() - since) / 3_600_000)) * 4;
}

function clusterOf(account: AwsAccount, region: string, input: Record<string, unknown>): ConfigItem {
  const id = input.ClusterId;
  if (typeof id !== "string" || !id) throw new AwsError("ValidationException", "1 validation error detected: Value null at 'clusterId' failed to satisfy constraint: Member must not be null");
  const item = account.items.get(region, CLUSTER, id);
  if (!item || item.awsRegion !== region || !isLive(item)) throw new AwsError("InvalidRequestException", `Cluster id '${id}' is not valid.`);
  return item;
}

function listClusters(account: AwsAccount, region: string, input: Record<string, unknown>) {
  const states = Array.isArray(input.ClusterStates) ? (input.ClusterStates as string[]) : null;
  const bad = states?.find((s) => !STATES.has(s));
  if (bad) throw new AwsError("ValidationException", `1 validation error detected: Value '${bad}' at 'clusterStates' failed to satisfy constraint: Member must satisfy enum value set`);
  const request = JSON.stringify({ op: "ListClusters", region, states });
  const { page, next } = scan(typeLists(account, region, CLUSTER), decodeToken(input.Marker as string | undefined, request, "InvalidRequestException"), PAGE, (item) =>
    isLive(item) && (!states || states.includes(stateOf(item))));
  return {
    Clusters: page.map((item) => {
      const c = item.configuration;
      return withEpochSeconds({ Id: c.Id, Name: c.Name, Status: c.Status, NormalizedInstanceHours: hoursOf(item), ClusterArn: c.ClusterArn }, TIMESTAMPS);
    }),
    ...(next ? { Marker: encodeToken(request, next) } : {}),
  };
}

function describeCluster(account: AwsAccount, region: string, input: Record<string, unknown>) {
  const item = clusterOf(account, region, input);
  const { masterInstances: _masters, ...cluster } = item.configuration;
  return { Cluster: withEpochSeconds({ ...cluster, NormalizedInstanceHours: hoursOf(item) }, TIMESTAMPS) };
}

function listInstances(account: AwsAccount, region: string, input: Record<string, unknown>) {
  const item = clusterOf(account, region, input);
  const groups = Array.isArray(input.InstanceGroupTypes) ? (input.InstanceGroupTypes as string[]) : null;
  // The estate models the master node only; core and task nodes are not generated.
  const instances = !groups || groups.includes("MASTER") ? ((item.configuration.masterInstances as unknown[] | undefined) ?? []) : [];
  const request = JSON.stringify({ op: "ListInstances", region, cluster: item.resourceId, groups });
  const { page, next } = scan([instances], decodeToken(input.Marker as string | undefined, request, "InvalidRequestException"), PAGE, () => true);
  return { Instances: page.map((i) => withEpochSeconds(i, TIMESTAMPS)), ...(next ? { Marker: encodeToken(request, next) } : {}) };
}

export function emrAction(account: AwsAccount, region: string, op: string, input: Record<string, unknown>): unknown {
  if (op === "ListClusters") return listClusters(account, region, input);
  if (op === "DescribeCluster") return describeCluster(account, region, input);
  if (op === "ListInstances") return listInstances(account, region, input);
  throw new AwsError("UnknownOperationException", `Unknown operation ${op}`);
}
