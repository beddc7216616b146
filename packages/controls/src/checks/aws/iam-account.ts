// IAM account-level facts: password policy, root account, credential report (Safeguard::AWS::Account).
import { aws, fix } from "../../lib/define";
import { isObj, num } from "../../lib/path";
import { error, ev, fail, pass, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult, Evidence } from "../../types";
import { asOf, collectionError, credentialRows, daysSince, ROOT_USER } from "./account-facts";
import { ACCOUNT } from "./region-facts";

const PP = "configuration.passwordPolicy";
const MAX_KEY_AGE = 90;
const MAX_UNUSED = 90;

function withPolicy(decide: (pp: Record<string, unknown>) => CheckResult) {
  return (r: ResourceSnapshot): CheckResult => {
    const err = collectionError(r, "GetAccountPasswordPolicy");
    if (err) return error(err);
    const pp = r.configuration?.passwordPolicy;
    if (pp === undefined) return error(`${PP} not recorded`);
    if (pp === null) return fail([ev(PP, null, "a password policy")], "the account has no password policy (NoSuchEntity)");
    if (!isObj(pp)) return error(`${PP} is not an object`);
    return decide(pp);
  };
}

function withReport(decide: (rows: Record<string, unknown>[], now: number) => CheckResult) {
  return (r: ResourceSnapshot): CheckResult => {
    const err = collectionError(r, "GetCredentialReport");
    if (err) return error(err);
    const rows = credentialRows(r);
    if (!rows) return error("configuration.credentialReport not recorded");
    return decide(rows, asOf(r));
  };
}

const ppFix = (flag: string, tf: string) => fix("IAM > Account settings > Password policy > Edit.", `aws iam update-account-password-policy ${flag}`, `resource "aws_iam_account_password_policy" { ${tf} }`);
const users = (rows: Record<string, unknown>[]) => rows.filter((x) => x.user !== ROOT_USER);

// The credential report's two access-key column groups, as constant property names (no key strings built per row).
const ACCESS_KEYS = [1, 2].map((n) => ({
  n, name: `access_key_${n}`, active: `access_key_${n}_active`, lastRotated: `access_key_${n}_last_rotated`, lastUsed: `access_key_${n}_last_used_date`,
}));

function summaryOrReport(r: ResourceSnapshot, summaryKey: string, rootField: (root: Record<string, unknown>) => boolean | undefined): { value: boolean; evidence: Evidence } | string {
  const sm = r.configuration?.accountSummary;
  if (isObj(sm) && sm[summaryKey] !== undefined) return { value: num(sm[summaryKey]) !== 0, evidence: ev(`configuration.accountSummary.${summaryKey}`, sm[summaryKey]) };
  const root = credentialRows(r)?.find((x) => x.user === ROOT_USER);
  const v = root ? rootField(root) : undefined;
  if (v === undefined) return collectionError(r, "GetAccountSummary") ?? "neither accountSummary nor the root row of the credential report was recorded";
  return { value: v, evidence: ev(`configuration.credentialReport[${ROOT_USER}]`, v) };
}

export const iamAccountChecks = [
  aws({
    id: "aws.iam.account.password-min-length", resourceType: ACCOUNT, severity: "medium", citations: C.password,
    title: "IAM password policy requires at least 14 characters",
    rationale: "Long passwords resist guessing; the HIPAA conformance pack sets MinimumPasswordLength 14.",
    reads: [`${PP}.MinimumPasswordLength`],
    remediation: ppFix("--minimum-password-length 14", "minimum_password_length = 14"),
    evaluate: withPolicy((pp) => verdict((num(pp.MinimumPasswordLength) ?? 0) >= 14, [ev(`${PP}.MinimumPasswordLength`, pp.MinimumPasswordLength ?? null, ">= 14")])),
  }),
  aws({
    id: "aws.iam.account.password-max-age", resourceType: ACCOUNT, severity: "medium", citations: C.password,
    title: "IAM passwords expire within 90 days",
    rationale: "Expiry bounds how long a leaked password stays useful (conformance pack MaxPasswordAge 90).",
    reads: [`${PP}.ExpirePasswords`, `${PP}.MaxPasswordAge`],
    remediation: ppFix("--max-password-age 90", "max_password_age = 90"),
    evaluate: withPolicy((pp) => {
      const age = num(pp.MaxPasswordAge);
      return verdict(age !== undefined && age > 0 && age <= 90, [ev(`${PP}.MaxPasswordAge`, pp.MaxPasswordAge ?? null, "1..90")]);
    }),
  }),
  aws({
    id: "aws.iam.account.password-reuse-prevention", resourceType: ACCOUNT, severity: "medium", citations: C.password,
    title: "IAM password policy prevents reuse of the last 24 passwords",
    rationale: "Reuse prevention stops users cycling back to a compromised password.",
    reads: [`${PP}.PasswordReusePrevention`],
    remediation: ppFix("--password-reuse-prevention 24", "password_reuse_prevention = 24"),
    evaluate: withPolicy((pp) => verdict((num(pp.PasswordReusePrevention) ?? 0) >= 24, [ev(`${PP}.PasswordReusePrevention`, pp.PasswordReusePrevention ?? null, ">= 24")])),
  }),
  aws({
    id: "aws.iam.account.password-complexity", resourceType: ACCOUNT, severity: "low", citations: C.password,
    title: "IAM password policy requires upper, lower, digit and symbol",
    rationale: "Character-class rules widen the search space of passwords protecting console access to ePHI.",
    reads: [`${PP}.RequireUppercaseCharacters|RequireLowercaseCharacters|RequireNumbers|RequireSymbols`],
    remediation: ppFix("--require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols", "require_symbols = true  require_numbers = true  require_uppercase_characters = true  require_lowercase_characters = true"),
    evaluate: withPolicy((pp) => {
      const keys = ["RequireUppercaseCharacters", "RequireLowercaseCharacters", "RequireNumbers", "RequireSymbols"];
      return verdict(keys.every((k) => pp[k] === true), keys.map((k) => ev(`${PP}.${k}`, pp[k] ?? null, true)));
    }),
  }),
  aws({
    id: "aws.iam.account.root-mfa", resourceType: ACCOUNT, severity: "critical", citations: C.mfa,
    title: "Root user has MFA",
    rationale: "The root user can do anything, including reading all ePHI and deleting backups; a password alone is not enough.",
    reads: ["configuration.accountSummary.AccountMFAEnabled", `configuration.credentialReport[${ROOT_USER}].mfa_active`],
    remediation: fix("Sign in as root > Security credentials > Assign MFA device (hardware key preferred).", "aws iam enable-mfa-device (root: console only)", "n/a (root MFA is set in the console)"),
    evaluate(r) {
      const v = summaryOrReport(r, "AccountMFAEnabled", (root) => (root.mfa_active === "true" ? true : root.mfa_active === "false" ? false : undefined));
      if (typeof v === "string") return error(v);
      return verdict(v.value, [{ ...v.evidence, expected: 1 }]);
    },
  }),
  aws({
    id: "aws.iam.account.root-no-access-keys", resourceType: ACCOUNT, severity: "critical", citations: cite(C.leastPrivilege, C.mfa),
    title: "Root user has no access keys",
    rationale: "Root access keys are unrestricted, long-lived credentials that cannot be limited by any policy.",
    reads: ["configuration.accountSummary.AccountAccessKeysPresent", `configuration.credentialReport[${ROOT_USER}].access_key_1_active|access_key_2_active`],
    remediation: fix("Sign in as root > Security credentials > Access keys > Delete.", "aws iam delete-access-key --access-key-id KEY (as root)", "n/a"),
    evaluate(r) {
      const v = summaryOrReport(r, "AccountAccessKeysPresent", (root) => root.access_key_1_active === "true" || root.access_key_2_active === "true");
      if (typeof v === "string") return error(v);
      return verdict(!v.value, [{ ...v.evidence, expected: 0 }]);
    },
  }),
  aws({
    id: "aws.iam.account.console-users-mfa", resourceType: ACCOUNT, severity: "high", citations: C.mfa,
    title: "Every IAM user with a console password has MFA",
    rationale: "Person or entity authentication: a console password without MFA is one phishing email from ePHI.",
    reads: ["configuration.credentialReport[].user|password_enabled|mfa_active"],
    remediation: fix("IAM > Users > user > Security credentials > Assign MFA device; enforce with an MFA-required policy.", "aws iam enable-mfa-device --user-name USER --serial-number ARN --authentication-code1 C1 --authentication-code2 C2", "use IAM Identity Center with MFA instead of IAM users"),
    evaluate: withReport((rows) => {
      const bad = users(rows).filter((u) => u.password_enabled === "true" && u.mfa_active !== "true").map((u) => u.user);
      return bad.length === 0 ? pass([ev("configuration.credentialReport[].mfa_active", "all console users have MFA")]) : fail([ev("configuration.credentialReport[password_enabled=true].mfa_active", bad, "true for every console user")]);
    }),
  }),
  aws({
    // iam-user-mfa-enabled in the AWS Config HIPAA pack: unlike console-users-mfa, API-only users count too.
    id: "aws.iam.account.all-users-mfa", resourceType: ACCOUNT, severity: "medium", citations: ["164.308(a)(3)(ii)(A)", "164.312(d)"],
    title: "Every IAM user has MFA, including API-only users",
    rationale: "Person or entity authentication: an IAM user without MFA, even one without a console password today, can be given one or use MFA-gated APIs without a second factor.",
    reads: ["configuration.credentialReport[].user|mfa_active"],
    remediation: fix("IAM > Users > user > Security credentials > Assign MFA device (for every user, including those without a console password).", "aws iam enable-mfa-device --user-name USER --serial-number ARN --authentication-code1 C1 --authentication-code2 C2", "use IAM Identity Center or roles with MFA instead of IAM users"),
    evaluate: withReport((rows) => {
      const bad = users(rows).filter((u) => u.mfa_active !== "true").map((u) => u.user);
      return bad.length === 0 ? pass([ev("configuration.credentialReport[].mfa_active", "all IAM users have MFA")]) : fail([ev("configuration.credentialReport[].mfa_active", bad, "true for every IAM user")]);
    }),
  }),
  aws({
    id: "aws.iam.account.access-keys-rotated", resourceType: ACCOUNT, severity: "medium", citations: C.credentialLifecycle,
    title: `Active IAM access keys are at most ${MAX_KEY_AGE} days old`,
    rationale: "Rotating keys limits how long a leaked key works (conformance pack maxAccessKeyAge 90).",
    reads: ["configuration.credentialReport[].access_key_1_active|access_key_1_last_rotated|access_key_2_active|access_key_2_last_rotated"],
    remediation: fix("IAM > Users > user > Security credentials: create a new key, switch, deactivate and delete the old one.", "aws iam create-access-key --user-name USER && aws iam delete-access-key --user-name USER --access-key-id OLD", "prefer roles and short-lived credentials over access keys"),
    evaluate: withReport((rows, now) => {
      const bad: unknown[] = [];
      for (const u of rows) {
        for (const k of ACCESS_KEYS) {
          if (u[k.active] !== "true") continue;
          const age = daysSince(u[k.lastRotated], now);
          if (age === undefined || age > MAX_KEY_AGE) bad.push({ user: u.user, key: k.n, ageDays: age ?? null });
        }
      }
      return bad.length === 0 ? pass([ev("configuration.credentialReport[].access_key_N_last_rotated", `all active keys <= ${MAX_KEY_AGE} days`)]) : fail([ev("configuration.credentialReport[].access_key_N_last_rotated", bad, `<= ${MAX_KEY_AGE} days`)]);
    }),
  }),
  aws({
    id: "aws.iam.account.unused-credentials", resourceType: ACCOUNT, severity: "medium", citations: C.credentialLifecycle,
    title: `IAM credentials unused for ${MAX_UNUSED} days are disabled`,
    rationale: "Termination procedures: credentials nobody uses are often those of people who left.",
    reads: ["configuration.credentialReport[].password_enabled|password_last_used|user_creation_time|access_key_N_active|access_key_N_last_used_date|access_key_N_last_rotated"],
    remediation: fix("IAM > Users: delete the console password or deactivate the key of each stale credential.", "aws iam delete-login-profile --user-name USER; aws iam update-access-key --user-name USER --access-key-id KEY --status Inactive", "remove the aws_iam_user_login_profile / aws_iam_access_key"),
    evaluate: withReport((rows, now) => {
      const bad: unknown[] = [];
      for (const u of users(rows)) {
        if (u.password_enabled === "true") {
          const d = daysSince(u.password_last_used, now) ?? daysSince(u.user_creation_time, now);
          if (d !== undefined && d > MAX_UNUSED) bad.push({ user: u.user, credential: "password", idleDays: d });
        }
        for (const k of ACCESS_KEYS) {
          if (u[k.active] !== "true") continue;
          const d = daysSince(u[k.lastUsed], now) ?? daysSince(u[k.lastRotated], now);
          if (d !== undefined && d > MAX_UNUSED) bad.push({ user: u.user, credential: k.name, idleDays: d });
        }
      }
      return bad.length === 0 ? pass([ev("configuration.credentialReport", `no credential idle > ${MAX_UNUSED} days`)]) : fail([ev("configuration.credentialReport", bad, `used within ${MAX_UNUSED} days`)]);
    }),
  }),
];
