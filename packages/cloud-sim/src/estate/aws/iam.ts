// IAM users, roles, groups and customer-managed policies (recorded with region `global`).
// Policy documents are URL-encoded JSON, as AWS Config records them.
import type { AwsContext, AwsTypeSpec, Draft } from "./context";
import { encodePolicy, isoDaysAgo, systemName, uniqueName } from "./context";

const FIRST = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yusuf", "zara", "priya", "chen", "amara", "lucas"];
const LAST = ["nguyen", "smith", "garcia", "okafor", "kim", "patel", "martin", "rossi", "cohen", "silva", "mueller", "tanaka"];

const readOnly = (service: string) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: [`${service}:Get*`, `${service}:List*`, `${service}:Describe*`], Resource: "*" }] });
const adminStar = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const kmsDecryptStar = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["kms:Decrypt", "kms:ReEncrypt*"], Resource: "*" }] };
const scopedKms = (ctx: AwsContext) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["kms:Decrypt"], Resource: `arn:aws:kms:${ctx.homeRegion}:${ctx.accountId}:key/*`, Condition: { StringEquals: { "kms:ViaService": `s3.${ctx.homeRegion}.amazonaws.com` } } }] });

function inlinePolicies(ctx: AwsContext, flaws: ReadonlySet<string>, withBenign: boolean) {
  const list: { policyName: string; policyDocument: string }[] = [];
  if (withBenign) list.push({ policyName: "read-logs", policyDocument: encodePolicy(readOnly("logs")) });
  if (flaws.has("inline-admin")) list.push({ policyName: "break-glass", policyDocument: encodePolicy(adminStar) });
  if (flaws.has("kms-decrypt-star")) list.push({ policyName: "decrypt-anything", policyDocument: encodePolicy(kmsDecryptStar) });
  else if (ctx.rng.chance(0.2)) list.push({ policyName: "s3-kms-decrypt", policyDocument: encodePolicy(scopedKms(ctx)) });
  return list;
}

const iamArn = (ctx: AwsContext, kind: string, name: string, path = "/") => `arn:aws:iam::${ctx.accountId}:${kind}${path}${name}`;
const iamId = (ctx: AwsContext, prefix: string) => `${prefix}${ctx.rng.hex(17).toUpperCase().replace(/[^A-Z0-9]/g, "")}`;

export const iamUserSpec: AwsTypeSpec = {
  type: "AWS::IAM::User",
  flaws: ["inline-admin", "direct-policies", "kms-decrypt-star"],
  weight: 4,
  global: true,
  build(ctx, flaws) {
    const userName = uniqueName(ctx, "user", () => `${ctx.rng.pick(FIRST)}.${ctx.rng.pick(LAST)}`);
    ctx.iamUserNames.push(userName);
    const created = isoDaysAgo(ctx, 30, 1500);
    // Inline policies on users are themselves a "direct policy"; only users flagged for it carry them.
    const direct = flaws.has("direct-policies") || flaws.has("inline-admin") || flaws.has("kms-decrypt-star");
    const userId = iamId(ctx, "AIDA");
    return {
      resourceId: userId, resourceName: userName, arn: iamArn(ctx, "user", userName), region: "global", availabilityZone: "Not Applicable", createdAt: created,
      configuration: {
        path: "/", userName, userId, arn: iamArn(ctx, "user", userName), createDate: created,
        userPolicyList: direct ? inlinePolicies(ctx, flaws, false).filter((p) => p.policyName !== "s3-kms-decrypt" || flaws.has("direct-policies")) : [],
        groupList: [ctx.rng.pick(["engineers", "analysts", "oncall", "auditors"])],
        attachedManagedPolicies: flaws.has("direct-policies") ? [{ policyName: "ReadOnlyAccess", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }] : [],
        permissionsBoundary: null, tags: [],
      },
    };
  },
};

export function roleDraft(ctx: AwsContext, roleName: string, trust: unknown, flaws: ReadonlySet<string>, managed: string[]): Draft {
  const created = isoDaysAgo(ctx, 30, 1500);
  const arn = iamArn(ctx, "role", roleName);
  const roleId = iamId(ctx, "AROA");
  return {
    resourceId: roleId, resourceName: roleName, arn, region: "global", availabilityZone: "Not Applicable", createdAt: created,
    configuration: {
      path: "/", roleName, roleId, arn, createDate: created, assumeRolePolicyDocument: encodePolicy(trust), instanceProfileList: [],
      rolePolicyList: inlinePolicies(ctx, flaws, true), attachedManagedPolicies: managed.map((policyArn) => ({ policyArn, policyName: policyArn.split("/").pop() })),
      permissionsBoundary: null, tags: [], roleLastUsed: { lastUsedDate: isoDaysAgo(ctx, 0, 20), region: ctx.homeRegion },
    },
  };
}

export const iamRoleSpec: AwsTypeSpec = {
  type: "AWS::IAM::Role",
  flaws: ["inline-admin", "kms-decrypt-star"],
  weight: 4,
  global: true,
  build(ctx, flaws) {
    const roleName = uniqueName(ctx, "role", () => `${systemName(ctx)}-${ctx.rng.pick(["task", "lambda", "ec2", "ci"])}-role`);
    const service = roleName.includes("lambda") ? "lambda.amazonaws.com" : roleName.includes("task") ? "ecs-tasks.amazonaws.com" : "ec2.amazonaws.com";
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] };
    return roleDraft(ctx, roleName, trust, flaws, ["arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"]);
  },
};

export const iamGroupSpec: AwsTypeSpec = {
  type: "AWS::IAM::Group",
  flaws: ["inline-admin"],
  weight: 1,
  global: true,
  build(ctx, flaws) {
    const groupName = uniqueName(ctx, "group", () => `${systemName(ctx)}-team`);
    const created = isoDaysAgo(ctx, 100, 1500);
    const arn = iamArn(ctx, "group", groupName);
    const groupId = iamId(ctx, "AGPA");
    return {
      resourceId: groupId, resourceName: groupName, arn, region: "global", availabilityZone: "Not Applicable", createdAt: created,
      configuration: {
        path: "/", groupName, groupId, arn, createDate: created, groupPolicyList: inlinePolicies(ctx, flaws, true),
        attachedManagedPolicies: [{ policyName: "ReadOnlyAccess", policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
      },
    };
  },
};

export const iamPolicySpec: AwsTypeSpec = {
  type: "AWS::IAM::Policy",
  flaws: ["admin-star", "kms-decrypt-star"],
  weight: 2,
  global: true,
  build(ctx, flaws) {
    const policyName = uniqueName(ctx, "policy", () => `${systemName(ctx)}-access`);
    const created = isoDaysAgo(ctx, 60, 1500);
    const statements: unknown[] = [...readOnly(ctx.rng.pick(["s3", "dynamodb", "rds", "sqs"])).Statement];
    if (flaws.has("admin-star")) statements.push(...adminStar.Statement);
    if (flaws.has("kms-decrypt-star")) statements.push(...kmsDecryptStar.Statement);
    const arn = iamArn(ctx, "policy", policyName);
    const policyId = iamId(ctx, "ANPA");
    return {
      resourceId: policyId, resourceName: policyName, arn, region: "global", availabilityZone: "Not Applicable", createdAt: created,
      configuration: {
        policyName, policyId, arn, path: "/", defaultVersionId: "v2", attachmentCount: ctx.rng.int(0, 6), permissionsBoundaryUsageCount: 0,
        isAttachable: true, description: `Access for ${policyName}`, createDate: created, updateDate: isoDaysAgo(ctx, 1, 59),
        policyVersionList: [
          { document: encodePolicy({ Version: "2012-10-17", Statement: statements }), versionId: "v2", isDefaultVersion: true, createDate: isoDaysAgo(ctx, 1, 59) },
          { document: encodePolicy(readOnly("s3")), versionId: "v1", isDefaultVersion: false, createDate: created },
        ],
      },
    };
  },
};
