// AWS::DAX::Cluster from DAX DescribeClusters (AWS Config does not record DAX). resourceId = the cluster
// name; configuration = the DescribeClusters element as the SDK returns it (SSEDescription.Status, …).
import { DAXClient, DescribeClustersCommand } from "@aws-sdk/client-dax";
import { clientConfig } from "./clients";
import { call, describedSnapshot, plain, type DescribeContext, type DescribeReader } from "./describe-item";

const TYPE = "AWS::DAX::Cluster";

export const daxClusters: DescribeReader = {
  resourceType: TYPE,
  api: "dax:DescribeClusters",
  async *read(ctx: DescribeContext) {
    const dax = new DAXClient(clientConfig(ctx.conn, ctx.region, ctx.creds));
    try {
      let NextToken: string | undefined;
      do {
        if (ctx.signal?.aborted) return;
        const page = await call("dax:DescribeClusters", () => dax.send(new DescribeClustersCommand({ MaxResults: 100, NextToken }), { abortSignal: ctx.signal }));
        NextToken = page.NextToken || undefined;
        yield (page.Clusters ?? []).filter((c) => c.ClusterName).map((c) => describedSnapshot(ctx, {
          resourceType: TYPE, resourceId: c.ClusterName as string, resourceName: c.ClusterName,
          arn: c.ClusterArn ?? `arn:aws:dax:${ctx.region}:${ctx.accountId}:cache/${c.ClusterName as string}`,
          configuration: plain(c) as Record<string, unknown>,
        }));
      } while (NextToken);
    } finally {
      dax.destroy();
    }
  },
};
