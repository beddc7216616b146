// ARM reads the Azure checks need beyond Resource Graph (docs/architecture.md, "Azure child settings"):
// attached under supplementaryConfiguration. A read that fails leaves the key absent (the check
// says ERROR "not attached") and is reported as a collection error; 404 on a child means "not set".
import type { TokenCredential } from "@azure/identity";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { CollectError } from "../source";

interface ChildRead {
  key: string;
  suffix: string;
  apiVersion: string;
  /** a list (diagnosticSettings, server parameters): the `value` arrays of every page (nextLink) are attached */
  list?: boolean;
}

const DIAGNOSTICS: ChildRead = { key: "diagnosticSettings", suffix: "/providers/microsoft.insights/diagnosticSettings", apiVersion: "2021-05-01-preview", list: true };

export const CHILD_READS: Readonly<Record<string, readonly ChildRead[]>> = {
  "microsoft.sql/servers": [{ key: "auditingSettings", suffix: "/auditingSettings/default", apiVersion: "2021-11-01" }],
  "microsoft.sql/servers/databases": [{ key: "transparentDataEncryption", suffix: "/transparentDataEncryption/current", apiVersion: "2021-11-01" }],
  "microsoft.storage/storageaccounts": [{ key: "blobServiceProperties", suffix: "/blobServices/default", apiVersion: "2023-01-01" }],
  "microsoft.keyvault/vaults": [DIAGNOSTICS],
  // Server parameters (require_secure_transport, tls_version): hundreds on MySQL, so ARM pages them.
  "microsoft.dbformysql/flexibleservers": [{ key: "configurations", suffix: "/configurations", apiVersion: "2023-12-30", list: true }],
  "microsoft.dbforpostgresql/flexibleservers": [{ key: "configurations", suffix: "/configurations", apiVersion: "2022-12-01", list: true }],
  "microsoft.resources/subscriptions": [DIAGNOSTICS],
};

const ARM_SCOPE = "https://management.azure.com/.default";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ArmReader {
  private token: { value: string; expires: number } | null = null;

  constructor(
    private readonly credential: TokenCredential,
    private readonly endpoint: string,
  ) {}

  private async bearer(): Promise<string> {
    if (!this.token || this.token.expires < Date.now() + 60_000) {
      const t = await this.credential.getToken(ARM_SCOPE);
      if (!t) throw new Error("no ARM token");
      this.token = { value: t.token, expires: t.expiresOnTimestamp };
    }
    return this.token.value;
  }

  /** GET with 429/5xx backoff (Retry-After honoured). Returns null on 404. */
  async get(path: string, apiVersion: string): Promise<unknown> {
    return this.getUrl(`${this.endpoint.replace(/\/+$/, "")}${path}?api-version=${apiVersion}`);
  }

  /** Every page of a list (`value` + `nextLink`); [] on 404. nextLink is followed only on this ARM endpoint. */
  async getList(path: string, apiVersion: string): Promise<unknown[]> {
    const out: unknown[] = [];
    let url: string | null = `${this.endpoint.replace(/\/+$/, "")}${path}?api-version=${apiVersion}`;
    for (let pages = 0; url && pages < 100; pages++) {
      const body = (await this.getUrl(url)) as { value?: unknown[]; nextLink?: string | null } | null;
      out.push(...(body?.value ?? []));
      const next = body?.nextLink ?? null;
      url = next && new URL(next).origin === new URL(this.endpoint).origin ? next : null;
    }
    return out;
  }

  private async getUrl(url: string): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(url, { headers: { authorization: `Bearer ${await this.bearer()}` } });
      if (res.status === 404) return null;
      if (res.ok) return res.json();
      if ((res.status === 429 || res.status >= 500) && attempt < 6) {
        const after = Number(res.headers.get("retry-after"));
        await sleep(Number.isFinite(after) && after > 0 ? after * 1000 : Math.min(8000, 250 * 2 ** attempt));
        continue;
      }
      const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
      throw Object.assign(new Error(body.error?.message ?? `HTTP ${res.status}`), { code: body.error?.code ?? `HTTP${res.status}`, statusCode: res.status });
    }
  }

  /** Attaches every child read the snapshot's type needs; returns the errors. */
  async attach(s: ResourceSnapshot): Promise<CollectError[]> {
    const errors: CollectError[] = [];
    for (const read of CHILD_READS[s.resourceType] ?? []) {
      try {
        if (read.list) {
          s.supplementaryConfiguration[read.key] = await this.getList(`${s.nativeId}${read.suffix}`, read.apiVersion);
        } else {
          const body = await this.get(`${s.nativeId}${read.suffix}`, read.apiVersion);
          if (body !== null) s.supplementaryConfiguration[read.key] = body;
        }
      } catch (error) {
        const e = error as { code?: string; message?: string };
        errors.push({ scope: s.accountId, api: `arm:GET ${read.suffix}`, code: e.code ?? "Error", message: `${s.name}: ${e.message ?? String(error)}` });
      }
    }
    return errors;
  }
}

/** Runs `fn` over items with at most `limit` in flight. */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
}
