// Classic and v2 Elastic Load Balancing: TLS on listeners, logging, protection.
import { aws, fix } from "../../lib/define";
import { asArray, isObj, lower } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult } from "../../types";

const CLB = "AWS::ElasticLoadBalancing::LoadBalancer";
const LISTENER = "AWS::ElasticLoadBalancingV2::Listener";
const ALB = "AWS::ElasticLoadBalancingV2::LoadBalancer";

/** Predefined ELB policies whose minimum protocol is TLS 1.2 or later. */
const TLS12_POLICY = /(TLS-1-2|TLS13-1-2|TLS13-1-3|FS-1-2|TLS-1-3)/i;

interface ClbListener { protocol: string; port: unknown; cert: unknown; policyNames: string[] }
function clbListeners(r: ResourceSnapshot): ClbListener[] {
  return asArray(r.configuration?.listenerDescriptions).filter(isObj).map((d) => {
    const l = isObj(d.listener) ? d.listener : {};
    return { protocol: String(l.protocol ?? "").toUpperCase(), port: l.loadBalancerPort ?? null, cert: l.sslcertificateId ?? l.sSLCertificateId ?? l.SSLCertificateId ?? null, policyNames: asArray(d.policyNames).map(String) };
  });
}

/** Classic ELB policy -> does it allow only TLS 1.2+ ? (Reference-Security-Policy or explicit Protocol-* attributes) */
function clbPolicyIsTls12(r: ResourceSnapshot, name: string): boolean | undefined {
  const pols = r.supplementaryConfiguration.LoadBalancerPolicies;
  if (TLS12_POLICY.test(name)) return true;
  const pol = asArray(pols).find((p) => isObj(p) && p.policyName === name);
  if (!isObj(pol)) return undefined;
  const attrs = asArray(pol.policyAttributeDescriptions).filter(isObj);
  const get = (k: string) => attrs.find((a) => a.attributeName === k)?.attributeValue;
  const ref = get("Reference-Security-Policy");
  if (typeof ref === "string") return TLS12_POLICY.test(ref);
  return get("Protocol-TLSv1.2") === "true" && get("Protocol-TLSv1") !== "true" && get("Protocol-TLSv1.1") !== "true" && get("Protocol-SSLv3") !== "true";
}

function lbAttribute(r: ResourceSnapshot, key: string): string | undefined {
  for (const a of asArray(r.supplementaryConfiguration.LoadBalancerAttributes)) {
    if (!isObj(a)) continue;
    if ((a.key ?? a.Key) === key) return String(a.value ?? a.Value);
  }
  return undefined;
}

const albAttr = (key: string): ((r: ResourceSnapshot) => CheckResult) => (r) => {
  if (r.supplementaryConfiguration.LoadBalancerAttributes === undefined) return error("supplementaryConfiguration.LoadBalancerAttributes not recorded");
  const v = lbAttribute(r, key);
  return verdict(v === "true", [ev(`supplementaryConfiguration.LoadBalancerAttributes[${key}]`, v ?? null, "true")]);
};

export const elbChecks = [
  aws({
    id: "aws.elb.load-balancer.tls-listeners-only", resourceType: CLB, severity: "high", citations: C.encryptionInTransit,
    title: "Classic load balancer listens only with HTTPS or SSL",
    rationale: "HTTP or TCP listeners carry ePHI in clear text between clients and the load balancer.",
    reads: ["configuration.listenerDescriptions[].listener.protocol"],
    remediation: fix("EC2 > Load balancers > Listeners: replace HTTP/TCP with HTTPS/SSL and an ACM certificate.", "aws elb create-load-balancer-listeners --load-balancer-name LB --listeners Protocol=HTTPS,LoadBalancerPort=443,InstanceProtocol=HTTPS,InstancePort=443,SSLCertificateId=ARN", "listener { lb_protocol = \"https\"  ssl_certificate_id = aws_acm_certificate.app.arn }"),
    evaluate(r) {
      const ls = clbListeners(r);
      if (ls.length === 0) return na("no listeners", [ev("configuration.listenerDescriptions", [])]);
      const bad = ls.filter((l) => l.protocol !== "HTTPS" && l.protocol !== "SSL").map((l) => ({ protocol: l.protocol, port: l.port }));
      return verdict(bad.length === 0, [ev("configuration.listenerDescriptions[].listener.protocol", bad.length ? bad : ls.map((l) => l.protocol), "HTTPS or SSL")]);
    },
  }),
  aws({
    id: "aws.elb.load-balancer.tls12-policy", resourceType: CLB, severity: "medium", citations: C.encryptionInTransit,
    title: "Classic load balancer TLS listeners use a TLS 1.2+ security policy",
    rationale: "Policies that still allow TLS 1.0/1.1 permit downgrades to broken protocols (conformance pack: ELBSecurityPolicy-TLS-1-2-2017-01).",
    reads: ["configuration.listenerDescriptions[].policyNames", "supplementaryConfiguration.LoadBalancerPolicies[].policyName|policyAttributeDescriptions"],
    remediation: fix("Listeners > HTTPS > Change: predefined policy ELBSecurityPolicy-TLS-1-2-2017-01.", "aws elb set-load-balancer-policies-of-listener --load-balancer-name LB --load-balancer-port 443 --policy-names TLS12", "resource \"aws_load_balancer_policy\" { policy_attribute { name = \"Reference-Security-Policy\" value = \"ELBSecurityPolicy-TLS-1-2-2017-01\" } }"),
    evaluate(r) {
      const tls = clbListeners(r).filter((l) => l.protocol === "HTTPS" || l.protocol === "SSL");
      if (tls.length === 0) return na("no HTTPS/SSL listeners");
      const bad: unknown[] = [];
      for (const l of tls) {
        const ok = l.policyNames.some((n) => clbPolicyIsTls12(r, n) === true);
        if (!ok) bad.push({ port: l.port, policyNames: l.policyNames });
      }
      return verdict(bad.length === 0, [ev("configuration.listenerDescriptions[].policyNames", bad.length ? bad : tls.map((l) => l.policyNames), "a TLS 1.2+ policy")]);
    },
  }),
  aws({
    id: "aws.elb.load-balancer.acm-certificate", resourceType: CLB, severity: "low", citations: C.encryptionInTransit,
    title: "Classic load balancer certificates come from ACM",
    rationale: "ACM certificates renew automatically, so TLS never lapses on an ePHI endpoint.",
    reads: ["configuration.listenerDescriptions[].listener.sslcertificateId"],
    remediation: fix("Request an ACM certificate and set it on each HTTPS/SSL listener.", "aws elb set-load-balancer-listener-ssl-certificate --load-balancer-name LB --load-balancer-port 443 --ssl-certificate-id ACM_ARN", "ssl_certificate_id = aws_acm_certificate.app.arn"),
    evaluate(r) {
      const tls = clbListeners(r).filter((l) => l.protocol === "HTTPS" || l.protocol === "SSL");
      if (tls.length === 0) return na("no HTTPS/SSL listeners");
      const certs = tls.map((l) => l.cert);
      return verdict(certs.every((c) => typeof c === "string" && c.startsWith("arn:aws:acm:")), [ev("configuration.listenerDescriptions[].listener.sslcertificateId", certs, "arn:aws:acm:...")]);
    },
  }),
  aws({
    id: "aws.elbv2.listener.https-redirect", resourceType: LISTENER, severity: "medium", citations: C.encryptionInTransit,
    title: "ALB HTTP listener redirects to HTTPS",
    rationale: "An HTTP listener that serves content instead of redirecting lets ePHI travel unencrypted.",
    reads: ["configuration.Protocol", "configuration.DefaultActions[].Type", "configuration.DefaultActions[].RedirectConfig.Protocol"],
    remediation: fix("EC2 > Load balancers > Listeners > HTTP:80 > Edit: default action Redirect to HTTPS://#{host}:443.", "aws elbv2 modify-listener --listener-arn ARN --default-actions Type=redirect,RedirectConfig='{Protocol=HTTPS,Port=443,StatusCode=HTTP_301}'", "default_action { type = \"redirect\" redirect { protocol = \"HTTPS\" port = \"443\" status_code = \"HTTP_301\" } }"),
    evaluate(r) {
      const proto = String(r.configuration?.Protocol ?? "").toUpperCase();
      if (proto !== "HTTP") return na(`listener protocol is ${proto || "unknown"}`, [ev("configuration.Protocol", proto || null)]);
      const actions = asArray(r.configuration?.DefaultActions).filter(isObj);
      const redirect = actions.some((a) => lower(a.Type) === "redirect" && isObj(a.RedirectConfig) && String(a.RedirectConfig.Protocol).toUpperCase() === "HTTPS");
      return verdict(redirect, [ev("configuration.DefaultActions", actions.map((a) => ({ Type: a.Type, Protocol: isObj(a.RedirectConfig) ? a.RedirectConfig.Protocol : null })), "redirect to HTTPS")]);
    },
  }),
  aws({
    id: "aws.elbv2.listener.tls12-policy", resourceType: LISTENER, severity: "medium", citations: C.encryptionInTransit,
    title: "ALB/NLB TLS listener uses a TLS 1.2+ security policy",
    rationale: "Security policies permitting TLS 1.0/1.1 fall short of the TLS 1.2 minimum for ePHI in transit.",
    reads: ["configuration.Protocol", "configuration.SslPolicy"],
    remediation: fix("Listener > Edit > Security policy: ELBSecurityPolicy-TLS13-1-2-2021-06.", "aws elbv2 modify-listener --listener-arn ARN --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06", "resource \"aws_lb_listener\" { ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\" }"),
    evaluate(r) {
      const proto = String(r.configuration?.Protocol ?? "").toUpperCase();
      if (proto !== "HTTPS" && proto !== "TLS") return na(`listener protocol is ${proto || "unknown"}`, [ev("configuration.Protocol", proto || null)]);
      const pol = r.configuration?.SslPolicy;
      return verdict(typeof pol === "string" && TLS12_POLICY.test(pol), [ev("configuration.SslPolicy", pol ?? null, "a TLS 1.2+ policy")]);
    },
  }),
  aws({
    id: "aws.elbv2.load-balancer.drop-invalid-headers", resourceType: ALB, severity: "low", citations: cite(C.encryptionInTransit, ["164.312(c)(1)"]),
    title: "ALB drops invalid HTTP header fields",
    rationale: "Dropping malformed headers blocks request-smuggling attacks against applications handling ePHI.",
    reads: ["configuration.Type", "supplementaryConfiguration.LoadBalancerAttributes[routing.http.drop_invalid_header_fields.enabled]"],
    remediation: fix("Load balancer > Attributes > Edit: Drop invalid header fields on.", "aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes Key=routing.http.drop_invalid_header_fields.enabled,Value=true", "resource \"aws_lb\" { drop_invalid_header_fields = true }"),
    evaluate(r) {
      const type = lower(r.configuration?.Type ?? r.configuration?.type);
      if (type !== "" && type !== "application") return na(`${type} load balancers have no HTTP headers to validate`);
      return albAttr("routing.http.drop_invalid_header_fields.enabled")(r);
    },
  }),
  aws({
    id: "aws.elbv2.load-balancer.deletion-protection", resourceType: ALB, severity: "low", citations: C.availability,
    title: "ALB/NLB has deletion protection",
    rationale: "Deleting the entry point of an ePHI application is an outage; deletion protection makes it deliberate.",
    reads: ["supplementaryConfiguration.LoadBalancerAttributes[deletion_protection.enabled]"],
    remediation: fix("Load balancer > Attributes > Edit: Deletion protection on.", "aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes Key=deletion_protection.enabled,Value=true", "resource \"aws_lb\" { enable_deletion_protection = true }"),
    evaluate: albAttr("deletion_protection.enabled"),
  }),
  aws({
    id: "aws.elbv2.load-balancer.access-logging", resourceType: ALB, severity: "medium", citations: C.auditLogging,
    title: "ALB/NLB writes access logs",
    rationale: "Access logs record every request to ePHI applications for activity review and incident investigation.",
    reads: ["supplementaryConfiguration.LoadBalancerAttributes[access_logs.s3.enabled]"],
    remediation: fix("Load balancer > Attributes > Edit: Access logs on, S3 location.", "aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=LOGS", "access_logs { bucket = aws_s3_bucket.logs.id  enabled = true }"),
    evaluate: albAttr("access_logs.s3.enabled"),
  }),
  aws({
    id: "aws.elb.load-balancer.access-logging", resourceType: CLB, severity: "medium", citations: C.auditLogging,
    title: "Classic Load Balancer writes access logs",
    rationale: "Access logs record every request to ePHI applications for activity review and incident investigation.",
    reads: ["supplementaryConfiguration.LoadBalancerAttributes.accessLog.enabled|s3BucketName"],
    remediation: fix("EC2 > Load balancers > classic LB > Attributes > Edit: Access logs on, S3 location.", "aws elb modify-load-balancer-attributes --load-balancer-name LB --load-balancer-attributes '{\"AccessLog\":{\"Enabled\":true,\"S3BucketName\":\"LOGS\",\"EmitInterval\":60}}'", "resource \"aws_elb\" { access_logs { bucket = aws_s3_bucket.logs.id  enabled = true } }"),
    evaluate(r) {
      const attrs = r.supplementaryConfiguration.LoadBalancerAttributes;
      if (!isObj(attrs)) return error("supplementaryConfiguration.LoadBalancerAttributes not recorded");
      // AWS Config omits accessLog when it was never configured: that is "off".
      const log = isObj(attrs.accessLog) ? attrs.accessLog : {};
      return verdict(log.enabled === true, [ev("supplementaryConfiguration.LoadBalancerAttributes.accessLog.enabled", log.enabled ?? null, true)]);
    },
  }),
];
