// EBS snapshots over the EC2 query protocol: DescribeSnapshots (Owner.N = self or the account, SnapshotId.N,
// MaxResults 5..1000 + NextToken) and DescribeSnapshotAttribute (createVolumePermission). The estate's item
// configuration is lower-camel (Config's EC2 casing); the XML element names are EC2's own.
import type { AwsAccount, ConfigItem } from "../estate/model";
import { isLive, typeLists } from "./describe-common";
import { AwsError } from "./errors";
import { decodeToken, encodeToken, scan } from "./paging";
import { xmlEscape } from "./xml";

const NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
const SNAPSHOT = "AWS::EC2::Snapshot";

const el = (tag: string, value: unknown) => (value === undefined || value === null ? "" : `<${tag}>${xmlEscape(String(value))}</${tag}>`);
const listed = (params: URLSearchParams, prefix: string) => [...params.entries()].filter(([k]) => new RegExp(`^${prefix}\\.\\d+$`).test(k)).map(([, v]) => v);

function snapshotXml(item: ConfigItem): string {
  const c = item.configuration;
  const tags = ((c.tags ?? []) as { key: string; value: string }[]).map((t) => `<item>${el("key", t.key)}${el("value", t.value)}</item>`).join("");
  return `<item>${el("snapshotId", c.snapshotId)}${el("volumeId", c.volumeId)}${el("status", c.state)}${el("startTime", c.startTime)}${el("progress", c.progress)}`
    + `${el("ownerId", c.ownerId)}${el("volumeSize", c.volumeSize)}${el("description", c.description)}${el("encrypted", c.encrypted)}${el("kmsKeyId", c.kmsKeyId)}`
    + `${el("storageTier", c.storageTier)}<tagSet>${tags}</tagSet></item>`;
}

export function describeSnapshots(account: AwsAccount, region: string, params: URLSearchParams, requestId: string): string {
  const owners = listed(params, "Owner");
  const ids = listed(params, "SnapshotId");
  const rawMax = params.get("MaxResults");
  const max = rawMax === null ? 1000 : Number(rawMax);
  if (!Number.isInteger(max) || max < 5 || max > 1000) throw new AwsError("InvalidParameterValue", `Value ( ${rawMax} ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.`);
  if (ids.length > 0 && params.get("MaxResults") !== null) throw new AwsError("InvalidParameterCombination", "The parameter snapshotIdSet cannot be used with the parameter maxResults");
  // Only the account's own snapshots exist here: another owner id finds none.
  const ownOnly = owners.length === 0 || owners.some((o) => o === "self" || o === account.accountId);
  const wanted = ids.length > 0 ? new Set(ids) : null;
  const lists = typeLists(account, region, SNAPSHOT);
  if (wanted) {
    const known = new Set(lists.flat().filter(isLive).map((i) => i.resourceId));
    const missing = ids.find((id) => !known.has(id));
    if (missing) throw new AwsError("InvalidSnapshot.NotFound", `The snapshot '${missing}' does not exist.`);
  }
  const request = JSON.stringify({ op: "DescribeSnapshots", region, owners, ids });
  const { page, next } = scan(ownOnly ? lists : [], decodeToken(params.get("NextToken") ?? undefined, request, "InvalidParameterValue"), max, (item) =>
    isLive(item) && (!wanted || wanted.has(item.resourceId)));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeSnapshotsResponse xmlns="${NS}"><requestId>${requestId}</requestId><snapshotSet>${page.map(snapshotXml).join("")}</snapshotSet>`
    + `${next ? el("nextToken", encodeToken(request, next)) : ""}</DescribeSnapshotsResponse>`;
}

export function describeSnapshotAttribute(account: AwsAccount, region: string, params: URLSearchParams, requestId: string): string {
  const id = params.get("SnapshotId") ?? "";
  const attribute = params.get("Attribute");
  if (attribute !== "createVolumePermission" && attribute !== "productCodes") throw new AwsError("InvalidParameterValue", `Value (${String(attribute)}) for parameter attribute is invalid. Unknown attribute.`);
  const item = account.items.get(region, SNAPSHOT, id);
  if (!item || item.awsRegion !== region || !isLive(item)) throw new AwsError("InvalidSnapshot.NotFound", `The snapshot '${id}' does not exist.`);
  const perms = (item.configuration.createVolumePermissions ?? []) as { group?: string; userId?: string }[];
  const body = attribute === "productCodes" ? "<productCodes/>"
    : `<createVolumePermission>${perms.map((p) => `<item>${el("group", p.group)}${el("userId", p.userId)}</item>`).join("")}</createVolumePermission>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeSnapshotAttributeResponse xmlns="${NS}"><requestId>${requestId}</requestId>${el("snapshotId", id)}${body}</DescribeSnapshotAttributeResponse>`;
}
