// AWS::DMS::ReplicationInstance from DMS DescribeReplicationInstances (read from DMS itself, as
// docs/architecture.md specifies). resourceId = the instance ARN, name = its identifier; configuration =
// the element as the SDK returns it (PubliclyAccessible, …).
import { DatabaseMigrationServiceClient, paginateDescribeReplicationInstances } from "@aws-sdk/client-database-migration-service";
import { CloudCallError } from "../errors";
import { clientConfig } from "./clients";
import { describedSnapshot, pagesOf, plain, type DescribeContext, type DescribeReader } from "./describe-item";

const TYPE = "AWS::DMS::ReplicationInstance";

export const dmsReplicationInstances: DescribeReader = {
  resourceType: TYPE,
  api: "dms:DescribeReplicationInstances",
  async *read(ctx: DescribeContext) {
    const dms = new DatabaseMigrationServiceClient(clientConfig(ctx.conn, ctx.region, ctx.creds));
    try {
      for await (const page of pagesOf("dms:DescribeReplicationInstances", paginateDescribeReplicationInstances({ client: dms, pageSize: 100 }, {}), ctx.signal)) {
        yield (page.ReplicationInstances ?? []).filter((r) => r.ReplicationInstanceArn).map((r) => describedSnapshot(ctx, {
          resourceType: TYPE, resourceId: r.ReplicationInstanceArn as string, resourceName: r.ReplicationInstanceIdentifier ?? null,
          arn: r.ReplicationInstanceArn as string, configuration: plain(r) as Record<string, unknown>,
        }));
      }
    } catch (error) {
      // Some DMS describe calls answer "nothing found" with a fault instead of an empty list.
      if (error instanceof CloudCallError && error.code === "ResourceNotFoundFault") return;
      throw error;
    } finally {
      dms.destroy();
    }
  },
};
