// Verifies AWS Signature Version 4 on incoming requests, the way AWS does: rebuild the canonical request
// from what arrived, sign it with the secret the simulator issued, compare.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_RE = /^AWS4-HMAC-SHA256\s+Credential=([^/\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})\s*$/;

export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header) return null;
  const m = AUTH_RE.exec(header.trim());
  if (!m) return null;
  const [, accessKeyId, date, region, service, signed, signature] = m as unknown as string[];
  return { accessKeyId: accessKeyId as string, date: date as string, region: region as string, service: service as string, signedHeaders: (signed as string).split(";"), signature: signature as string };
}

/** RFC 3986 escaping as the SDK signer applies it. */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, "%20"));
  } catch {
    return value;
  }
}

function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return "";
  const pairs = rawQuery
    .split("&")
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf("=");
      const key = eq === -1 ? part : part.slice(0, eq);
      const value = eq === -1 ? "" : part.slice(eq + 1);
      return [escapeUri(safeDecode(key)), escapeUri(safeDecode(value))] as const;
    })
    .filter(([key]) => key !== "X-Amz-Signature");
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

function canonicalPath(rawPath: string): string {
  // Non-S3 services sign the already-encoded path encoded once more (the SDK's uriEscapePath default).
  return rawPath.split("/").map((segment) => escapeUri(segment)).join("/") || "/";
}

export interface SignedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

export function expectedSignature(req: SignedRequest, auth: ParsedAuthorization, secretAccessKey: string): string {
  const headerValue = (name: string) => {
    const v = req.headers[name];
    const joined = Array.isArray(v) ? v.join(",") : (v ?? "");
    return joined.trim().replace(/\s+/g, " ");
  };
  const canonicalHeaders = auth.signedHeaders.map((h) => `${h}:${headerValue(h)}\n`).join("");
  const payloadHash = headerValue("x-amz-content-sha256") || sha256Hex(req.body);
  const canonicalRequest = [req.method, canonicalPath(req.rawPath), canonicalQuery(req.rawQuery), canonicalHeaders, auth.signedHeaders.join(";"), payloadHash].join("\n");
  const amzDate = headerValue("x-amz-date");
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const kDate = hmac(`AWS4${secretAccessKey}`, auth.date);
  const kSigning = hmac(hmac(hmac(kDate, auth.region), auth.service), "aws4_request");
  return createHmac("sha256", kSigning).update(stringToSign, "utf8").digest("hex");
}

export function signatureMatches(req: SignedRequest, auth: ParsedAuthorization, secretAccessKey: string): boolean {
  const expected = Buffer.from(expectedSignature(req, auth, secretAccessKey), "hex");
  const given = Buffer.from(auth.signature, "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
