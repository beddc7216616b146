// "Is this resource in an AWS Backup plan?" — one factory for every protectable type.
import { aws, fix } from "../../lib/define";
import { error, ev, verdict } from "../../lib/result";
import { C } from "../../rule/citations";
import { protectedArns, REGION } from "./region-facts";

export const inBackupPlan = (id: string, resourceType: string, what: string) =>
  aws({
    id,
    resourceType,
    title: `${what} is protected by an AWS Backup plan`,
    rationale: "A backup plan gives retrievable exact copies of ePHI on a schedule, independent of the service's own snapshots.",
    severity: "medium",
    citations: C.backup,
    contextTypes: [REGION],
    reads: ["Safeguard::AWS::Region configuration.backupProtectedResourceArns"],
    remediation: fix("AWS Backup > Backup plans > plan > Assign resources: include this resource (or a PHI tag).", "aws backup create-backup-selection --backup-plan-id PLAN --backup-selection file://selection.json", "resource \"aws_backup_selection\" { plan_id = aws_backup_plan.phi.id  resources = [ARN] }"),
    evaluate(r, ctx) {
      const set = protectedArns(r, ctx);
      if (typeof set === "string") return error(set);
      return verdict(set.has(r.nativeId), [ev("Safeguard::AWS::Region.backupProtectedResourceArns", set.has(r.nativeId) ? r.nativeId : `${set.size} ARNs, not this one`, r.nativeId)]);
    },
  });
