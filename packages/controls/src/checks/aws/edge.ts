// CloudFront, API Gateway and ACM: the Internet-facing edge.
import { aws, fix, nonEmpty, field } from "../../lib/define";
import { asArray, isObj, lower } from "../../lib/path";
import { error, ev, verdict } from "../../lib/result";
import { C } from "../../rule/citations";
import { asOf } from "./account-facts";

const CF = "AWS::CloudFront::Distribution";
const SECURE_VIEWER = new Set(["https-only", "redirect-to-https"]);
const CERT_MIN_DAYS = 30;

export const edgeChecks = [
  aws({
    id: "aws.cloudfront.distribution.https-only", resourceType: CF, severity: "medium", citations: C.encryptionInTransit,
    title: "CloudFront distribution requires HTTPS from viewers",
    rationale: "viewerProtocolPolicy allow-all serves ePHI over plain HTTP.",
    reads: ["configuration.distributionConfig.defaultCacheBehavior.viewerProtocolPolicy", "configuration.distributionConfig.cacheBehaviors.items[].viewerProtocolPolicy"],
    remediation: fix("CloudFront > distribution > Behaviors > Edit: Viewer protocol policy Redirect HTTP to HTTPS.", "aws cloudfront update-distribution --id ID --distribution-config file://config.json", "default_cache_behavior { viewer_protocol_policy = \"redirect-to-https\" }"),
    evaluate(r) {
      const dc = r.configuration?.distributionConfig;
      if (!isObj(dc)) return error("configuration.distributionConfig not recorded");
      const policies: unknown[] = [isObj(dc.defaultCacheBehavior) ? dc.defaultCacheBehavior.viewerProtocolPolicy : undefined];
      const cb = isObj(dc.cacheBehaviors) ? dc.cacheBehaviors.items : undefined;
      for (const b of asArray(cb)) if (isObj(b)) policies.push(b.viewerProtocolPolicy);
      return verdict(policies.every((x) => typeof x === "string" && SECURE_VIEWER.has(x)), [ev("configuration.distributionConfig.*.viewerProtocolPolicy", policies, "https-only or redirect-to-https")]);
    },
  }),
  aws({
    id: "aws.cloudfront.distribution.tls12-minimum", resourceType: CF, severity: "medium", citations: C.encryptionInTransit,
    title: "CloudFront distribution requires TLS 1.2 or later from viewers",
    rationale: "minimumProtocolVersion below TLSv1.2 lets clients negotiate deprecated protocols.",
    reads: ["configuration.distributionConfig.viewerCertificate.minimumProtocolVersion", "configuration.distributionConfig.viewerCertificate.cloudFrontDefaultCertificate"],
    remediation: fix("CloudFront > distribution > General > Edit: custom certificate, security policy TLSv1.2_2021.", "aws cloudfront update-distribution --id ID --distribution-config file://config.json", "viewer_certificate { minimum_protocol_version = \"TLSv1.2_2021\" }"),
    evaluate(r) {
      const vc = isObj(r.configuration?.distributionConfig) ? (r.configuration.distributionConfig as Record<string, unknown>).viewerCertificate : undefined;
      if (!isObj(vc)) return error("configuration.distributionConfig.viewerCertificate not recorded");
      const v = vc.minimumProtocolVersion;
      const ok = typeof v === "string" && /^TLSv1\.[23]/.test(v) && vc.cloudFrontDefaultCertificate !== true;
      return verdict(ok, [ev("configuration.distributionConfig.viewerCertificate.minimumProtocolVersion", v ?? null, "TLSv1.2_*"), ev("configuration.distributionConfig.viewerCertificate.cloudFrontDefaultCertificate", vc.cloudFrontDefaultCertificate ?? null, false)]);
    },
  }),
  aws({
    id: "aws.apigateway.stage.logging", resourceType: "AWS::ApiGateway::Stage", severity: "medium", citations: C.auditLogging,
    title: "API Gateway REST stage logs execution or access",
    rationale: "API logs record who called ePHI APIs and with what result.",
    reads: ["configuration.methodSettings['*/*'].loggingLevel", "configuration.accessLogSettings.destinationArn"],
    remediation: fix("API Gateway > API > Stages > stage > Logs and tracing: CloudWatch logs INFO or ERROR, access logging on.", "aws apigateway update-stage --rest-api-id API --stage-name STAGE --patch-operations op=replace,path=/*/*/logging/loglevel,value=INFO", "resource \"aws_api_gateway_method_settings\" { settings { logging_level = \"INFO\" } }"),
    evaluate(r) {
      const c = r.configuration ?? {};
      const ms = isObj(c.methodSettings) ? c.methodSettings["*/*"] : undefined;
      const level = isObj(ms) ? ms.loggingLevel : undefined;
      const access = isObj(c.accessLogSettings) ? c.accessLogSettings.destinationArn : undefined;
      const ok = lower(level) === "info" || lower(level) === "error" || nonEmpty(access);
      return verdict(ok, [ev("configuration.methodSettings['*/*'].loggingLevel", level ?? null, "INFO or ERROR"), ev("configuration.accessLogSettings.destinationArn", access ?? null)]);
    },
  }),
  aws({
    id: "aws.apigatewayv2.stage.access-logging", resourceType: "AWS::ApiGatewayV2::Stage", severity: "medium", citations: C.auditLogging,
    title: "API Gateway HTTP/WebSocket stage has access logging",
    rationale: "Access logs record who called ePHI APIs and with what result.",
    reads: ["configuration.accessLogSettings.destinationArn"],
    remediation: fix("API Gateway > API > Monitor > Logging > stage: access logging to a log group.", "aws apigatewayv2 update-stage --api-id API --stage-name STAGE --access-log-settings DestinationArn=ARN,Format=JSON", "access_log_settings { destination_arn = aws_cloudwatch_log_group.api.arn }"),
    evaluate: field({ path: "configuration.accessLogSettings.destinationArn", ok: nonEmpty, expected: "a log destination", missing: "fail" }),
  }),
  aws({
    id: "aws.acm.certificate.not-expiring", resourceType: "AWS::ACM::Certificate", severity: "high", citations: C.encryptionInTransit,
    title: `ACM certificate is valid for more than ${CERT_MIN_DAYS} days`,
    rationale: "An expired certificate breaks TLS, pushing clients to fail or fall back to insecure channels.",
    reads: ["configuration.notAfter", "configuration.status", "configuration.inUseBy"],
    remediation: fix("ACM > certificate: fix DNS validation so managed renewal succeeds, or import a renewed certificate.", "aws acm renew-certificate --certificate-arn ARN", "resource \"aws_acm_certificate\" { validation_method = \"DNS\" }"),
    evaluate(r) {
      const na = r.configuration?.notAfter;
      const t = typeof na === "string" ? Date.parse(na) : typeof na === "number" ? na : NaN;
      if (!Number.isFinite(t)) return error("configuration.notAfter not recorded");
      const days = Math.floor((t - asOf(r)) / 86_400_000);
      return verdict(days > CERT_MIN_DAYS, [ev("configuration.notAfter", na, `more than ${CERT_MIN_DAYS} days away`), ev("daysToExpiry", days)]);
    },
  }),
];
