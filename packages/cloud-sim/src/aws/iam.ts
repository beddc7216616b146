// IAM (query protocol) account-level reads: password policy, account summary, credential report.
import type { AwsAccount } from "../estate/model";
import { CREDENTIAL_REPORT_COLUMNS } from "../estate/aws/facts";
import { AwsError } from "./errors";
import { toXml, type XmlValue } from "./xml";

const NS = "https://iam.amazonaws.com/doc/2010-05-08/";
const wrap = (action: string, result: string, requestId: string) =>
  `<${action}Response xmlns="${NS}">\n  <${action}Result>${result}</${action}Result>\n  <ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>\n</${action}Response>\n`;

const isoSeconds = (iso: string) => iso.replace(/\.\d{3}Z$/, "Z");

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function iamAction(account: AwsAccount, action: string, _params: URLSearchParams, requestId: string): string {
  const facts = account.facts;
  switch (action) {
    case "GetAccountPasswordPolicy": {
      if (!facts.passwordPolicy) throw new AwsError("NoSuchEntity", `The Password Policy with domain name ${account.accountId} cannot be found.`, 404);
      return wrap(action, toXml({ PasswordPolicy: facts.passwordPolicy as unknown as XmlValue }), requestId);
    }
    case "GetAccountSummary": {
      const entries = Object.entries(facts.accountSummary).map(([key, value]) => `<entry><key>${key}</key><value>${value}</value></entry>`).join("");
      return wrap(action, `<SummaryMap>${entries}</SummaryMap>`, requestId);
    }
    case "GenerateCredentialReport": {
      const first = facts.credentialReportState === "NONE";
      // Like IAM: the first call starts a report, later calls find it complete.
      facts.credentialReportState = first ? "STARTED" : "COMPLETE";
      facts.credentialReportGeneratedAt ??= new Date().toISOString();
      return wrap(action, toXml({ State: first ? "STARTED" : "COMPLETE", Description: first ? "No report exists. Starting a new report generation task" : undefined }), requestId);
    }
    case "GetCredentialReport": {
      if (facts.credentialReportState === "NONE") throw new AwsError("ReportNotPresent", "Credential report not present. Please generate one.", 410);
      facts.credentialReportState = "COMPLETE";
      const lines = [CREDENTIAL_REPORT_COLUMNS.join(",")];
      for (const row of facts.credentialReport) lines.push(CREDENTIAL_REPORT_COLUMNS.map((c) => csvCell(row[c] ?? "N/A")).join(","));
      const content = Buffer.from(lines.join("\n"), "utf8").toString("base64");
      return wrap(action, toXml({ Content: content, ReportFormat: "text/csv", GeneratedTime: isoSeconds(facts.credentialReportGeneratedAt ?? new Date().toISOString()) }), requestId);
    }
    default:
      throw new AwsError("InvalidAction", `Could not find operation ${action} for version 2010-05-08`, 400);
  }
}
