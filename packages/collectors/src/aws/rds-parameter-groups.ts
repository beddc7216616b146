// AWS::RDS::DBParameterGroup from RDS DescribeDBParameterGroups + DescribeDBParameters (AWS Config does not
// record parameter groups). resourceId = the group name; configuration in Config's lower-camel casing with
// `parameters` = the parameters that carry a value ({ parameterName, parameterValue, source }): a group lists
// hundreds, mostly unset, and their descriptions would only bloat the snapshot.
import { paginateDescribeDBParameterGroups, paginateDescribeDBParameters, RDSClient, type DBParameterGroup } from "@aws-sdk/client-rds";
import { clientConfig } from "./clients";
import { describedSnapshot, FOLLOW_UP_CONCURRENCY, lowerCamel, pagesOf, plain, type DescribeContext, type DescribeReader } from "./describe-item";
import { mapConcurrent } from "../concurrency";

const TYPE = "AWS::RDS::DBParameterGroup";

async function parametersOf(rds: RDSClient, name: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const page of pagesOf("rds:DescribeDBParameters", paginateDescribeDBParameters({ client: rds, pageSize: 100 }, { DBParameterGroupName: name }))) {
    for (const p of page.Parameters ?? []) {
      if (p.ParameterValue === undefined) continue;
      out.push({ parameterName: p.ParameterName, parameterValue: p.ParameterValue, ...(p.Source ? { source: p.Source } : {}) });
    }
  }
  return out;
}

export const rdsParameterGroups: DescribeReader = {
  resourceType: TYPE,
  api: "rds:DescribeDBParameterGroups",
  async *read(ctx: DescribeContext) {
    const rds = new RDSClient(clientConfig(ctx.conn, ctx.region, ctx.creds));
    try {
      for await (const page of pagesOf("rds:DescribeDBParameterGroups", paginateDescribeDBParameterGroups({ client: rds, pageSize: 100 }, {}), ctx.signal)) {
        const groups = (page.DBParameterGroups ?? []).filter((g): g is DBParameterGroup & { DBParameterGroupName: string } => typeof g.DBParameterGroupName === "string");
        // A group whose parameters cannot be read is not emitted at all: without them its force-TLS check
        // would read "not set" and fail. The error fails the type for the region (nothing marked deleted).
        yield await mapConcurrent(groups, FOLLOW_UP_CONCURRENCY, async (g) => {
          const parameters = await parametersOf(rds, g.DBParameterGroupName);
          return describedSnapshot(ctx, {
            resourceType: TYPE, resourceId: g.DBParameterGroupName, resourceName: g.DBParameterGroupName,
            arn: g.DBParameterGroupArn ?? `arn:aws:rds:${ctx.region}:${ctx.accountId}:pg:${g.DBParameterGroupName}`,
            configuration: { ...(lowerCamel(plain(g)) as Record<string, unknown>), parameters },
          });
        });
      }
    } finally {
      rds.destroy();
    }
  },
};
