// AWS::Logs::LogGroup from CloudWatch Logs DescribeLogGroups (AWS Config does not record log groups).
// resourceId = the group name; configuration = the DescribeLogGroups element without `storedBytes`, which
// grows by the minute and would make every log group look changed (and re-evaluated) on every scan.
import { CloudWatchLogsClient, paginateDescribeLogGroups } from "@aws-sdk/client-cloudwatch-logs";
import { clientConfig } from "./clients";
import { describedSnapshot, pagesOf, plain, type DescribeContext, type DescribeReader } from "./describe-item";

const TYPE = "AWS::Logs::LogGroup";

export const logGroups: DescribeReader = {
  resourceType: TYPE,
  api: "logs:DescribeLogGroups",
  async *read(ctx: DescribeContext) {
    const logs = new CloudWatchLogsClient(clientConfig(ctx.conn, ctx.region, ctx.creds));
    try {
      for await (const page of pagesOf("logs:DescribeLogGroups", paginateDescribeLogGroups({ client: logs, pageSize: 50 }, {}), ctx.signal)) {
        const out = [];
        for (const g of page.logGroups ?? []) {
          if (!g.logGroupName) continue;
          const { storedBytes: _bytes, ...rest } = g;
          out.push(describedSnapshot(ctx, {
            resourceType: TYPE, resourceId: g.logGroupName, resourceName: g.logGroupName,
            // logGroupArn is the ARN without the trailing ":*" that `arn` carries (older responses lack it).
            arn: g.logGroupArn ?? (g.arn ?? `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${g.logGroupName}`).replace(/:\*$/, ""),
            configuration: plain(rest) as Record<string, unknown>,
          }));
        }
        yield out;
      }
    } finally {
      logs.destroy();
    }
  },
};
