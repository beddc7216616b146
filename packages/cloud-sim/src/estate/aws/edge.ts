// Load balancers, listeners, CloudFront, ACM certificates and API Gateway stages.
import type { AwsContext, AwsTypeSpec, Draft } from "./context";
import { isoDaysAgo, isoDaysAhead, network, systemName, uniqueName, uuid } from "./context";

const acmArn = (ctx: AwsContext) => `arn:aws:acm:${ctx.region}:${ctx.accountId}:certificate/${uuid(ctx)}`;
const TLS12 = "ELBSecurityPolicy-TLS-1-2-2017-01";

export const classicElbSpec: AwsTypeSpec = {
  type: "AWS::ElasticLoadBalancing::LoadBalancer",
  flaws: ["http-listener", "weak-tls-policy", "iam-certificate", "no-access-logs"],
  weight: 1,
  build(ctx, flaws) {
    const net = network(ctx);
    const name = uniqueName(ctx, "elb", () => `${systemName(ctx)}-clb`.slice(0, 32));
    const policy = flaws.has("weak-tls-policy") ? "ELBSecurityPolicy-2016-08" : TLS12;
    const cert = flaws.has("iam-certificate") ? `arn:aws:iam::${ctx.accountId}:server-certificate/${name}` : acmArn(ctx);
    const listeners = [{ listener: { protocol: "HTTPS", loadBalancerPort: 443, instanceProtocol: "HTTP", instancePort: 8080, sslcertificateId: cert }, policyNames: [policy] }];
    if (flaws.has("http-listener")) listeners.push({ listener: { protocol: "HTTP", loadBalancerPort: 80, instanceProtocol: "HTTP", instancePort: 8080 } as never, policyNames: [] });
    const dns = `${name}-${ctx.rng.digits(9)}.${ctx.region}.elb.amazonaws.com`;
    return {
      resourceId: name, resourceName: name, arn: `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.accountId}:loadbalancer/${name}`, availabilityZone: "Multiple Availability Zones",
      createdAt: isoDaysAgo(ctx, 100, 2000),
      configuration: {
        loadBalancerName: name, dnsname: dns, canonicalHostedZoneNameID: "Z35SXDOTRQ7X7K", listenerDescriptions: listeners,
        policies: { appCookieStickinessPolicies: [], lbcookieStickinessPolicies: [], otherPolicies: [policy] },
        availabilityZones: [`${ctx.region}a`, `${ctx.region}b`], subnets: net.publicSubnets, vpcid: net.vpcId,
        instances: (ctx.instanceIds[ctx.region] ?? []).slice(0, 2).map((instanceId) => ({ instanceId })),
        healthCheck: { target: "HTTP:8080/health", interval: 30, timeout: 5, unhealthyThreshold: 2, healthyThreshold: 10 },
        securityGroups: [net.securityGroups[0]], createdTime: isoDaysAgo(ctx, 100, 2000), scheme: "internet-facing",
      },
      supplementaryConfiguration: {
        LoadBalancerPolicies: [{ policyName: policy, policyTypeName: "SSLNegotiationPolicyType", policyAttributeDescriptions: [{ attributeName: "Reference-Security-Policy", attributeValue: policy }] }],
        LoadBalancerAttributes: {
          accessLog: flaws.has("no-access-logs") ? { enabled: false } : { enabled: true, s3BucketName: `${ctx.alias}-elb-logs-${ctx.accountId}`, emitInterval: 60, s3BucketPrefix: name },
          crossZoneLoadBalancing: { enabled: true }, connectionDraining: { enabled: true, timeout: 300 }, connectionSettings: { idleTimeout: 60 },
        },
      },
      tags: { Name: name },
    };
  },
};

export const albSpec: AwsTypeSpec = {
  type: "AWS::ElasticLoadBalancingV2::LoadBalancer",
  flaws: ["no-access-logs", "no-deletion-protection", "keeps-invalid-headers", "listener-http-no-redirect", "listener-weak-tls"],
  weight: 1.5,
  build(ctx, flaws) {
    const net = network(ctx);
    const name = uniqueName(ctx, "alb", () => `${systemName(ctx)}-alb`.slice(0, 32));
    const lbArn = `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.accountId}:loadbalancer/app/${name}/${ctx.rng.hex(16)}`;
    const attr = (key: string, on: boolean) => ({ key, value: on ? "true" : "false" });
    const lb: Draft = {
      resourceId: lbArn, resourceName: name, arn: lbArn, availabilityZone: "Multiple Availability Zones", createdAt: isoDaysAgo(ctx, 30, 900),
      configuration: {
        loadBalancerArn: lbArn, dnsname: `${name}-${ctx.rng.digits(9)}.${ctx.region}.elb.amazonaws.com`, canonicalHostedZoneId: "Z35SXDOTRQ7X7K",
        createdTime: isoDaysAgo(ctx, 30, 900), loadBalancerName: name, scheme: "internet-facing", vpcId: net.vpcId, state: { code: "active" },
        type: "application", availabilityZones: net.publicSubnets.map((subnetId) => ({ zoneName: net.subnetAz[subnetId], subnetId })),
        securityGroups: [net.securityGroups[0]], ipAddressType: "ipv4",
      },
      supplementaryConfiguration: {
        LoadBalancerAttributes: [
          attr("access_logs.s3.enabled", !flaws.has("no-access-logs")),
          { key: "access_logs.s3.bucket", value: flaws.has("no-access-logs") ? "" : `${ctx.alias}-elb-logs-${ctx.accountId}` },
          attr("deletion_protection.enabled", !flaws.has("no-deletion-protection")),
          attr("routing.http.drop_invalid_header_fields.enabled", !flaws.has("keeps-invalid-headers")),
          { key: "idle_timeout.timeout_seconds", value: "60" },
        ],
      },
      tags: { Name: name },
      relationships: [{ resourceType: "AWS::EC2::VPC", resourceId: net.vpcId, relationshipName: "Is contained in Vpc" }],
    };
    const listener = (protocol: string, port: number, extra: Record<string, unknown>): Draft => {
      const arn = `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.accountId}:listener/app/${name}/${lbArn.split("/").pop()}/${ctx.rng.hex(16)}`;
      return {
        resourceType: "AWS::ElasticLoadBalancingV2::Listener", resourceId: arn, resourceName: null, arn, availabilityZone: "Not Applicable",
        configuration: { ListenerArn: arn, LoadBalancerArn: lbArn, Port: port, Protocol: protocol, ...extra },
        relationships: [{ resourceType: "AWS::ElasticLoadBalancingV2::LoadBalancer", resourceId: lbArn, relationshipName: "Is attached to LoadBalancer" }],
      };
    };
    const targetGroup = `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.accountId}:targetgroup/${name.slice(0, 20)}-tg/${ctx.rng.hex(16)}`;
    const http = flaws.has("listener-http-no-redirect")
      ? listener("HTTP", 80, { DefaultActions: [{ Type: "forward", TargetGroupArn: targetGroup }] })
      : listener("HTTP", 80, { DefaultActions: [{ Type: "redirect", RedirectConfig: { Protocol: "HTTPS", Port: "443", Host: "#{host}", Path: "/#{path}", Query: "#{query}", StatusCode: "HTTP_301" } }] });
    const https = listener("HTTPS", 443, {
      SslPolicy: flaws.has("listener-weak-tls") ? "ELBSecurityPolicy-2016-08" : "ELBSecurityPolicy-TLS13-1-2-2021-06",
      Certificates: [{ CertificateArn: acmArn(ctx) }], DefaultActions: [{ Type: "forward", TargetGroupArn: targetGroup }],
    });
    return [lb, http, https];
  },
};

export const cloudFrontSpec: AwsTypeSpec = {
  type: "AWS::CloudFront::Distribution",
  flaws: ["allow-http", "old-tls"],
  weight: 0.5,
  global: true,
  build(ctx, flaws) {
    const id = `E${ctx.rng.hex(13).toUpperCase()}`;
    const bucket = ctx.bucketNames.length > 0 ? ctx.rng.pick(ctx.bucketNames) : `${ctx.alias}-static`;
    const viewer = flaws.has("allow-http") ? "allow-all" : ctx.rng.pick(["redirect-to-https", "https-only"]);
    const alias = `${systemName(ctx)}.${ctx.alias}.example.org`;
    return {
      resourceId: id, resourceName: null, arn: `arn:aws:cloudfront::${ctx.accountId}:distribution/${id}`, availabilityZone: "Not Applicable",
      configuration: {
        id, arn: `arn:aws:cloudfront::${ctx.accountId}:distribution/${id}`, status: "Deployed", domainName: `d${ctx.rng.hex(13)}.cloudfront.net`, lastModifiedTime: isoDaysAgo(ctx, 1, 300),
        distributionConfig: {
          callerReference: uuid(ctx), aliases: { quantity: 1, items: [alias] }, defaultRootObject: "index.html", comment: alias, enabled: true, priceClass: "PriceClass_100",
          origins: { quantity: 1, items: [{ id: "s3-origin", domainName: `${bucket}.s3.amazonaws.com`, originPath: "", s3OriginConfig: { originAccessIdentity: "" } }] },
          defaultCacheBehavior: { targetOriginId: "s3-origin", viewerProtocolPolicy: viewer, compress: true, allowedMethods: { quantity: 2, items: ["HEAD", "GET"] } },
          cacheBehaviors: { quantity: 1, items: [{ pathPattern: "/api/*", targetOriginId: "s3-origin", viewerProtocolPolicy: "https-only" }] },
          viewerCertificate: { aCMCertificateArn: `arn:aws:acm:us-east-1:${ctx.accountId}:certificate/${uuid(ctx)}`, sSLSupportMethod: "sni-only", minimumProtocolVersion: flaws.has("old-tls") ? "TLSv1_2016" : "TLSv1.2_2021" },
          logging: { enabled: true, includeCookies: false, bucket: `${ctx.alias}-cf-logs.s3.amazonaws.com`, prefix: id },
        },
      },
      tags: { Name: alias },
    };
  },
};

export const acmCertificateSpec: AwsTypeSpec = {
  type: "AWS::ACM::Certificate",
  flaws: ["expiring-soon"],
  weight: 1,
  build(ctx, flaws) {
    const arn = acmArn(ctx);
    const domain = `${systemName(ctx)}.${ctx.alias}.example.org`;
    const notAfter = flaws.has("expiring-soon") ? isoDaysAhead(ctx, 1, 5) : isoDaysAhead(ctx, 60, 390);
    return {
      resourceId: arn, resourceName: domain, arn, availabilityZone: "Not Applicable", createdAt: isoDaysAgo(ctx, 10, 300),
      configuration: {
        certificateArn: arn, domainName: domain, subjectAlternativeNames: [domain], status: "ISSUED", type: flaws.has("expiring-soon") ? "IMPORTED" : "AMAZON_ISSUED",
        notBefore: isoDaysAgo(ctx, 10, 300), notAfter, keyAlgorithm: "RSA_2048", signatureAlgorithm: "SHA256WITHRSA", inUseBy: [], renewalEligibility: flaws.has("expiring-soon") ? "INELIGIBLE" : "ELIGIBLE",
        domainValidationOptions: [{ domainName: domain, validationDomain: domain, validationStatus: "SUCCESS", validationMethod: "DNS" }],
      },
      tags: { Name: domain },
    };
  },
};

export const apiStageSpec: AwsTypeSpec = {
  type: "AWS::ApiGateway::Stage",
  flaws: ["no-logging"],
  weight: 1,
  build(ctx, flaws) {
    const apiId = ctx.rng.hex(10);
    const stage = ctx.rng.pick(["prod", "v1", "live"]);
    const arn = `arn:aws:apigateway:${ctx.region}::/restapis/${apiId}/stages/${stage}`;
    const logging = !flaws.has("no-logging");
    return {
      resourceId: arn, resourceName: stage, arn, availabilityZone: "Regional", createdAt: isoDaysAgo(ctx, 5, 600),
      configuration: {
        stageName: stage, restApiId: apiId, deploymentId: ctx.rng.hex(6), tracingEnabled: logging, cacheClusterEnabled: false,
        methodSettings: { "*/*": { metricsEnabled: true, loggingLevel: logging ? "INFO" : "OFF", dataTraceEnabled: false, throttlingBurstLimit: 5000, throttlingRateLimit: 10000 } },
        ...(logging ? { accessLogSettings: { destinationArn: `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:/apigw/${apiId}`, format: "$context.requestId" } } : {}),
        createdDate: isoDaysAgo(ctx, 5, 600), lastUpdatedDate: isoDaysAgo(ctx, 0, 5),
      },
      tags: { Team: "patient-portal" },
    };
  },
};
