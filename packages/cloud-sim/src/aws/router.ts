// The AWS side of the wire: picks the service from the SigV4 credential scope, the operation from
// X-Amz-Target / Action / REST path, authenticates the signature, applies faults, then dispatches.
import { randomUUID } from "node:crypto";
import type { AwsAccount } from "../estate/model";
import type { SimState } from "../state";
import { backupListProtectedResources, cloudTrailAction, guardDutyListDetectors, securityHubDescribeHub } from "./account-services";
import { cloudWatchAction } from "./cloudwatch";
import { logsAction } from "./cloudwatch-logs";
import { CONFIG_OPERATIONS } from "./config-service";
import { principalArn, type Principal } from "./credentials";
import { daxAction } from "./dax";
import { dmsAction } from "./dms";
import { ec2Action } from "./ec2";
import { emrAction } from "./emr";
import { authError, AwsError, errorReply, jsonContentType, type AwsProtocol, type AwsReply } from "./errors";
import { iamAction } from "./iam";
import { rdsAction } from "./rds";
import { parseAuthorization, signatureMatches, type SignedRequest } from "./sigv4";
import { assumeRole, getCallerIdentity } from "./sts";

// Keyed by the SigV4 signing name (CloudWatch signs as "monitoring", EMR as "elasticmapreduce").
const PROTOCOLS: Record<string, AwsProtocol> = {
  sts: "query", iam: "query", rds: "query", ec2: "ec2",
  config: "json", cloudtrail: "json", logs: "json", monitoring: "json", dax: "json", dms: "json", elasticmapreduce: "json",
  guardduty: "rest-json", securityhub: "rest-json", backup: "rest-json",
};
// Current SDKs send the short target (CloudTrail_20131101.X); older ones and the docs use the long form.
const TARGET_PREFIXES: Record<string, string[]> = {
  config: ["StarlingDoveService."],
  cloudtrail: ["CloudTrail_20131101.", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101."],
  logs: ["Logs_20140328."],
  monitoring: ["GraniteServiceVersion20100801."],
  dax: ["AmazonDAXV3."],
  dms: ["AmazonDMSv20160101."],
  elasticmapreduce: ["ElasticMapReduce."],
};

type JsonHandler = (account: AwsAccount, region: string, op: string, input: Record<string, unknown>) => unknown;
const JSON_SERVICES: Record<string, JsonHandler> = {
  config: (account, region, op, input) => {
    const handler = CONFIG_OPERATIONS[op];
    if (!handler) throw new AwsError("UnknownOperationException", "", 400);
    return handler({ account, region, input });
  },
  cloudtrail: cloudTrailAction, logs: logsAction, monitoring: cloudWatchAction, dax: daxAction, dms: dmsAction, elasticmapreduce: emrAction,
};

function guessProtocol(req: SignedRequest): AwsProtocol {
  if (req.headers["x-amz-target"]) return "json";
  return "query";
}

function operationOf(service: string, protocol: AwsProtocol, req: SignedRequest, form: URLSearchParams): string {
  if (protocol === "query" || protocol === "ec2") return form.get("Action") ?? "";
  if (protocol === "json") {
    const target = String(req.headers["x-amz-target"] ?? "");
    const prefix = (TARGET_PREFIXES[service] ?? []).find((p) => target.startsWith(p));
    return prefix ? target.slice(prefix.length) : "";
  }
  const path = req.rawPath.replace(/\/+$/, "");
  if (service === "guardduty" && req.method === "GET" && path === "/detector") return "ListDetectors";
  if (service === "securityhub" && req.method === "GET" && path === "/accounts") return "DescribeHub";
  if (service === "backup" && req.method === "GET" && path === "/resources") return "ListProtectedResources";
  return "";
}

function throttleError(protocol: AwsProtocol): AwsError {
  if (protocol === "query") return new AwsError("Throttling", "Rate exceeded", 400);
  if (protocol === "ec2") return new AwsError("RequestLimitExceeded", "Request limit exceeded.", 503);
  if (protocol === "json") return new AwsError("ThrottlingException", "Rate exceeded", 400);
  return new AwsError("TooManyRequestsException", "Rate exceeded", 429);
}

function serverError(protocol: AwsProtocol): AwsError {
  if (protocol === "ec2") return new AwsError("InternalError", "An internal error has occurred", 500);
  if (protocol === "query") return new AwsError("ServiceUnavailable", "Service is unable to handle request.", 503);
  return new AwsError("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);
}

function accessDenied(protocol: AwsProtocol, caller: Principal, action: string): AwsError {
  const who = principalArn(caller);
  if (protocol === "ec2") return new AwsError("UnauthorizedOperation", `You are not authorized to perform this operation. User: ${who} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`, 403);
  if (protocol === "query") return new AwsError("AccessDenied", `User: ${who} is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`, 403);
  return new AwsError("AccessDeniedException", `User: ${who} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`, protocol === "json" ? 400 : 403);
}

function authenticate(state: SimState, req: SignedRequest, protocol: AwsProtocol): Principal {
  const auth = parseAuthorization(String(req.headers.authorization ?? ""));
  if (!auth) throw authError(protocol, req.headers.authorization ? "bad-signature" : "missing");
  const principal = state.credentials.lookup(auth.accessKeyId);
  if (!principal) throw authError(protocol, "unknown-key");
  if (principal.kind === "session") {
    const token = req.headers["x-amz-security-token"];
    if (token !== principal.session.sessionToken || !auth.signedHeaders.includes("x-amz-security-token")) throw authError(protocol, "unknown-key");
    if (principal.session.expiresAt < Date.now()) throw authError(protocol, "expired");
  }
  if (!signatureMatches(req, auth, state.credentials.secretOf(principal))) throw authError(protocol, "bad-signature");
  return principal;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function handleAws(state: SimState, req: SignedRequest): Promise<AwsReply> {
  const requestId = randomUUID();
  const scope = parseAuthorization(String(req.headers.authorization ?? ""));
  const service = scope?.service ?? "";
  const protocol = PROTOCOLS[service] ?? guessProtocol(req);
  try {
    const caller = authenticate(state, req, protocol);
    if (!PROTOCOLS[service]) throw new AwsError("UnknownServiceException", `The service ${service} is not served by this endpoint`, 400);
    const region = scope?.region ?? "us-east-1";
    const form = new URLSearchParams(protocol === "query" || protocol === "ec2" ? (req.method === "GET" ? req.rawQuery : req.body.toString("utf8")) : "");
    const op = operationOf(service, protocol, req, form);
    if (!op) {
      if (protocol === "rest-json") throw new AwsError("UnknownOperationException", `No route for ${req.method} ${req.rawPath}`, 404);
      if (protocol === "json") throw new AwsError("UnknownOperationException", "", 400);
      throw new AwsError("MissingAction", "Missing Action", 400);
    }
    const api = `${service}:${op}`;
    state.calls.set(api, (state.calls.get(api) ?? 0) + 1);
    const fault = state.faults.decide(api);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.kind === "throttle") throw throttleError(protocol);
    if (fault.kind === "error") throw serverError(protocol);

    if (service === "sts") {
      if (op === "AssumeRole") return xml(assumeRole(state, caller, form, requestId), requestId);
      if (op === "GetCallerIdentity") return xml(getCallerIdentity(caller, requestId), requestId);
      throw new AwsError("InvalidAction", `Could not find operation ${op} for version 2011-06-15`, 400);
    }
    if (caller.kind !== "session") throw accessDenied(protocol, caller, `${service}:${op}`);
    const account: AwsAccount = caller.session.account;
    switch (protocol) {
      case "query":
        return xml(service === "rds" ? rdsAction(account, region, op, form, requestId) : iamAction(account, op, form, requestId), requestId);
      case "ec2":
        return { status: 200, headers: { "content-type": "text/xml;charset=UTF-8" }, body: ec2Action(account, region, op, form, requestId) };
      case "json": {
        let input: Record<string, unknown>;
        try {
          const text = req.body.toString("utf8");
          input = text.trim() ? (JSON.parse(text) as Record<string, unknown>) : {};
          if (!input || typeof input !== "object" || Array.isArray(input)) throw new Error("not an object");
        } catch {
          throw new AwsError("SerializationException", "Start of structure or map found where not expected.", 400);
        }
        const output = (JSON_SERVICES[service] as JsonHandler)(account, region, op, input);
        return { status: 200, headers: { "content-type": jsonContentType(service), "x-amzn-requestid": requestId }, body: JSON.stringify(output) };
      }
      case "rest-json": {
        const output = service === "guardduty" ? guardDutyListDetectors(account, region)
          : service === "backup" ? backupListProtectedResources(account, region, new URLSearchParams(req.rawQuery))
          : securityHubDescribeHub(account, region);
        return { status: 200, headers: { "content-type": "application/json", "x-amzn-requestid": requestId }, body: JSON.stringify(output) };
      }
    }
  } catch (err) {
    if (err instanceof AwsError) return errorReply(protocol, service, err, requestId);
    console.error("[cloud-sim] aws handler failed", err);
    return errorReply(protocol, service, serverError(protocol), requestId);
  }
}

function xml(body: string, requestId: string): AwsReply {
  return { status: 200, headers: { "content-type": "text/xml", "x-amzn-requestid": requestId }, body };
}
