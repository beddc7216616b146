import { describe, expect, it } from "vitest";
import { matches, project } from "../src/aws/select/evaluate";
import { parseSelect, QuerySyntaxError, typesOf } from "../src/aws/select/parse";
import type { ConfigItem } from "../src/estate/model";

const item: ConfigItem = {
  resourceType: "AWS::EC2::SecurityGroup", resourceId: "sg-1", resourceName: "web", arn: "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1",
  accountId: "111122223333", awsRegion: "us-east-1", availabilityZone: "Not Applicable", resourceCreationTime: null,
  configurationItemCaptureTime: "2026-10-01T10:00:00.000Z", configurationItemStatus: "OK", resourceDeletionTime: null, configurationStateId: 1,
  configuration: { groupName: "web", ipPermissions: [{ fromPort: 443, toPort: 443, ipv4Ranges: [{ cidrIp: "0.0.0.0/0" }] }, { fromPort: 22, toPort: 22, ipv4Ranges: [{ cidrIp: "10.0.0.0/8" }] }] },
  supplementaryConfiguration: { Acl: JSON.stringify({ grantList: [{ grantee: "AllUsers" }] }) },
  tags: { Environment: "dev", PHI: "true" }, relationships: [],
};
const where = (sql: string) => parseSelect(`SELECT resourceId WHERE ${sql}`).where;

describe("advanced-query subset", () => {
  it("parses field lists, COUNT(*) and the resource types a query pins", () => {
    const q = parseSelect("SELECT resourceId, configuration.groupName WHERE resourceType IN ('AWS::A', 'AWS::B') AND configurationItemCaptureTime > '2026-01-01T00:00:00Z'");
    expect(q.fields).toEqual(["resourceId", "configuration.groupName"]);
    expect(typesOf(q.where)).toEqual(["AWS::A", "AWS::B"]);
    expect(parseSelect("select count(*) where resourceType = 'AWS::A'").count).toBe(true);
    expect(typesOf(where("resourceType = 'AWS::A' OR resourceType = 'AWS::B'"))).toEqual(["AWS::A", "AWS::B"]);
    expect(typesOf(where("resourceType = 'AWS::A' OR resourceId = 'x'"))).toBeNull();
    const grouped = parseSelect("SELECT resourceType, COUNT(*) WHERE resourceType IN ('AWS::A', 'AWS::B') GROUP BY resourceType");
    expect(grouped).toMatchObject({ fields: ["resourceType"], count: true, groupBy: "resourceType" });
  });

  it.each(["SELECT", "SELECT resourceId FROM t", "SELECT resourceId WHERE", "SELECT nope", "SELECT resourceId WHERE resourceId = 'x", "SELECT resourceId GROUP BY resourceType", "SELECT resourceId, COUNT(*)",
    "SELECT resourceId, COUNT(*) GROUP BY resourceType", "SELECT COUNT(*) GROUP BY resourceType", "SELECT resourceType, COUNT(*) GROUP resourceType"])(
    "rejects %s", (sql) => { expect(() => parseSelect(sql)).toThrow(QuerySyntaxError); },
  );

  it("evaluates conditions over arrays element by element, dates as instants, LIKE prefixes", () => {
    expect(matches(item, where("configuration.ipPermissions.fromPort = 22"))).toBe(true);
    expect(matches(item, where("configuration.ipPermissions.fromPort BETWEEN 20 AND 25"))).toBe(true);
    expect(matches(item, where("configuration.ipPermissions.ipv4Ranges.cidrIp = '0.0.0.0/0' AND configuration.groupName LIKE 'we%'"))).toBe(true);
    expect(matches(item, where("configurationItemCaptureTime > '2026-10-01T09:59:59Z'"))).toBe(true);
    expect(matches(item, where("configurationItemCaptureTime > '2026-10-01T10:00:00Z'"))).toBe(false);
    expect(matches(item, where("tags.tag = 'PHI=true' AND NOT resourceName = 'db'"))).toBe(true);
    expect(matches(item, where("resourceType NOT IN ('AWS::EC2::SecurityGroup')"))).toBe(false);
  });

  it("projects only the selected leaves, keeping arrays and tags as key/value pairs", () => {
    expect(project(item, ["resourceId", "configuration.ipPermissions.fromPort", "configuration.ipPermissions.toPort", "tags"])).toEqual({
      resourceId: "sg-1",
      configuration: { ipPermissions: [{ fromPort: 443, toPort: 443 }, { fromPort: 22, toPort: 22 }] },
      tags: [{ key: "Environment", value: "dev" }, { key: "PHI", value: "true" }],
    });
  });
});
