// AWS Lambda functions: the resource-based policy AWS Config records in supplementaryConfiguration.Policy.
import { aws, fix } from "../../lib/define";
import { isPublicAllow, parsePolicyCached } from "../../lib/policy";
import { error, ev, verdict } from "../../lib/result";
import { C } from "../../rule/citations";

export const lambdaChecks = [
  aws({
    id: "aws.lambda.function.not-public", resourceType: "AWS::Lambda::Function", severity: "critical", citations: C.publicAccess,
    title: "Lambda function policy does not allow every principal",
    rationale: "A function invocable by anyone can be made to read or return the ePHI its role can reach.",
    reads: ["supplementaryConfiguration.Policy"],
    remediation: fix("Lambda > function > Configuration > Permissions > Resource-based policy: remove statements with Principal * or add an aws:SourceArn / aws:SourceAccount condition.", "aws lambda remove-permission --function-name FN --statement-id SID", "resource \"aws_lambda_permission\" { principal = \"s3.amazonaws.com\"  source_arn = aws_s3_bucket.x.arn  source_account = data.aws_caller_identity.me.account_id }"),
    evaluate(r) {
      const raw = r.supplementaryConfiguration.Policy;
      // AWS Config leaves Policy out when the function has no resource-based policy: nobody else may invoke it.
      if (raw === undefined) return verdict(true, [ev("supplementaryConfiguration.Policy", "no resource-based policy", "no unconditioned Allow to *")]);
      if (raw === null) return error("supplementaryConfiguration.Policy could not be read");
      const pol = parsePolicyCached(r.supplementaryConfiguration, raw);
      if (!pol.ok) return error(`function policy could not be read: ${pol.reason}`);
      const open = pol.statements.filter(isPublicAllow);
      return verdict(open.length === 0, [ev("supplementaryConfiguration.Policy", open.length === 0 ? "no unconditioned Allow to *" : open.map((s) => ({ Sid: s.sid ?? null, Action: s.actions })), "no unconditioned Allow to *")]);
    },
  }),
];
