// IAM policy documents: customer managed policies and inline policies of users, roles and groups.
import { aws, fix } from "../../lib/define";
import { asArray, isObj } from "../../lib/path";
import { allowsAdminStar, grantsAction, parsePolicyCached, type Statement } from "../../lib/policy";
import { error, ev, fail, pass, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult } from "../../types";

const POLICY = "AWS::IAM::Policy";
const DOC = "configuration.policyVersionList[isDefaultVersion=true].document";

const allowsKmsDecryptEverywhere = (s: Statement): boolean =>
  s.effect === "Allow" && s.resources.some((r) => r === "*") && (grantsAction(s, "kms:Decrypt") || grantsAction(s, "kms:ReEncryptFrom"));

/** The default version entry (the object holding the document, used as the parse-cache key). */
function managedVersion(r: ResourceSnapshot): Record<string, unknown> | undefined {
  const versions = asArray(r.configuration?.policyVersionList);
  const v = versions.find((x) => isObj(x) && (x.isDefaultVersion === true || x.isDefaultVersion === "true"));
  return isObj(v) && v.document !== undefined ? v : undefined;
}

function judge(docs: Array<{ where: string; holder: object; doc: unknown }>, bad: (s: Statement) => boolean, what: string): CheckResult {
  const hits: unknown[] = [];
  for (const d of docs) {
    const pol = parsePolicyCached(d.holder, d.doc);
    if (!pol.ok) return error(`${d.where}: ${pol.reason}`);
    for (const s of pol.statements) if (bad(s)) hits.push({ policy: d.where, Sid: s.sid ?? null, Action: s.actions, Resource: s.resources });
  }
  return hits.length === 0 ? pass([ev(docs.length === 0 ? "configuration" : docs.map((d) => d.where).join(", "), `no ${what}`)]) : fail([ev("policy statements", hits, `no ${what}`)]);
}

function managed(bad: (s: Statement) => boolean, what: string) {
  return (r: ResourceSnapshot): CheckResult => {
    const v = managedVersion(r);
    if (v === undefined) return error(`${DOC} not recorded`);
    return judge([{ where: DOC, holder: v, doc: v.document }], bad, what);
  };
}

const inlineDocs = (r: ResourceSnapshot, listKey: string) =>
  asArray(r.configuration?.[listKey]).filter(isObj).map((p) => ({ where: `configuration.${listKey}[${String(p.policyName ?? "?")}]`, holder: p, doc: p.policyDocument }));

function inline(listKey: string) {
  return (r: ResourceSnapshot): CheckResult => judge(inlineDocs(r, listKey), allowsAdminStar, "Allow of Action * on Resource *");
}

/** Inline policy lists by principal type, as AWS Config names them. */
const INLINE_LISTS: Record<string, string> = { "AWS::IAM::User": "userPolicyList", "AWS::IAM::Role": "rolePolicyList", "AWS::IAM::Group": "groupPolicyList" };

const adminFix = fix("IAM > Policies / the principal's inline policies: replace Action * Resource * with the actions and resources the job needs.", "aws iam create-policy-version --policy-arn ARN --policy-document file://least-privilege.json --set-as-default", "data \"aws_iam_policy_document\" with explicit actions and resources");

const inlineCheck = (kind: "user" | "role" | "group", type: string, listKey: string) =>
  aws({
    id: `aws.iam.${kind}.inline-no-admin-star`, resourceType: type, severity: "high", citations: C.leastPrivilege,
    title: `IAM ${kind} inline policies do not grant full administrator access`,
    rationale: "Action * on Resource * grants every permission, ePHI stores and audit logs included; access must be limited to what the role needs.",
    reads: [`configuration.${listKey}[].policyDocument`],
    remediation: adminFix,
    evaluate: inline(listKey),
  });

export const iamPolicyChecks = [
  aws({
    id: "aws.iam.policy.no-admin-star", resourceType: POLICY, severity: "high", citations: C.leastPrivilege,
    title: "Customer managed IAM policy does not grant Action * on Resource *",
    rationale: "Full administrator policies break least privilege: anyone they are attached to can read all ePHI and disable logging.",
    reads: [DOC, "configuration.attachmentCount"],
    remediation: adminFix,
    evaluate: managed(allowsAdminStar, "Allow of Action * on Resource *"),
  }),
  aws({
    id: "aws.iam.policy.no-kms-decrypt-all-keys", resourceType: POLICY, severity: "medium", citations: cite(C.leastPrivilege, C.keyManagement),
    title: "Customer managed IAM policy does not allow kms:Decrypt on all keys",
    rationale: "Decrypt on Resource * reaches every key in the account, and with it every encrypted ePHI store.",
    reads: [DOC],
    remediation: fix("Scope kms:Decrypt / kms:ReEncryptFrom to the key ARNs the workload needs.", "aws iam create-policy-version --policy-arn ARN --policy-document file://scoped.json --set-as-default", "resources = [aws_kms_key.app.arn]"),
    evaluate: managed(allowsKmsDecryptEverywhere, "kms:Decrypt or kms:ReEncryptFrom on Resource *"),
  }),
  aws({
    id: "aws.iam.principal.inline-no-kms-decrypt-all-keys", resourceType: Object.keys(INLINE_LISTS), severity: "medium", citations: cite(C.leastPrivilege, C.keyManagement),
    title: "IAM user, role and group inline policies do not allow kms:Decrypt on all keys",
    rationale: "Decrypt on Resource * in an inline policy reaches every key in the account, and with it every encrypted ePHI store.",
    reads: Object.values(INLINE_LISTS).map((k) => `configuration.${k}[].policyDocument`),
    remediation: fix("IAM > user / role / group > Permissions > inline policy > Edit: scope kms:Decrypt / kms:ReEncryptFrom to the key ARNs the workload needs.", "aws iam put-role-policy --role-name ROLE --policy-name NAME --policy-document file://scoped.json", "resources = [aws_kms_key.app.arn]"),
    evaluate: (r) => judge(inlineDocs(r, INLINE_LISTS[r.resourceType] ?? ""), allowsKmsDecryptEverywhere, "kms:Decrypt or kms:ReEncryptFrom on Resource *"),
  }),
  inlineCheck("user", "AWS::IAM::User", "userPolicyList"),
  inlineCheck("role", "AWS::IAM::Role", "rolePolicyList"),
  inlineCheck("group", "AWS::IAM::Group", "groupPolicyList"),
  aws({
    id: "aws.iam.user.no-direct-policies", resourceType: "AWS::IAM::User", severity: "low", citations: C.leastPrivilege,
    title: "IAM user receives permissions only through groups",
    rationale: "Group-based access makes access establishment, review and modification tractable.",
    reads: ["configuration.attachedManagedPolicies", "configuration.userPolicyList"],
    remediation: fix("IAM > Users > user > Permissions: move policies to a group, add the user to it.", "aws iam detach-user-policy --user-name USER --policy-arn ARN && aws iam add-user-to-group --user-name USER --group-name G", "resource \"aws_iam_user_group_membership\""),
    evaluate(r) {
      const attached = asArray(r.configuration?.attachedManagedPolicies).length;
      const inl = asArray(r.configuration?.userPolicyList).length;
      return verdict(attached === 0 && inl === 0, [ev("configuration.attachedManagedPolicies", attached, 0), ev("configuration.userPolicyList", inl, 0)]);
    },
  }),
];
