// Azure App Service apps (microsoft.web/sites) and their configuration (microsoft.web/sites/config).
import { azure, field, fix, isTrue, oneOfCI } from "../../lib/define";
import { C } from "../../rule/citations";

const SITE = "microsoft.web/sites";
const CONFIG = "microsoft.web/sites/config";

export const azureWebChecks = [
  azure({
    id: "azure.web.site.https-only", resourceType: SITE, severity: "high", citations: C.encryptionInTransit,
    title: "App Service app accepts HTTPS only", rationale: "httpsOnly redirects HTTP, so ePHI is never served in clear text.",
    reads: ["configuration.properties.httpsOnly"],
    remediation: fix("App Service > Configuration > General settings: HTTPS Only On.", "az webapp update -g RG -n APP --https-only true", "https_only = true"),
    evaluate: field({ path: "configuration.properties.httpsOnly", ok: isTrue, expected: true, missing: "fail" }),
  }),
  azure({
    id: "azure.web.site.client-certificates", resourceType: SITE, severity: "low", citations: ["164.312(d)", "164.312(e)(1)"],
    title: "App Service app requires client certificates", rationale: "Mutual TLS authenticates calling systems before any ePHI is exchanged.",
    reads: ["configuration.properties.clientCertEnabled"],
    remediation: fix("App Service > Configuration > General settings: Client certificate mode Required.", "az webapp update -g RG -n APP --set clientCertEnabled=true", "client_certificate_enabled = true"),
    evaluate: field({ path: "configuration.properties.clientCertEnabled", ok: isTrue, expected: true, missing: "fail" }),
  }),
  azure({
    id: "azure.web.site-config.min-tls-12", resourceType: CONFIG, severity: "medium", citations: C.encryptionInTransit,
    title: "App Service requires TLS 1.2 or later", rationale: "Older TLS versions are deprecated and allow downgrade attacks.",
    reads: ["configuration.properties.minTlsVersion"],
    remediation: fix("App Service > Configuration > General settings: Minimum inbound TLS version 1.2.", "az webapp config set -g RG -n APP --min-tls-version 1.2", "site_config { minimum_tls_version = \"1.2\" }"),
    evaluate: field({ path: "configuration.properties.minTlsVersion", ok: oneOfCI(["1.2", "1.3"]), expected: "1.2", missing: "fail" }),
  }),
  azure({
    id: "azure.web.site-config.ftp-disabled", resourceType: CONFIG, severity: "medium", citations: C.encryptionInTransit,
    title: "App Service disables plain FTP", rationale: "FTP sends credentials and content unencrypted; use FTPS only or disable it.",
    reads: ["configuration.properties.ftpsState"],
    remediation: fix("App Service > Configuration > General settings: FTP state Disabled or FTPS only.", "az webapp config set -g RG -n APP --ftps-state Disabled", "site_config { ftps_state = \"Disabled\" }"),
    evaluate: field({ path: "configuration.properties.ftpsState", ok: oneOfCI(["Disabled", "FtpsOnly"]), expected: "Disabled or FtpsOnly", missing: "fail" }),
  }),
];
