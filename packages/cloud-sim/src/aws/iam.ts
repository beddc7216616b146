// IAM (query protocol) account-level reads: password policy, account summary, credential report, virtual MFA devices.
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

export function iamAction(account: AwsAccount, action: string, params: URLSearchParams, requestId: string): string {
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
    case "ListVirtualMFADevices":
      return wrap(action, listVirtualMfaDevices(account, params), requestId);
    default:
      throw new AwsError("InvalidAction", `Could not find operation ${action} for version 2010-05-08`, 400);
  }
}

/** ListVirtualMFADevices: every device in the sim is assigned; Marker is the next index, MaxItems 1..1000 (default 100). */
function listVirtualMfaDevices(account: AwsAccount, params: URLSearchParams): string {
  const status = params.get("AssignmentStatus") ?? "Any";
  if (!["Assigned", "Unassigned", "Any"].includes(status)) throw new AwsError("ValidationError", `1 validation error detected: Value '${status}' at 'assignmentStatus' failed to satisfy constraint: Member must satisfy enum value set: [Unassigned, Any, Assigned]`);
  const max = Number(params.get("MaxItems") ?? 100);
  if (!Number.isInteger(max) || max < 1 || max > 1000) throw new AwsError("ValidationError", "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
  const start = Number(params.get("Marker") ?? 0);
  const devices = status === "Unassigned" ? [] : account.facts.virtualMfaDevices;
  if (!Number.isInteger(start) || start < 0 || start > devices.length) throw new AwsError("ValidationError", "Invalid Marker");
  const page = devices.slice(start, start + max);
  const members = page.map((d) => {
    const arn = d.User?.Arn;
    const userName = arn?.endsWith(":root") ? account.accountId : arn?.split("/").pop();
    const user = arn ? `<User><Path>/</Path><UserName>${userName}</UserName><UserId>AIDA${account.accountId}${(userName ?? "").length}</UserId><Arn>${arn}</Arn><CreateDate>${isoSeconds(d.EnableDate)}</CreateDate></User>` : "";
    return `<member><SerialNumber>${d.SerialNumber}</SerialNumber>${user}<EnableDate>${isoSeconds(d.EnableDate)}</EnableDate></member>`;
  }).join("");
  const more = start + max < devices.length;
  return `<IsTruncated>${more}</IsTruncated><VirtualMFADevices>${members}</VirtualMFADevices>${more ? `<Marker>${start + max}</Marker>` : ""}`;
}
