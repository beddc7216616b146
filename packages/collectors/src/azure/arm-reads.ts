// ARM reads the Azure checks need beyond Resource Graph (docs/architecture.md, "Azure child settings"):
// attached under supplementaryConfiguration. A read that fails is reported as a collection error and leaves
// the key absent (the check says ERROR "not attached"), or null for the reads whose checks read null as
// "the read failed" (`nullOnError`); 404 on a child means "not set".
import type { TokenCredential } from "@azure/identity";
import type { ResourceSnapshot } from "@safeguard/controls/snapshot";
import type { CollectError } from "../source";
import { BearerReader, describeError } from "./rest-reader";

interface ChildRead {
  key: string;
  suffix: string;
  apiVersion: string;
  /** a list (diagnosticSettings, server parameters): the `value` arrays of every page (nextLink) are attached */
  list?: boolean;
  /** on failure attach null rather than leaving the key out (the contract's "attempted and failed") */
  nullOnError?: boolean;
}

const DIAGNOSTICS: ChildRead = { key: "diagnosticSettings", suffix: "/providers/microsoft.insights/diagnosticSettings", apiVersion: "2021-05-01-preview", list: true };

export const CHILD_READS: Readonly<Record<string, readonly ChildRead[]>> = {
  "microsoft.sql/servers": [
    { key: "auditingSettings", suffix: "/auditingSettings/default", apiVersion: "2021-11-01" },
    { key: "encryptionProtector", suffix: "/encryptionProtector/current", apiVersion: "2021-11-01", nullOnError: true },
    { key: "firewallRules", suffix: "/firewallRules", apiVersion: "2021-11-01", list: true, nullOnError: true },
  ],
  "microsoft.sql/servers/databases": [{ key: "transparentDataEncryption", suffix: "/transparentDataEncryption/current", apiVersion: "2021-11-01" }],
  "microsoft.storage/storageaccounts": [{ key: "blobServiceProperties", suffix: "/blobServices/default", apiVersion: "2023-01-01" }],
  "microsoft.keyvault/vaults": [DIAGNOSTICS],
  // Server parameters (require_secure_transport, tls_version): hundreds on MySQL, so ARM pages them.
  "microsoft.dbformysql/flexibleservers": [{ key: "configurations", suffix: "/configurations", apiVersion: "2023-12-30", list: true }],
  "microsoft.dbforpostgresql/flexibleservers": [{ key: "configurations", suffix: "/configurations", apiVersion: "2022-12-01", list: true }],
  "microsoft.resources/subscriptions": [
    DIAGNOSTICS,
    // Defender for Cloud email notifications; 2023-12-01-preview is the shape with notificationsSources.
    { key: "securityContacts", suffix: "/providers/Microsoft.Security/securityContacts", apiVersion: "2023-12-01-preview", list: true, nullOnError: true },
  ],
};

const ARM_SCOPE = "https://management.azure.com/.default";

export class ArmReader {
  private readonly rest: BearerReader;

  constructor(
    credential: TokenCredential,
    private readonly endpoint: string,
  ) {
    this.rest = new BearerReader(credential, ARM_SCOPE);
  }

  private url(path: string, apiVersion: string): string {
    return `${this.endpoint.replace(/\/+$/, "")}${path}?api-version=${apiVersion}`;
  }

  /** GET with 429/5xx backoff (Retry-After honoured). Returns null on 404. */
  get(path: string, apiVersion: string): Promise<unknown> {
    return this.rest.get(this.url(path, apiVersion));
  }

  /** Every page of a list (`value` + `nextLink`); [] on 404. nextLink is followed only on this ARM endpoint. */
  getList(path: string, apiVersion: string): Promise<unknown[]> {
    return this.rest.list(this.url(path, apiVersion));
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
        const e = describeError(error);
        if (read.nullOnError) s.supplementaryConfiguration[read.key] = null;
        errors.push({ scope: s.accountId, api: `arm:GET ${read.suffix}`, code: e.code, message: `${s.name}: ${e.message}` });
      }
    }
    return errors;
  }
}
