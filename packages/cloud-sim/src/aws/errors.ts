// AWS error replies in each protocol's envelope, so the SDK deserialises them into the same exception
// classes (and retry decisions) it would against AWS.
import { xmlEscape } from "./xml";

export type AwsProtocol = "query" | "ec2" | "json" | "rest-json";

export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly fault: "Sender" | "Receiver" = status >= 500 ? "Receiver" : "Sender",
  ) {
    super(message);
  }
}

export interface AwsReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const QUERY_NAMESPACES: Record<string, string> = {
  sts: "https://sts.amazonaws.com/doc/2011-06-15/",
  iam: "https://iam.amazonaws.com/doc/2010-05-08/",
  rds: "http://rds.amazonaws.com/doc/2014-10-31/",
};

/** CloudWatch speaks JSON 1.0 (awsQueryCompatible); the other JSON services here speak 1.1. */
const JSON_1_0 = new Set(["monitoring"]);
export const jsonContentType = (service: string) => `application/x-amz-json-${JSON_1_0.has(service) ? "1.0" : "1.1"}`;

export function errorReply(protocol: AwsProtocol, service: string, err: AwsError, requestId: string): AwsReply {
  if (protocol === "query") {
    const ns = QUERY_NAMESPACES[service] ?? QUERY_NAMESPACES.iam;
    const body = `<ErrorResponse xmlns="${ns}">\n  <Error>\n    <Type>${err.fault}</Type>\n    <Code>${xmlEscape(err.code)}</Code>\n    <Message>${xmlEscape(err.message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`;
    return { status: err.status, headers: { "content-type": "text/xml", "x-amzn-requestid": requestId }, body };
  }
  if (protocol === "ec2") {
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
    return { status: err.status, headers: { "content-type": "text/xml;charset=UTF-8" }, body };
  }
  if (protocol === "json") {
    // awsQueryCompatible services also name the query-protocol code and fault in a header, which the SDK
    // copies onto the error (error.Code / error.Type), as it would from CloudWatch.
    const queryCompat: Record<string, string> = JSON_1_0.has(service) ? { "x-amzn-query-error": `${err.code};${err.fault}` } : {};
    return {
      status: err.status,
      headers: { "content-type": jsonContentType(service), "x-amzn-requestid": requestId, ...queryCompat },
      body: JSON.stringify({ __type: err.code, message: err.message }),
    };
  }
  return {
    status: err.status,
    headers: { "content-type": "application/json", "x-amzn-requestid": requestId, "x-amzn-errortype": err.code },
    body: JSON.stringify({ message: err.message, Message: err.message, __type: err.code }),
  };
}

/** Authentication failures differ per protocol: codes, statuses and messages as AWS sends them. */
export function authError(protocol: AwsProtocol, kind: "missing" | "unknown-key" | "bad-signature" | "expired"): AwsError {
  const sigMessage = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
  const tokenMessage = "The security token included in the request is invalid.";
  if (protocol === "ec2") {
    if (kind === "missing") return new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", 401);
    if (kind === "expired") return new AwsError("RequestExpired", "Request has expired.", 400);
    return new AwsError("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
  }
  if (protocol === "query") {
    if (kind === "missing") return new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
    if (kind === "unknown-key") return new AwsError("InvalidClientTokenId", tokenMessage, 403);
    if (kind === "expired") return new AwsError("ExpiredToken", "The security token included in the request is expired", 403);
    return new AwsError("SignatureDoesNotMatch", sigMessage, 403);
  }
  const status = protocol === "json" ? 400 : 403;
  if (kind === "missing") return new AwsError("MissingAuthenticationTokenException", "Missing Authentication Token", status);
  if (kind === "unknown-key") return new AwsError("UnrecognizedClientException", tokenMessage, status);
  if (kind === "expired") return new AwsError("ExpiredTokenException", "The security token included in the request is expired", status);
  return new AwsError("InvalidSignatureException", sigMessage, status);
}
