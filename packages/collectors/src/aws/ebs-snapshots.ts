// AWS::EC2::Snapshot from EC2 DescribeSnapshots (the account's own: OwnerIds self) plus each snapshot's
// DescribeSnapshotAttribute createVolumePermission (AWS Config does not record snapshots). Configuration =
// the DescribeSnapshots element in Config's lower-camel EC2 casing (snapshotId, encrypted, tags, …) plus
// `createVolumePermissions` ([{ group: "all" }] = public), null when that one attribute could not be read.
import { DescribeSnapshotAttributeCommand, EC2Client, paginateDescribeSnapshots } from "@aws-sdk/client-ec2";
import { toCloudCallError } from "../errors";
import { clientConfig } from "./clients";
import { call, describedSnapshot, FOLLOW_UP_CONCURRENCY, lowerCamel, pagesOf, plain, tagMap, type DescribeContext, type DescribeReader } from "./describe-item";
import { mapConcurrent } from "../concurrency";

const TYPE = "AWS::EC2::Snapshot";

export const ebsSnapshots: DescribeReader = {
  resourceType: TYPE,
  api: "ec2:DescribeSnapshots",
  async *read(ctx: DescribeContext) {
    const ec2 = new EC2Client(clientConfig(ctx.conn, ctx.region, ctx.creds));
    try {
      for await (const page of pagesOf("ec2:DescribeSnapshots", paginateDescribeSnapshots({ client: ec2, pageSize: 1000 }, { OwnerIds: ["self"] }), ctx.signal)) {
        const snapshots = (page.Snapshots ?? []).filter((s) => typeof s.SnapshotId === "string");
        yield await mapConcurrent(snapshots, FOLLOW_UP_CONCURRENCY, async (s) => {
          const id = s.SnapshotId as string;
          let permissions: unknown = null;
          try {
            const out = await call("ec2:DescribeSnapshotAttribute", () => ec2.send(new DescribeSnapshotAttributeCommand({ SnapshotId: id, Attribute: "createVolumePermission" }), { abortSignal: ctx.signal }));
            permissions = lowerCamel(plain(out.CreateVolumePermissions ?? []));
          } catch (error) {
            // One unreadable attribute leaves that snapshot's not-public check in ERROR, not the whole type unread.
            ctx.report(toCloudCallError("aws", "describe", "ec2:DescribeSnapshotAttribute", error));
          }
          const configuration = { ...(lowerCamel(plain(s)) as Record<string, unknown>), createVolumePermissions: permissions };
          const tags = tagMap(s.Tags);
          return describedSnapshot(ctx, {
            resourceType: TYPE, resourceId: id, resourceName: tags.Name ?? null,
            arn: `arn:aws:ec2:${ctx.region}:${s.OwnerId ?? ctx.accountId}:snapshot/${id}`, configuration, tags,
          });
        });
      }
    } finally {
      ec2.destroy();
    }
  },
};
