// Entra ID endpoints @azure/identity (MSAL) calls for client credentials: OpenID metadata and the v2 token endpoint.
import { randomBytes, randomUUID } from "node:crypto";
import type { SimState } from "../state";
import type { HttpReply } from "../http/reply";
import { json } from "../http/reply";

function entraError(status: number, error: string, code: number, description: string): HttpReply {
  const trace = randomUUID(), correlation = randomUUID();
  const timestamp = new Date().toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
  return json(status, {
    error, error_description: `AADSTS${code}: ${description} Trace ID: ${trace} Correlation ID: ${correlation} Timestamp: ${timestamp}`,
    error_codes: [code], timestamp, trace_id: trace, correlation_id: correlation, error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });
}

export function openIdConfiguration(baseUrl: string, tenant: string): HttpReply {
  const root = `${baseUrl}/${tenant}`;
  return json(200, {
    token_endpoint: `${root}/oauth2/v2.0/token`, token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${baseUrl}/${tenant}/discovery/v2.0/keys`, response_modes_supported: ["query", "fragment", "form_post"], subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"], response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"], issuer: `${root}/v2.0`, request_uri_parameter_supported: false,
    userinfo_endpoint: `${baseUrl}/oidc/userinfo`, authorization_endpoint: `${root}/oauth2/v2.0/authorize`, device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
    http_logout_supported: true, frontchannel_logout_supported: true, end_session_endpoint: `${root}/oauth2/v2.0/logout`,
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "tid"], kerberos_endpoint: `${root}/kerberos`, tenant_region_scope: "NA",
    cloud_instance_name: "microsoftonline.com", cloud_graph_host_name: "graph.windows.net", msgraph_host: "graph.microsoft.com", rbac_url: "https://pas.windows.net",
  });
}

/** The resource a client-credentials scope asks for: `https://vault.azure.net/.default` -> `https://vault.azure.net`. */
function audienceOf(scope: string | null): string {
  const wanted = (scope ?? "").split(/\s+/).find((s) => s.endsWith("/.default"));
  return wanted ? wanted.slice(0, -"/.default".length).replace(/\/+$/, "") : "https://management.azure.com";
}

/** The audience of a token this simulator issued, or null when it did not issue it (or it expired). */
export function validTokenAudience(state: SimState, token: string): string | null {
  const expiry = state.azureTokens.get(token);
  if (!expiry || expiry < Date.now()) return null;
  const encoded = token.split(".")[1] ?? "";
  return Buffer.from(encoded, "base64url").toString("utf8");
}

export function issueToken(state: SimState, tenant: string, form: URLSearchParams): HttpReply {
  const { tenantId, clientId, clientSecret } = state.estate.azureTenant;
  if (tenant !== tenantId) return entraError(400, "invalid_request", 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  if (form.get("grant_type") !== "client_credentials") return entraError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
  const client = form.get("client_id") ?? "";
  if (client !== clientId) {
    return entraError(400, "unauthorized_client", 700016, `Application with identifier '${client}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
  }
  if (form.get("client_secret") !== clientSecret) {
    return entraError(401, "invalid_client", 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
  }
  // Real tokens are JWTs whose `aud` names the resource; the audience rides in the opaque token here, so
  // Key Vault and Graph can refuse a token minted for ARM the way the services do.
  const token = `simtok.${Buffer.from(audienceOf(form.get("scope"))).toString("base64url")}.${randomBytes(32).toString("base64url")}`;
  const expiresIn = 3599;
  state.azureTokens.set(token, Date.now() + expiresIn * 1000);
  return json(200, { token_type: "Bearer", expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token });
}
