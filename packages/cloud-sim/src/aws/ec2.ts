// EC2 (EC2 query protocol): DescribeRegions, GetEbsEncryptionByDefault, and the account's EBS snapshots
// (DescribeSnapshots, DescribeSnapshotAttribute; see ec2-snapshots.ts).
import type { AwsAccount } from "../estate/model";
import { describeSnapshotAttribute, describeSnapshots } from "./ec2-snapshots";
import { AwsError } from "./errors";

const NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

export function ec2Action(account: AwsAccount, region: string, action: string, params: URLSearchParams, requestId: string): string {
  switch (action) {
    case "DescribeRegions": {
      const wanted = [...params.entries()].filter(([k]) => /^RegionName\.\d+$/.test(k)).map(([, v]) => v);
      const unknown = wanted.find((w) => !account.regions.includes(w));
      if (unknown) throw new AwsError("InvalidParameterValue", `Invalid region: ${unknown}`);
      const regions = wanted.length > 0 ? wanted : account.regions;
      const items = regions.map((r) => `<item><regionName>${r}</regionName><regionEndpoint>ec2.${r}.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>`).join("");
      return `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeRegionsResponse xmlns="${NS}"><requestId>${requestId}</requestId><regionInfo>${items}</regionInfo></DescribeRegionsResponse>`;
    }
    case "GetEbsEncryptionByDefault": {
      const on = account.facts.regions[region]?.ebsEncryptionByDefault ?? false;
      return `<?xml version="1.0" encoding="UTF-8"?>\n<GetEbsEncryptionByDefaultResponse xmlns="${NS}"><requestId>${requestId}</requestId><ebsEncryptionByDefault>${on}</ebsEncryptionByDefault><sseType>sse-ebs</sseType></GetEbsEncryptionByDefaultResponse>`;
    }
    case "DescribeSnapshots":
      return describeSnapshots(account, region, params, requestId);
    case "DescribeSnapshotAttribute":
      return describeSnapshotAttribute(account, region, params, requestId);
    default:
      throw new AwsError("InvalidAction", `The action ${action} is not valid for this web service.`, 400);
  }
}
