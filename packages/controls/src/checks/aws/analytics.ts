// OpenSearch domains and Redshift clusters.
import { atLeast, aws, field, fix, isFalse, isTrue } from "../../lib/define";
import { asArray, isObj } from "../../lib/path";
import { error, ev, verdict } from "../../lib/result";
import { C } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";

const OS = "AWS::OpenSearch::Domain";
const RS = "AWS::Redshift::Cluster";
const RS_PG = "AWS::Redshift::ClusterParameterGroup";

export const analyticsChecks = [
  aws({
    id: "aws.opensearch.domain.encrypted-at-rest", resourceType: OS, severity: "high", citations: C.encryptionAtRest,
    title: "OpenSearch domain encrypts data at rest",
    rationale: "Search indexes often hold copies of clinical documents; they must be encrypted like the source.",
    reads: ["configuration.EncryptionAtRestOptions.Enabled"],
    remediation: fix("OpenSearch > domain > Security configuration > Edit: Enable encryption of data at rest.", "aws opensearch update-domain-config --domain-name D --encryption-at-rest-options Enabled=true", "encrypt_at_rest { enabled = true }"),
    evaluate: field({ path: "configuration.EncryptionAtRestOptions.Enabled", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.opensearch.domain.node-to-node-encryption", resourceType: OS, severity: "high", citations: C.encryptionInTransit,
    title: "OpenSearch domain encrypts node-to-node traffic",
    rationale: "Without it, shard replication carries ePHI in clear text inside the VPC.",
    reads: ["configuration.NodeToNodeEncryptionOptions.Enabled"],
    remediation: fix("OpenSearch > domain > Security configuration > Edit: Node-to-node encryption.", "aws opensearch update-domain-config --domain-name D --node-to-node-encryption-options Enabled=true", "node_to_node_encryption { enabled = true }"),
    evaluate: field({ path: "configuration.NodeToNodeEncryptionOptions.Enabled", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.opensearch.domain.https-tls12", resourceType: OS, severity: "medium", citations: C.encryptionInTransit,
    title: "OpenSearch domain enforces HTTPS with TLS 1.2+",
    rationale: "EnforceHTTPS with a Policy-Min-TLS-1-2 policy keeps queries and results encrypted in transit.",
    reads: ["configuration.DomainEndpointOptions.EnforceHTTPS", "configuration.DomainEndpointOptions.TLSSecurityPolicy"],
    remediation: fix("OpenSearch > domain > Edit: Require HTTPS, TLS security policy Policy-Min-TLS-1-2-2019-07.", "aws opensearch update-domain-config --domain-name D --domain-endpoint-options EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-2019-07", "domain_endpoint_options { enforce_https = true  tls_security_policy = \"Policy-Min-TLS-1-2-2019-07\" }"),
    evaluate(r) {
      const o = r.configuration?.DomainEndpointOptions;
      if (!isObj(o)) return verdict(false, [ev("configuration.DomainEndpointOptions", null, "EnforceHTTPS true, TLS 1.2 policy")]);
      const pol = o.TLSSecurityPolicy;
      return verdict(o.EnforceHTTPS === true && typeof pol === "string" && pol.includes("TLS-1-2"), [ev("configuration.DomainEndpointOptions.EnforceHTTPS", o.EnforceHTTPS ?? null, true), ev("configuration.DomainEndpointOptions.TLSSecurityPolicy", pol ?? null, "Policy-Min-TLS-1-2-*")]);
    },
  }),
  aws({
    id: "aws.opensearch.domain.in-vpc", resourceType: OS, severity: "high", citations: C.publicAccess,
    title: "OpenSearch domain is deployed in a VPC",
    rationale: "Public-endpoint domains are reachable from the Internet, guarded only by an access policy.",
    reads: ["configuration.VPCOptions.SubnetIds"],
    remediation: fix("VPC access is chosen at creation: create a VPC domain and migrate with snapshots.", "aws opensearch create-domain --vpc-options SubnetIds=S,SecurityGroupIds=G ...", "vpc_options { subnet_ids = [aws_subnet.private.id] }"),
    evaluate(r) {
      const v = r.configuration?.VPCOptions;
      const subnets = isObj(v) ? asArray(v.SubnetIds) : [];
      return verdict(subnets.length > 0, [ev("configuration.VPCOptions.SubnetIds", subnets, "at least one subnet")]);
    },
  }),
  aws({
    id: "aws.redshift.cluster.encrypted", resourceType: RS, severity: "high", citations: C.encryptionAtRest,
    title: "Redshift cluster is encrypted",
    rationale: "Warehouses aggregate ePHI at scale; storage and snapshots must be encrypted.",
    reads: ["configuration.encrypted", "configuration.kmsKeyId"],
    remediation: fix("Redshift > cluster > Properties > Edit encryption: KMS.", "aws redshift modify-cluster --cluster-identifier C --encrypted --kms-key-id KEY", "resource \"aws_redshift_cluster\" { encrypted = true }"),
    evaluate: field({ path: "configuration.encrypted", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.redshift.cluster.audit-logging", resourceType: RS, severity: "medium", citations: C.auditLogging,
    title: "Redshift cluster has audit logging",
    rationale: "Connection and user-activity logs show who queried ePHI.",
    reads: ["supplementaryConfiguration.LoggingStatus.loggingEnabled"],
    remediation: fix("Redshift > cluster > Properties > Audit logging > Edit: on.", "aws redshift enable-logging --cluster-identifier C --log-destination-type cloudwatch --log-exports connectionlog useractivitylog userlog", "logging { enable = true  log_destination_type = \"cloudwatch\" }"),
    evaluate: field({ path: "supplementaryConfiguration.LoggingStatus.loggingEnabled", ok: isTrue, expected: true, missing: "fail" }),
  }),
  aws({
    id: "aws.redshift.cluster.not-public", resourceType: RS, severity: "critical", citations: C.publicAccess,
    title: "Redshift cluster is not publicly accessible",
    rationale: "A public cluster endpoint exposes the warehouse to the Internet.",
    reads: ["configuration.publiclyAccessible"],
    remediation: fix("Redshift > cluster > Actions > Modify publicly accessible setting: off.", "aws redshift modify-cluster --cluster-identifier C --no-publicly-accessible", "resource \"aws_redshift_cluster\" { publicly_accessible = false }"),
    evaluate: field({ path: "configuration.publiclyAccessible", ok: isFalse, expected: false, missing: "error" }),
  }),
  aws({
    id: "aws.redshift.cluster.automated-snapshots", resourceType: RS, severity: "medium", citations: C.backup,
    title: "Redshift cluster keeps automated snapshots for at least 7 days",
    rationale: "Automated snapshots are the warehouse's backup; 0 disables them.",
    reads: ["configuration.automatedSnapshotRetentionPeriod"],
    remediation: fix("Redshift > cluster > Maintenance > Backup: retention 7 days or more.", "aws redshift modify-cluster --cluster-identifier C --automated-snapshot-retention-period 7", "resource \"aws_redshift_cluster\" { automated_snapshot_retention_period = 7 }"),
    evaluate: field({ path: "configuration.automatedSnapshotRetentionPeriod", ok: atLeast(7), expected: ">= 7", missing: "fail" }),
  }),
  aws({
    id: "aws.redshift.cluster.require-ssl", resourceType: RS, severity: "high", citations: C.encryptionInTransit, contextTypes: [RS_PG],
    title: "Redshift cluster parameter group requires SSL",
    rationale: "require_ssl=true refuses unencrypted client connections to the warehouse.",
    reads: ["configuration.clusterParameterGroups[].parameterGroupName", "AWS::Redshift::ClusterParameterGroup supplementaryConfiguration.Parameters[require_ssl].parameterValue"],
    remediation: fix("Redshift > Configurations > Workload management > parameter group: require_ssl true; reboot.", "aws redshift modify-cluster-parameter-group --parameter-group-name PG --parameters ParameterName=require_ssl,ParameterValue=true", "resource \"aws_redshift_parameter_group\" { parameter { name = \"require_ssl\" value = \"true\" } }"),
    evaluate(r, ctx) {
      const name = asArray(r.configuration?.clusterParameterGroups).map((g) => (isObj(g) ? g.parameterGroupName : undefined)).find((n): n is string => typeof n === "string");
      if (!name) return error("configuration.clusterParameterGroups not recorded");
      const idx = ctx.memo("aws-redshift-parameter-groups", () => {
        const m = new Map<string, ResourceSnapshot>();
        for (const g of ctx.ofType(RS_PG)) m.set(`${g.accountId}|${g.region}|${g.resourceId}`, g);
        return m;
      });
      const pg = idx.get(`${r.accountId}|${r.region}|${name}`);
      if (!pg) return error(`parameter group ${name} not in this scan`);
      const p = asArray(pg.supplementaryConfiguration.Parameters).find((x) => isObj(x) && x.parameterName === "require_ssl");
      const v = isObj(p) ? p.parameterValue : undefined;
      return verdict(isTrue(v), [ev("configuration.clusterParameterGroups[].parameterGroupName", name), ev(`${RS_PG}(${name}).supplementaryConfiguration.Parameters[require_ssl]`, v ?? null, "true")]);
    },
  }),
  aws({
    id: "aws.redshift.cluster.enhanced-vpc-routing", resourceType: RS, severity: "low", citations: C.network,
    title: "Redshift cluster uses enhanced VPC routing",
    rationale: "COPY and UNLOAD traffic then stays inside the VPC, under its flow logs and endpoints.",
    reads: ["configuration.enhancedVpcRouting"],
    remediation: fix("Redshift > cluster > Properties > Network: Enhanced VPC routing on.", "aws redshift modify-cluster --cluster-identifier C --enhanced-vpc-routing", "resource \"aws_redshift_cluster\" { enhanced_vpc_routing = true }"),
    evaluate: field({ path: "configuration.enhancedVpcRouting", ok: isTrue, expected: true, missing: "fail" }),
  }),
];
