// Plain HTTPS GETs with a bearer token from the scan's credential, for the Azure reads no SDK client here covers
// with the wire bodies the contract wants (ARM child settings, Key Vault data plane, Microsoft Graph).
// 429 and 5xx back off (Retry-After honoured); a next-page link is followed only on the origin the first page
// came from, so the token is never sent to a host the caller did not configure.
import type { TokenCredential } from "@azure/identity";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RestCallError extends Error {
  constructor(message: string, readonly code: string, readonly statusCode: number) {
    super(message);
    this.name = "RestCallError";
  }
}

export class BearerReader {
  private token: { value: string; expires: number } | null = null;

  constructor(
    private readonly credential: TokenCredential,
    private readonly scope: string,
    private readonly maxAttempts = 7,
  ) {}

  private async bearer(): Promise<string> {
    if (!this.token || this.token.expires < Date.now() + 60_000) {
      const t = await this.credential.getToken(this.scope);
      if (!t) throw new RestCallError(`no token for ${this.scope}`, "NoToken", 401);
      this.token = { value: t.token, expires: t.expiresOnTimestamp };
    }
    return this.token.value;
  }

  /** The JSON body, or null on 404. Throws RestCallError with the service's error code otherwise. */
  async get(url: string): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(url, { headers: { authorization: `Bearer ${await this.bearer()}` } });
      if (res.status === 404) return null;
      if (res.ok) return res.json();
      if ((res.status === 429 || res.status >= 500) && attempt < this.maxAttempts) {
        const after = Number(res.headers.get("retry-after"));
        await sleep(Number.isFinite(after) && after > 0 ? after * 1000 : Math.min(8000, 250 * 2 ** (attempt - 1)));
        continue;
      }
      const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
      throw new RestCallError(body.error?.message ?? `HTTP ${res.status}`, body.error?.code ?? `HTTP${res.status}`, res.status);
    }
  }

  /** Every page's `value` items; `nextKey` names the link to the next page (ARM and Key Vault `nextLink`, Graph `@odata.nextLink`). */
  async list(url: string, nextKey: "nextLink" | "@odata.nextLink" = "nextLink"): Promise<unknown[]> {
    const origin = new URL(url).origin;
    const out: unknown[] = [];
    let next: string | null = url;
    for (let pages = 0; next && pages < 1000; pages++) {
      const body = (await this.get(next)) as Record<string, unknown> | null;
      out.push(...(Array.isArray(body?.value) ? (body.value as unknown[]) : []));
      const link = body?.[nextKey];
      next = typeof link === "string" && link && new URL(link).origin === origin ? link : null;
    }
    return out;
  }
}

/** An error as a collection error's code and message. */
export function describeError(error: unknown): { code: string; message: string } {
  const e = error as { code?: unknown; message?: unknown };
  return { code: typeof e.code === "string" ? e.code : "Error", message: typeof e.message === "string" ? e.message : String(error) };
}
