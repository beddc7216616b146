// EC2 security groups, network ACLs and instances.
import { aws, fix } from "../../lib/define";
import { asArray, isObj, lower, num } from "../../lib/path";
import { awsOpenCidr, awsPermCoversTcpPort, awsPermIsUnrestricted, INTERNET_V4, INTERNET_V6 } from "../../lib/network";
import { error, ev, fail, na, pass, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import type { CheckResult, Evidence } from "../../types";
import { inBackupPlan } from "./backup-plan";
import { ROUTE_TABLE, subnetIsPublic } from "./vpc-routes";

const SG = "AWS::EC2::SecurityGroup";
const INSTANCE = "AWS::EC2::Instance";
const PERMS = "configuration.ipPermissions";

function ingressOpen(r: ResourceSnapshot, ports: readonly number[]): CheckResult {
  const perms = r.configuration?.ipPermissions;
  if (perms !== undefined && !Array.isArray(perms)) return error(`${PERMS} is not a list`);
  const evidence: Evidence[] = [];
  for (const perm of asArray(perms)) {
    const cidr = awsOpenCidr(perm);
    if (!cidr) continue;
    for (const port of ports) {
      if (awsPermCoversTcpPort(perm, port)) {
        const pm = perm as Record<string, unknown>;
        evidence.push(ev(PERMS, { ipProtocol: pm.ipProtocol, fromPort: pm.fromPort ?? null, toPort: pm.toPort ?? null, cidr, port }, `no ${INTERNET_V4} or ${INTERNET_V6} on port ${port}`));
        break;
      }
    }
  }
  return evidence.length > 0 ? fail(evidence) : pass([ev(PERMS, `${asArray(perms).length} rule(s), none open to the Internet on ${ports.join(",")}`)]);
}

const sgRemediation = (port: string) =>
  fix(`EC2 > Security groups > group > Inbound rules: remove ${port} from 0.0.0.0/0 and ::/0; use SSM Session Manager or a VPN.`, `aws ec2 revoke-security-group-ingress --group-id SG --protocol tcp --port ${port} --cidr 0.0.0.0/0`, "ingress { cidr_blocks = [var.admin_cidr] } (never 0.0.0.0/0)");

// Conformance pack blockedPort1..5 plus the database and remote-admin ports Steampipe and Prowler add.
const ADMIN_PORTS = [20, 21, 23, 1433, 1521, 3306, 4333, 5432, 5500, 5601, 6379, 9200, 27017];

export const ec2Checks = [
  aws({
    id: "aws.ec2.security-group.no-ssh-from-internet",
    resourceType: SG,
    title: "Security group does not allow SSH (22) from the Internet",
    rationale: "SSH open to 0.0.0.0/0 or ::/0 exposes hosts processing ePHI to brute force and exploitation.",
    severity: "high",
    citations: C.network,
    reads: [`${PERMS}[].ipProtocol|fromPort|toPort|ipv4Ranges[].cidrIp|ipv6Ranges[].cidrIpv6|ipRanges[]`],
    remediation: sgRemediation("22"),
    evaluate: (r) => ingressOpen(r, [22]),
  }),
  aws({
    id: "aws.ec2.security-group.no-rdp-from-internet",
    resourceType: SG,
    title: "Security group does not allow RDP (3389) from the Internet",
    rationale: "RDP open to the Internet is a leading ransomware entry point.",
    severity: "high",
    citations: C.network,
    reads: [`${PERMS}[]`],
    remediation: sgRemediation("3389"),
    evaluate: (r) => ingressOpen(r, [3389]),
  }),
  aws({
    id: "aws.ec2.security-group.no-admin-ports-from-internet",
    resourceType: SG,
    title: "Security group does not open admin or database ports to the Internet",
    rationale: `FTP, Telnet and database ports (${ADMIN_PORTS.join(", ")}) open to the world expose ePHI stores directly.`,
    severity: "high",
    citations: C.network,
    reads: [`${PERMS}[]`],
    remediation: sgRemediation("PORT"),
    evaluate: (r) => ingressOpen(r, ADMIN_PORTS),
  }),
  aws({
    id: "aws.ec2.security-group.no-unrestricted-ingress",
    resourceType: SG,
    title: "Security group does not allow all traffic from the Internet",
    rationale: "A rule admitting every protocol and port from 0.0.0.0/0 or ::/0 removes the network boundary entirely.",
    severity: "critical",
    citations: C.network,
    reads: [`${PERMS}[]`],
    remediation: sgRemediation("ALL"),
    evaluate(r) {
      const bad = asArray(r.configuration?.ipPermissions).filter((x) => awsOpenCidr(x) && awsPermIsUnrestricted(x));
      return verdict(bad.length === 0, [ev(PERMS, bad.length === 0 ? "no all-traffic rule from the Internet" : bad, "no all-protocol rule from 0.0.0.0/0 or ::/0")]);
    },
  }),
  aws({
    id: "aws.ec2.security-group.default-restricts-all",
    resourceType: SG,
    title: "Default security group allows no traffic",
    rationale: "Resources launched without an explicit group land in the default one; it must admit nothing.",
    severity: "medium",
    citations: C.network,
    reads: ["configuration.groupName", `${PERMS}`, "configuration.ipPermissionsEgress"],
    remediation: fix("EC2 > Security groups > default > remove all inbound and outbound rules.", "aws ec2 revoke-security-group-ingress --group-id SG --ip-permissions file://default-rules.json", "resource \"aws_default_security_group\" { vpc_id = aws_vpc.main.id } (no rules)"),
    evaluate(r) {
      const c = r.configuration ?? {};
      if (c.groupName !== "default") return na("not a default security group", [ev("configuration.groupName", c.groupName ?? null)]);
      const inN = asArray(c.ipPermissions).length;
      const outN = asArray(c.ipPermissionsEgress).length;
      return verdict(inN === 0 && outN === 0, [ev(PERMS, inN, 0), ev("configuration.ipPermissionsEgress", outN, 0)]);
    },
  }),
  aws({
    id: "aws.ec2.network-acl.no-unrestricted-ingress",
    resourceType: "AWS::EC2::NetworkAcl",
    title: "Network ACL does not allow all inbound traffic from the Internet",
    rationale: "A subnet ACL admitting every port from anywhere leaves only security groups between ePHI and the Internet.",
    severity: "medium",
    citations: C.network,
    reads: ["configuration.entries[].egress|ruleAction|cidrBlock|ipv6CidrBlock|protocol|portRange"],
    remediation: fix("VPC > Network ACLs > acl > Inbound rules: replace allow-all with specific ports.", "aws ec2 replace-network-acl-entry --network-acl-id ACL --ingress --rule-number N --protocol tcp --port-range From=443,To=443 --cidr-block 0.0.0.0/0 --rule-action allow", "ingress { protocol = \"tcp\" from_port = 443 to_port = 443 }"),
    evaluate(r) {
      const bad: unknown[] = [];
      for (const e of asArray(r.configuration?.entries)) {
        if (!isObj(e) || e.egress === true || lower(e.ruleAction) !== "allow") continue;
        if (e.cidrBlock !== INTERNET_V4 && e.ipv6CidrBlock !== INTERNET_V6) continue;
        const proto = String(e.protocol ?? "");
        const pr = isObj(e.portRange) ? e.portRange : undefined;
        if (proto === "-1" || (pr && (num(pr.from) ?? 0) <= 0 && (num(pr.to) ?? 65535) >= 65535)) bad.push({ ruleNumber: e.ruleNumber, protocol: proto, cidr: e.cidrBlock ?? e.ipv6CidrBlock });
      }
      return verdict(bad.length === 0, [ev("configuration.entries", bad.length === 0 ? "no allow-all ingress from the Internet" : bad, "no allow-all ingress entry")]);
    },
  }),
  aws({
    id: "aws.ec2.instance.no-public-ip",
    resourceType: INSTANCE,
    title: "EC2 instance has no public IPv4 address",
    rationale: "Instances processing ePHI should be reachable only through load balancers, bastions or private links.",
    severity: "medium",
    citations: C.publicAccess,
    reads: ["configuration.publicIpAddress", "configuration.networkInterfaces[].association.publicIp"],
    remediation: fix("Launch in a private subnet behind a load balancer; disassociate Elastic IPs.", "aws ec2 disassociate-address --association-id ASSOC", "resource \"aws_instance\" { associate_public_ip_address = false }"),
    evaluate(r) {
      const ip = publicIp(r);
      return verdict(ip === undefined, [ev("configuration.networkInterfaces[].association.publicIp", ip ?? null, null)]);
    },
  }),
  aws({
    id: "aws.ec2.instance.public-ip-in-public-subnet",
    resourceType: INSTANCE,
    title: "EC2 instance is not directly reachable from the Internet (public IP in a public subnet)",
    rationale: "A public IP only matters when the subnet routes 0.0.0.0/0 to an internet gateway; together they expose the host.",
    severity: "high",
    citations: C.publicAccess,
    contextTypes: [ROUTE_TABLE],
    reads: ["configuration.subnetId", "configuration.vpcId", "configuration.networkInterfaces[].association.publicIp", "AWS::EC2::RouteTable configuration.routes|associations"],
    remediation: fix("Move the instance to a private subnet (NAT for egress) or remove its public IP.", "aws ec2 disassociate-address --association-id ASSOC", "subnet_id = aws_subnet.private.id"),
    evaluate(r, ctx) {
      const ip = publicIp(r);
      if (ip === undefined) return pass([ev("configuration.networkInterfaces[].association.publicIp", null)]);
      const subnet = r.configuration?.subnetId;
      if (typeof subnet !== "string") return error("configuration.subnetId not recorded");
      const pub = subnetIsPublic(ctx, subnet, r.configuration?.vpcId);
      if (typeof pub === "string") return error(pub, [ev("configuration.subnetId", subnet)]);
      return verdict(!pub.isPublic, [ev("configuration.networkInterfaces[].association.publicIp", ip), ev(`AWS::EC2::RouteTable(${pub.routeTableId}).routes`, pub.route ?? "no 0.0.0.0/0 route to an internet gateway", "no igw default route")]);
    },
  }),
  aws({
    id: "aws.ec2.instance.imdsv2-required",
    resourceType: INSTANCE,
    title: "EC2 instance requires IMDSv2",
    rationale: "IMDSv1 lets an SSRF flaw steal the instance role's credentials, and with them access to ePHI stores.",
    severity: "medium",
    citations: cite(C.leastPrivilege, ["164.312(d)"]),
    reads: ["configuration.metadataOptions.httpTokens", "configuration.metadataOptions.httpEndpoint"],
    remediation: fix("EC2 > instance > Actions > Instance settings > Modify instance metadata options: IMDSv2 Required.", "aws ec2 modify-instance-metadata-options --instance-id I --http-tokens required", "metadata_options { http_tokens = \"required\" }"),
    evaluate(r) {
      const mo = r.configuration?.metadataOptions;
      if (!isObj(mo)) return fail([ev("configuration.metadataOptions.httpTokens", null, "required")]);
      if (mo.httpEndpoint === "disabled") return pass([ev("configuration.metadataOptions.httpEndpoint", "disabled")]);
      return verdict(mo.httpTokens === "required", [ev("configuration.metadataOptions.httpTokens", mo.httpTokens ?? null, "required")]);
    },
  }),
  aws({
    id: "aws.ec2.instance.in-vpc",
    resourceType: INSTANCE,
    title: "EC2 instance runs in a VPC",
    rationale: "Only VPC networking gives security groups, flow logs and private subnets around ePHI workloads.",
    severity: "low",
    citations: C.network,
    reads: ["configuration.vpcId"],
    remediation: fix("Migrate the instance into a VPC.", "aws ec2 run-instances --subnet-id SUBNET ...", "resource \"aws_instance\" { subnet_id = aws_subnet.private.id }"),
    evaluate(r) {
      const v = r.configuration?.vpcId;
      return verdict(typeof v === "string" && v !== "", [ev("configuration.vpcId", v ?? null, "a VPC id")]);
    },
  }),
  aws({
    id: "aws.ec2.instance.ssm-managed",
    resourceType: INSTANCE,
    title: "EC2 instance is managed by Systems Manager",
    rationale: "SSM management is how patches and anti-malware are applied and verified on the fleet.",
    severity: "medium",
    citations: C.malware,
    contextTypes: ["AWS::SSM::ManagedInstanceInventory"],
    reads: ["configuration.state.name", "AWS::SSM::ManagedInstanceInventory resourceId = instance id"],
    remediation: fix("Install the SSM agent and attach AmazonSSMManagedInstanceCore to the instance role.", "aws ssm describe-instance-information --filters Key=InstanceIds,Values=I", "iam_instance_profile with AmazonSSMManagedInstanceCore"),
    evaluate(r, ctx) {
      const state = r.configuration?.state;
      const name = isObj(state) ? state.name : state;
      if (name !== undefined && name !== "running") return na(`instance is ${String(name)}`, [ev("configuration.state.name", name)]);
      const inv = ctx.get("AWS::SSM::ManagedInstanceInventory", r.resourceId);
      return verdict(inv !== undefined, [ev("AWS::SSM::ManagedInstanceInventory", inv ? inv.resourceId : null, r.resourceId)]);
    },
  }),
  inBackupPlan("aws.ec2.instance.in-backup-plan", INSTANCE, "EC2 instance"),
  aws({
    id: "aws.ssm.patch-compliance.compliant",
    resourceType: "AWS::SSM::PatchCompliance",
    title: "Managed instance is patch compliant",
    rationale: "Missing security patches are the commonest route to malware on hosts handling ePHI.",
    severity: "high",
    citations: C.malware,
    reads: ["configuration.AWS:ComplianceItem.ComplianceType", "configuration.AWS:ComplianceItem.Status"],
    remediation: fix("Systems Manager > Patch Manager > Patch now, or a maintenance window with AWS-RunPatchBaseline.", "aws ssm send-command --document-name AWS-RunPatchBaseline --targets Key=InstanceIds,Values=I --parameters Operation=Install", "resource \"aws_ssm_maintenance_window_task\" { task_arn = \"AWS-RunPatchBaseline\" }"),
    evaluate(r) {
      const item = r.configuration?.["AWS:ComplianceItem"];
      if (!isObj(item)) return error("configuration.AWS:ComplianceItem not recorded");
      const status = isObj(item.ComplianceSummary) ? item.ComplianceSummary.Status : item.Status;
      if (status === undefined) return error("compliance status not recorded");
      return verdict(status === "COMPLIANT", [ev("configuration.AWS:ComplianceItem.Status", status, "COMPLIANT")]);
    },
  }),
];

function publicIp(r: ResourceSnapshot): string | undefined {
  const c = r.configuration ?? {};
  if (typeof c.publicIpAddress === "string" && c.publicIpAddress !== "") return c.publicIpAddress;
  for (const ni of asArray(c.networkInterfaces)) {
    if (!isObj(ni) || !isObj(ni.association)) continue;
    const ip = ni.association.publicIp;
    if (typeof ip === "string" && ip !== "") return ip;
  }
  return undefined;
}
