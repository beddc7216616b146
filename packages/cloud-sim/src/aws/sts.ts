// STS (query protocol): AssumeRole enforcing each audit role's trust policy, and GetCallerIdentity.
import type { SimState } from "../state";
import { principalArn, type Principal } from "./credentials";
import { AwsError } from "./errors";
import { toXml } from "./xml";

const NS = "https://sts.amazonaws.com/doc/2011-06-15/";
const wrap = (action: string, result: string, requestId: string) =>
  `<${action}Response xmlns="${NS}">\n  <${action}Result>${result}</${action}Result>\n  <ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>\n</${action}Response>\n`;

export function assumeRole(state: SimState, caller: Principal, params: URLSearchParams, requestId: string): string {
  const roleArn = params.get("RoleArn");
  const sessionName = params.get("RoleSessionName");
  if (!roleArn) throw new AwsError("ValidationError", "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
  if (!sessionName || !/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw new AwsError("ValidationError", `1 validation error detected: Value '${sessionName ?? "null"}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
  }
  const duration = Number(params.get("DurationSeconds") ?? 3600);
  if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
    throw new AwsError("ValidationError", `1 validation error detected: Value '${params.get("DurationSeconds")}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`);
  }
  const account = state.estate.aws.find((a) => a.roleArn === roleArn);
  const callerArn = principalArn(caller);
  const denied = new AwsError("AccessDenied", `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
  // The trust policy: only the platform principal, and only with the role's ExternalId (StringEquals sts:ExternalId).
  if (!account || caller.kind !== "platform" || params.get("ExternalId") !== account.externalId) throw denied;
  const session = state.credentials.issueSession(account, sessionName, duration);
  const result = toXml({
    Credentials: {
      AccessKeyId: session.accessKeyId, SecretAccessKey: session.secretAccessKey, SessionToken: session.sessionToken,
      Expiration: new Date(session.expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
    },
    AssumedRoleUser: { AssumedRoleId: `${session.roleId}:${sessionName}`, Arn: `arn:aws:sts::${account.accountId}:assumed-role/${account.roleName}/${sessionName}` },
    PackedPolicySize: null,
  });
  return wrap("AssumeRole", result, requestId);
}

export function getCallerIdentity(caller: Principal, requestId: string): string {
  const result = caller.kind === "platform"
    ? toXml({ UserId: caller.platform.userId, Account: caller.platform.accountId, Arn: caller.platform.arn })
    : toXml({ UserId: `${caller.session.roleId}:${caller.session.sessionName}`, Account: caller.session.account.accountId, Arn: principalArn(caller) });
  return wrap("GetCallerIdentity", result, requestId);
}
