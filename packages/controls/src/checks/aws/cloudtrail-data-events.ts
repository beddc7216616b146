// CloudTrail S3 data events. AWS Config does not record event selectors, so the collector attaches
// CloudTrail GetEventSelectors to the trail CI as supplementaryConfiguration.EventSelectors /
// AdvancedEventSelectors (docs/architecture.md). Both absent = not collected (a snapshot recorded before the collector read them); null = the read failed.
import { aws, fix } from "../../lib/define";
import { asArray, isObj } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { EvalContext } from "../../types";

const TRAIL = "AWS::CloudTrail::Trail";
const S3_OBJECT = "AWS::S3::Object";
/** DataResources values that mean "every bucket, current and future". */
const ALL_BUCKETS = new Set(["arn:aws:s3", "arn:aws:s3:::"]);

/** Basic selectors: a DataResource of type AWS::S3::Object whose Values cover every bucket. */
function basicCoversAllBuckets(selectors: unknown): boolean {
  return asArray(selectors).some((s) => isObj(s) && asArray(s.DataResources).some((d) =>
    isObj(d) && d.Type === S3_OBJECT && asArray(d.Values).some((v) => typeof v === "string" && ALL_BUCKETS.has(v))));
}

/** Advanced selectors: eventCategory = Data, resources.type = AWS::S3::Object, and no resources.ARN narrowing. */
function advancedCoversAllBuckets(selectors: unknown): boolean {
  return asArray(selectors).some((s) => {
    if (!isObj(s)) return false;
    const fields = asArray(s.FieldSelectors).filter(isObj);
    const eq = (name: string, value: string) => fields.some((f) => f.Field === name && asArray(f.Equals).includes(value));
    return eq("eventCategory", "Data") && eq("resources.type", S3_OBJECT) && !fields.some((f) => f.Field === "resources.ARN");
  });
}

type Coverage = "covers" | "does-not-cover" | "not-collected" | "unreadable";

function coverage(t: ResourceSnapshot): Coverage {
  const { EventSelectors: basic, AdvancedEventSelectors: advanced } = t.supplementaryConfiguration;
  if (basic === null || advanced === null) return "unreadable";
  if (basic === undefined && advanced === undefined) return "not-collected";
  return basicCoversAllBuckets(basic) || advancedCoversAllBuckets(advanced) ? "covers" : "does-not-cover";
}

/** Trails per account that log S3 data events for every bucket (one trail suffices for the account). */
function coveringTrails(ctx: EvalContext): Map<string, string[]> {
  return ctx.memo("cloudtrail-s3-data-event-trails", () => {
    const m = new Map<string, string[]>();
    for (const t of ctx.ofType(TRAIL)) {
      if (coverage(t) !== "covers") continue;
      const l = m.get(t.accountId) ?? [];
      l.push(t.name ?? t.resourceId);
      m.set(t.accountId, l);
    }
    return m;
  });
}

export const cloudtrailDataEventChecks = [
  aws({
    id: "aws.cloudtrail.trail.s3-data-events", resourceType: TRAIL, severity: "medium", citations: cite(C.auditLogging, ["164.312(c)(2)"]),
    contextTypes: [TRAIL],
    title: "CloudTrail logs S3 object-level (data) events for all buckets",
    rationale: "Management events do not show who read or wrote an ePHI object; S3 data events do.",
    reads: ["supplementaryConfiguration.EventSelectors[].DataResources[].Type|Values", "supplementaryConfiguration.AdvancedEventSelectors[].FieldSelectors[].Field|Equals"],
    remediation: fix("CloudTrail > Trails > trail > Data events > Edit: S3, all current and future buckets, read and write.", "aws cloudtrail put-event-selectors --trail-name TRAIL --event-selectors '[{\"ReadWriteType\":\"All\",\"IncludeManagementEvents\":true,\"DataResources\":[{\"Type\":\"AWS::S3::Object\",\"Values\":[\"arn:aws:s3\"]}]}]'", "event_selector { read_write_type = \"All\"  data_resource { type = \"AWS::S3::Object\"  values = [\"arn:aws:s3\"] } }"),
    evaluate(r, ctx) {
      const own = coverage(r);
      if (own === "not-collected") return na("not collected: trail event selectors (CloudTrail GetEventSelectors) are missing from this snapshot (recorded before the collector read them)");
      if (own === "unreadable") return error("trail event selectors could not be read (supplementaryConfiguration.EventSelectors is null)");
      if (own === "covers") return verdict(true, [ev("supplementaryConfiguration.EventSelectors", "S3 data events for all buckets", "S3 data events for all buckets")]);
      // One account-wide data-event trail is enough: this trail need not duplicate it.
      const others = coveringTrails(ctx).get(r.accountId) ?? [];
      return verdict(others.length > 0, [ev("supplementaryConfiguration.EventSelectors", others.length > 0 ? { coveredByTrails: others } : "no S3 data events for all buckets on this or any other trail in the account", "S3 data events for all buckets on some trail")]);
    },
  }),
];
