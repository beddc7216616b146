// AWS::EMR::Cluster from EMR ListClusters (active states only: terminated clusters drop out and are marked
// deleted) + DescribeCluster + ListInstances (MASTER). AWS Config does not record EMR clusters. resourceId =
// the cluster id; configuration = DescribeCluster `Cluster` without NormalizedInstanceHours (it grows every
// hour, which would make every cluster look changed on every scan), plus `masterInstances` = ListInstances
// `Instances`, or null when that list could not be read (the check then says ERROR).
import { DescribeClusterCommand, EMRClient, paginateListClusters, paginateListInstances, type ClusterState } from "@aws-sdk/client-emr";
import { toCloudCallError } from "../errors";
import { clientConfig } from "./clients";
import { call, describedSnapshot, FOLLOW_UP_CONCURRENCY, pagesOf, plain, tagMap, type DescribeContext, type DescribeReader } from "./describe-item";
import { mapConcurrent } from "../concurrency";

const TYPE = "AWS::EMR::Cluster";
const ACTIVE: ClusterState[] = ["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", "TERMINATING"];

async function masterInstances(emr: EMRClient, clusterId: string, ctx: DescribeContext): Promise<unknown[] | null> {
  try {
    const out: unknown[] = [];
    for await (const page of paginateListInstances({ client: emr }, { ClusterId: clusterId, InstanceGroupTypes: ["MASTER"] })) out.push(...(page.Instances ?? []));
    return plain(out) as unknown[];
  } catch (error) {
    ctx.report(toCloudCallError("aws", "describe", "elasticmapreduce:ListInstances", error));
    return null;
  }
}

export const emrClusters: DescribeReader = {
  resourceType: TYPE,
  api: "elasticmapreduce:ListClusters",
  async *read(ctx: DescribeContext) {
    const emr = new EMRClient(clientConfig(ctx.conn, ctx.region, ctx.creds));
    try {
      for await (const page of pagesOf("elasticmapreduce:ListClusters", paginateListClusters({ client: emr }, { ClusterStates: ACTIVE }), ctx.signal)) {
        const ids = (page.Clusters ?? []).map((c) => c.Id).filter((id): id is string => typeof id === "string");
        yield await mapConcurrent(ids, FOLLOW_UP_CONCURRENCY, async (id) => {
          const described = await call("elasticmapreduce:DescribeCluster", () => emr.send(new DescribeClusterCommand({ ClusterId: id }), { abortSignal: ctx.signal }));
          const { NormalizedInstanceHours: _hours, ...cluster } = described.Cluster ?? {};
          const masters = await masterInstances(emr, id, ctx);
          return describedSnapshot(ctx, {
            resourceType: TYPE, resourceId: id, resourceName: cluster.Name ?? null,
            arn: cluster.ClusterArn ?? `arn:aws:elasticmapreduce:${ctx.region}:${ctx.accountId}:cluster/${id}`,
            configuration: { ...(plain(cluster) as Record<string, unknown>), masterInstances: masters }, tags: tagMap(cluster.Tags),
          });
        });
      }
    } finally {
      emr.destroy();
    }
  },
};
