// Amazon RDS (query protocol, XML): DescribeDBParameterGroups and DescribeDBParameters over the estate's
// AWS::RDS::DBParameterGroup items, paged with Marker (MaxRecords 20 to 100, as RDS allows).
import type { AwsAccount, ConfigItem } from "../estate/model";
import { AwsError } from "./errors";
import { isLive, typeLists } from "./describe-common";
import { decodeToken, encodeToken, scan } from "./paging";
import { xmlEscape } from "./xml";

const NS = "http://rds.amazonaws.com/doc/2014-10-31/";
const PARAMETER_GROUP = "AWS::RDS::DBParameterGroup";

/**
 * Parameters a group lists without a value (engine defaults nobody set). They are wire-only: the collector
 * keeps parameters that carry a value, which is what the estate stores; they also make paging real.
 */
const UNSET_PARAMETERS = [
  "application_name", "archive_timeout", "array_nulls", "authentication_timeout", "autovacuum_analyze_scale_factor", "autovacuum_naptime",
  "autovacuum_vacuum_cost_delay", "bgwriter_delay", "bgwriter_lru_maxpages", "checkpoint_timeout", "client_encoding", "commit_delay",
  "constraint_exclusion", "cpu_index_tuple_cost", "cursor_tuple_fraction", "deadlock_timeout", "default_statistics_target", "effective_io_concurrency",
  "from_collapse_limit", "geqo_effort", "idle_in_transaction_session_timeout", "join_collapse_limit", "lock_timeout", "log_autovacuum_min_duration",
  "log_min_duration_statement", "log_rotation_age", "log_statement", "maintenance_work_mem", "max_parallel_workers", "max_wal_size",
  "random_page_cost", "search_path", "seq_page_cost", "statement_timeout", "temp_buffers", "timezone", "track_activity_query_size",
  "vacuum_cost_limit", "wal_buffers", "work_mem",
];

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const el = (tag: string, value: unknown) => (value === undefined || value === null ? "" : `<${tag}>${xmlEscape(String(value))}</${tag}>`);

function wrap(action: string, result: string, requestId: string): string {
  return `<${action}Response xmlns="${NS}">\n  <${action}Result>${result}</${action}Result>\n  <ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>\n</${action}Response>\n`;
}

function maxRecords(params: URLSearchParams): number {
  const raw = params.get("MaxRecords");
  if (raw === null) return 100;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 20 || n > 100) throw new AwsError("InvalidParameterValue", `Invalid value ${raw} for MaxRecords. Must be between 20 and 100`);
  return n;
}

function groupNamed(account: AwsAccount, region: string, name: string): ConfigItem {
  const item = account.items.get(region, PARAMETER_GROUP, name);
  if (!item || item.awsRegion !== region || !isLive(item)) throw new AwsError("DBParameterGroupNotFound", `DBParameterGroup not found: ${name}`, 404);
  return item;
}

function describeGroups(account: AwsAccount, region: string, params: URLSearchParams, requestId: string): string {
  const name = params.get("DBParameterGroupName");
  const limit = maxRecords(params);
  const request = JSON.stringify({ op: "DescribeDBParameterGroups", region, name });
  const lists = name ? [[groupNamed(account, region, name)]] : typeLists(account, region, PARAMETER_GROUP);
  const { page, next } = scan(lists, decodeToken(params.get("Marker") ?? undefined, request, "InvalidParameterValue"), limit, isLive);
  const groups = page.map((g) => {
    const c = g.configuration;
    return `<DBParameterGroup>${el("DBParameterGroupName", c.dBParameterGroupName)}${el("DBParameterGroupFamily", c.dBParameterGroupFamily)}${el("Description", c.description)}${el("DBParameterGroupArn", c.dBParameterGroupArn)}</DBParameterGroup>`;
  }).join("");
  return wrap("DescribeDBParameterGroups", `${next ? el("Marker", encodeToken(request, next)) : ""}<DBParameterGroups>${groups}</DBParameterGroups>`, requestId);
}

function describeParameters(account: AwsAccount, region: string, params: URLSearchParams, requestId: string): string {
  const name = params.get("DBParameterGroupName");
  if (!name) throw new AwsError("MissingParameter", "The request must contain the parameter DBParameterGroupName");
  const limit = maxRecords(params);
  const group = groupNamed(account, region, name);
  const source = params.get("Source");
  const set = ((group.configuration.parameters ?? []) as Record<string, unknown>[]).map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [upperFirst(k), v])));
  const named = new Set(set.map((p) => p.ParameterName));
  const all: Record<string, unknown>[] = [...set, ...UNSET_PARAMETERS.filter((n) => !named.has(n)).map((n) => ({ ParameterName: n, Source: "engine-default" }))];
  const request = JSON.stringify({ op: "DescribeDBParameters", region, name, source });
  const { page, next } = scan([all], decodeToken(params.get("Marker") ?? undefined, request, "InvalidParameterValue"), limit, (p) => !source || p.Source === source);
  const rows = page.map((p) => `<Parameter>${el("ParameterName", p.ParameterName)}${el("ParameterValue", p.ParameterValue)}${el("Description", `${String(p.ParameterName)} setting`)}${el("Source", p.Source)}<ApplyType>dynamic</ApplyType><DataType>string</DataType><IsModifiable>true</IsModifiable>${el("ApplyMethod", p.ApplyMethod ?? "pending-reboot")}</Parameter>`).join("");
  return wrap("DescribeDBParameters", `${next ? el("Marker", encodeToken(request, next)) : ""}<Parameters>${rows}</Parameters>`, requestId);
}

export function rdsAction(account: AwsAccount, region: string, action: string, params: URLSearchParams, requestId: string): string {
  if (action === "DescribeDBParameterGroups") return describeGroups(account, region, params, requestId);
  if (action === "DescribeDBParameters") return describeParameters(account, region, params, requestId);
  throw new AwsError("InvalidAction", `Could not find operation ${action} for version 2014-10-31`, 400);
}
