// Detection services per region: GuardDuty, Security Hub, AWS Config recorder (Safeguard::AWS::Region facts).
import { aws, fix, field, isTrue } from "../../lib/define";
import { asArray, isObj } from "../../lib/path";
import { error, ev, verdict } from "../../lib/result";
import { C } from "../../rule/citations";
import { REGION } from "./region-facts";

export const detectionChecks = [
  aws({
    id: "aws.guardduty.region.enabled", resourceType: REGION, severity: "high", citations: C.threatDetection,
    title: "GuardDuty is enabled in the region",
    rationale: "GuardDuty detects compromised credentials, malware and exfiltration; attackers favour unmonitored regions.",
    reads: ["configuration.guardDutyDetectorIds"],
    remediation: fix("GuardDuty > Get started > Enable (in every region, or org-wide from the delegated admin).", "aws guardduty create-detector --enable --region REGION", "resource \"aws_guardduty_detector\" { enable = true }"),
    evaluate(r) {
      const ids = r.configuration?.guardDutyDetectorIds;
      if (ids === null || ids === undefined) return error("GuardDuty detectors could not be read for this region");
      return verdict(asArray(ids).length > 0, [ev("configuration.guardDutyDetectorIds", ids, "at least one detector")]);
    },
  }),
  aws({
    id: "aws.guardduty.detector.enabled", resourceType: "AWS::GuardDuty::Detector", severity: "high", citations: C.threatDetection,
    title: "GuardDuty detector is not suspended",
    rationale: "A suspended detector produces no findings.",
    reads: ["configuration.Enable"],
    remediation: fix("GuardDuty > Settings > Suspend GuardDuty: re-enable.", "aws guardduty update-detector --detector-id D --enable", "resource \"aws_guardduty_detector\" { enable = true }"),
    evaluate: field({ path: "configuration.Enable", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.securityhub.region.enabled", resourceType: REGION, severity: "medium", citations: C.configMonitoring,
    title: "Security Hub is enabled in the region",
    rationale: "Security Hub aggregates findings and continuously evaluates security standards, supporting evaluation (164.308(a)(8)).",
    reads: ["configuration.securityHub.enabled"],
    remediation: fix("Security Hub > Enable Security Hub (every region, or via the delegated administrator).", "aws securityhub enable-security-hub --region REGION", "resource \"aws_securityhub_account\" {}"),
    evaluate(r) {
      const sh = r.configuration?.securityHub;
      if (!isObj(sh)) return error("Security Hub status could not be read for this region");
      return verdict(sh.enabled === true, [ev("configuration.securityHub.enabled", sh.enabled ?? null, true)]);
    },
  }),
  aws({
    id: "aws.config.region.recorder-on", resourceType: REGION, severity: "medium", citations: C.configMonitoring,
    title: "AWS Config records all resources in the region",
    rationale: "The configuration recorder is the source of every other verdict; without it changes go unseen.",
    reads: ["configuration.configurationRecorders[].recordingGroup.allSupported", "configuration.configurationRecorderStatuses[].recording|lastStatus"],
    remediation: fix("AWS Config > Settings > Recording: all resource types, recorder on.", "aws configservice start-configuration-recorder --configuration-recorder-name default", "resource \"aws_config_configuration_recorder_status\" { is_enabled = true }"),
    evaluate(r) {
      const recs = r.configuration?.configurationRecorders;
      const stats = r.configuration?.configurationRecorderStatuses;
      if (recs === null || recs === undefined || stats === null || stats === undefined) return error("AWS Config recorder state could not be read for this region");
      const rec = asArray(recs).find(isObj);
      const group = rec && isObj(rec.recordingGroup) ? rec.recordingGroup : undefined;
      const st = asArray(stats).find(isObj);
      const all = group?.allSupported === true;
      const on = st?.recording === true && (st.lastStatus === undefined || st.lastStatus === "SUCCESS" || st.lastStatus === "PENDING");
      return verdict(all && on, [ev("configuration.configurationRecorders[0].recordingGroup.allSupported", group?.allSupported ?? null, true), ev("configuration.configurationRecorderStatuses[0].recording", st?.recording ?? null, true), ev("configuration.configurationRecorderStatuses[0].lastStatus", st?.lastStatus ?? null, "SUCCESS")]);
    },
  }),
];
