// The simulator server: one request handler behind an HTTP listener and an HTTPS listener (the latter for
// MSAL, which only talks to https authorities). Routes: /_sim admin, Entra token endpoints, Key Vault data plane
// (/keyvault/{vault host}/…), Microsoft Graph (/v1.0/…), ARM, else AWS.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { adminRoute, describeEstate, type EstateDescriptor } from "./admin/routes";
import { handleAws } from "./aws/router";
import { armGet } from "./azure/arm";
import { graphRoute } from "./azure/graph";
import { keyVaultRoute } from "./azure/keyvault";
import { issueToken, openIdConfiguration } from "./azure/identity";
import { armError, queryResources } from "./azure/resource-graph";
import { applyDrift, type DriftChange, type DriftOp } from "./estate/drift";
import { DEFAULT_PLATFORM_ACCOUNT_ID, generateEstate, type EstateOptions } from "./estate/generate";
import type { FaultRule } from "./faults";
import { json, type HttpReply } from "./http/reply";
import { createState, DEFAULT_PLATFORM_ACCESS_KEY_ID, DEFAULT_PLATFORM_SECRET_ACCESS_KEY, type SimState } from "./state";
import { ensureCertificate } from "./tls";

export interface SimulatorOptions {
  /** HTTP port; 0 picks a free one. */
  port?: number;
  /** HTTPS port (Entra + ARM over TLS); 0 picks a free one; `false` disables the listener. */
  httpsPort?: number | false;
  host?: string;
  estate?: EstateOptions;
  platform?: { accessKeyId?: string; secretAccessKey?: string; accountId?: string; userName?: string };
  /** Drift a few random resources every N minutes (the demo's "alerts arrive by themselves"). */
  driftEveryMinutes?: number;
  log?: (line: string) => void;
}

export interface RunningSimulator {
  url: string;
  httpsUrl: string | null;
  /** Path of the certificate clients trust via NODE_EXTRA_CA_CERTS. */
  caCertPath: string | null;
  estate: EstateDescriptor;
  state: SimState;
  drift(op: DriftOp): DriftChange[];
  setFaults(rule: FaultRule): void;
  clearFaults(): void;
  /** AWS calls served since the start or the last reset, per "service:Operation". */
  callCounts(): Record<string, number>;
  resetCallCounts(): void;
  stop(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseJson(body: Buffer): unknown {
  const text = body.toString("utf8").trim();
  return text ? JSON.parse(text) : {};
}

function armAuthorized(state: SimState, req: IncomingMessage): HttpReply | null {
  const header = String(req.headers.authorization ?? "");
  if (!header) return armError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.", undefined, { "www-authenticate": 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."' });
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
  const expiry = token ? state.azureTokens.get(token) : undefined;
  if (!expiry || expiry < Date.now()) return armError(401, "InvalidAuthenticationToken", "The access token is invalid.", undefined, { "www-authenticate": 'Bearer error="invalid_token", error_description="The access token is invalid."' });
  return null;
}

async function route(state: SimState, req: IncomingMessage, baseUrl: string): Promise<HttpReply> {
  const method = req.method ?? "GET";
  const rawUrl = req.url ?? "/";
  const q = rawUrl.indexOf("?");
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const rawQuery = q === -1 ? "" : rawUrl.slice(q + 1);
  const body = await readBody(req);
  if (body === null) return json(413, { error: "request body too large" });

  if (rawPath.startsWith("/_sim/")) {
    let parsed: unknown = {};
    try {
      parsed = method === "GET" || method === "DELETE" ? {} : parseJson(body);
    } catch {
      return json(400, { error: "body is not JSON" });
    }
    return adminRoute(state, method, rawPath, parsed);
  }
  const oidc = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(rawPath);
  if (method === "GET" && oidc) return openIdConfiguration(baseUrl, oidc[1] as string);
  const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(rawPath);
  if (method === "POST" && token) return issueToken(state, token[1] as string, new URLSearchParams(body.toString("utf8")));

  const lowerPath = rawPath.toLowerCase();
  const authorization = String(req.headers.authorization ?? "");
  if (lowerPath.startsWith("/keyvault/")) return keyVaultRoute(state, method, rawPath.slice("/keyvault/".length), new URLSearchParams(rawQuery), authorization, baseUrl);
  if (lowerPath.startsWith("/v1.0/")) return graphRoute(state, method, rawPath, new URLSearchParams(rawQuery), authorization, baseUrl);
  if (lowerPath.startsWith("/providers/microsoft.resourcegraph/") || lowerPath.startsWith("/subscriptions/")) {
    const denied = armAuthorized(state, req);
    if (denied) return denied;
    if (lowerPath === "/providers/microsoft.resourcegraph/resources" && method === "POST") {
      const fault = state.faults.decide("azure:resources");
      if (fault.latencyMs > 0) await new Promise((r) => setTimeout(r, fault.latencyMs));
      if (fault.kind === "throttle") {
        return armError(429, "RateLimiting", "Please provide below info when asking for support: the request was throttled.", undefined, { "retry-after": "1", "x-ms-user-quota-remaining": "0", "x-ms-user-quota-resets-after": "00:00:01" });
      }
      if (fault.kind === "error") return armError(500, "InternalServerError", "Encountered internal server error. Please try again.");
      let parsed: unknown;
      try {
        parsed = parseJson(body);
      } catch {
        return armError(400, "InvalidRequestContent", "The request content was invalid and could not be deserialized.");
      }
      return queryResources(state, parsed as Parameters<typeof queryResources>[1]);
    }
    if (method === "GET" && lowerPath.startsWith("/subscriptions/")) return armGet(state, decodeURIComponent(rawPath));
    return armError(404, "NoRegisteredProviderFound", `No registered resource provider found for ${method} ${rawPath}.`);
  }
  return handleAws(state, { method, rawPath, rawQuery, headers: req.headers, body });
}

function handler(state: SimState, baseUrl: () => string, log: (line: string) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    route(state, req, baseUrl())
      .catch((err: unknown) => {
        log(`[cloud-sim] unhandled error: ${err instanceof Error ? err.stack : String(err)}`);
        return json(500, { error: "internal simulator error" });
      })
      .then((reply) => {
        if (res.headersSent) return;
        res.writeHead(reply.status, { ...reply.headers, "content-length": Buffer.byteLength(reply.body) });
        res.end(reply.body);
      });
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  // A client that promises more body than it sends must not pin a socket for Node's default 5 minutes.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

const close = (server: Server) => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  const accountId = options.platform?.accountId ?? DEFAULT_PLATFORM_ACCOUNT_ID;
  const platformArn = `arn:aws:iam::${accountId}:user/${options.platform?.userName ?? "safeguard-platform"}`;
  const estate = generateEstate({ platformPrincipalArn: platformArn, ...options.estate });
  const state = createState(estate, {
    accessKeyId: options.platform?.accessKeyId ?? DEFAULT_PLATFORM_ACCESS_KEY_ID,
    secretAccessKey: options.platform?.secretAccessKey ?? DEFAULT_PLATFORM_SECRET_ACCESS_KEY,
    arn: platformArn, accountId, userId: "AIDASAFEGUARDPLATFORM",
  });
  let httpsBase = "";
  const http = createHttpServer(handler(state, () => url, log));
  const port = await listen(http, options.port ?? 4566, host);
  const url = `http://${host}:${port}`;
  let https: Server | null = null;
  let caCertPath: string | null = null;
  if (options.httpsPort !== false) {
    const cert = ensureCertificate();
    caCertPath = cert.certPath;
    https = createHttpsServer({ cert: cert.cert, key: cert.key }, handler(state, () => httpsBase, log));
    const httpsPort = await listen(https, options.httpsPort ?? 0, host);
    httpsBase = `https://${host}:${httpsPort}`;
  }
  let timer: NodeJS.Timeout | null = null;
  if (options.driftEveryMinutes && options.driftEveryMinutes > 0) {
    timer = setInterval(() => {
      const changes = applyDrift(state.estate, { op: "random", count: 3 });
      for (const c of changes) log(`[cloud-sim] drift ${c.change} ${c.nativeId}`);
    }, options.driftEveryMinutes * 60_000);
    timer.unref();
  }
  return {
    url, httpsUrl: https ? httpsBase : null, caCertPath, estate: describeEstate(state), state,
    drift: (op) => applyDrift(state.estate, op),
    setFaults: (rule) => state.faults.set(rule),
    clearFaults: () => state.faults.clear(),
    callCounts: () => Object.fromEntries(state.calls),
    resetCallCounts: () => state.calls.clear(),
    async stop() {
      if (timer) clearInterval(timer);
      await Promise.all([close(http), ...(https ? [close(https)] : [])]);
    },
  };
}
