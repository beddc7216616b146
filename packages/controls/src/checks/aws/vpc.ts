// VPCs and subnets: flow logs and Internet exposure.
import { aws, field, fix, isFalse } from "../../lib/define";
import { isObj } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C, cite } from "../../rule/citations";
import type { ResourceSnapshot } from "../../snapshot";
import { ROUTE_TABLE, subnetIsPublic } from "./vpc-routes";

const FLOW_LOG = "AWS::EC2::FlowLog";

export const vpcChecks = [
  aws({
    id: "aws.ec2.vpc.flow-logs-enabled",
    resourceType: "AWS::EC2::VPC",
    title: "VPC has an active flow log",
    rationale: "Flow logs record network connections to and from ePHI systems, needed to review activity and investigate incidents.",
    severity: "medium",
    citations: cite(C.auditLogging, ["164.308(a)(6)(ii)"]),
    contextTypes: [FLOW_LOG],
    reads: ["AWS::EC2::FlowLog configuration.resourceId|flowLogStatus|trafficType"],
    remediation: fix("VPC > vpc > Flow logs > Create flow log (All traffic, to CloudWatch Logs or S3).", "aws ec2 create-flow-logs --resource-type VPC --resource-ids VPC --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::LOGS", "resource \"aws_flow_log\" { vpc_id = aws_vpc.main.id  traffic_type = \"ALL\" }"),
    evaluate(r, ctx) {
      const byVpc = ctx.memo("aws-flow-logs-by-resource", () => {
        const m = new Map<string, ResourceSnapshot[]>();
        for (const fl of ctx.ofType(FLOW_LOG)) {
          const id = fl.configuration?.resourceId;
          if (typeof id !== "string") continue;
          const l = m.get(id);
          if (l) l.push(fl);
          else m.set(id, [fl]);
        }
        return m;
      });
      const logs = byVpc.get(r.resourceId) ?? [];
      const active = logs.find((fl) => fl.configuration?.flowLogStatus === "ACTIVE");
      return verdict(active !== undefined, [ev("AWS::EC2::FlowLog.configuration.flowLogStatus", active ? { flowLogId: active.resourceId, trafficType: active.configuration?.trafficType ?? null } : logs.length === 0 ? "no flow log for this VPC" : "no ACTIVE flow log", "ACTIVE")]);
    },
  }),
  aws({
    id: "aws.ec2.subnet.no-auto-public-ip",
    resourceType: "AWS::EC2::Subnet",
    title: "Subnet does not auto-assign public IPs",
    rationale: "Auto-assigned public IPs expose every instance launched into the subnet without anyone deciding to.",
    severity: "low",
    citations: C.publicAccess,
    reads: ["configuration.mapPublicIpOnLaunch"],
    remediation: fix("VPC > Subnets > subnet > Edit subnet settings: clear Auto-assign public IPv4.", "aws ec2 modify-subnet-attribute --subnet-id SUBNET --no-map-public-ip-on-launch", "resource \"aws_subnet\" { map_public_ip_on_launch = false }"),
    evaluate: field({ path: "configuration.mapPublicIpOnLaunch", ok: isFalse, expected: false, missing: "na" }),
  }),
  aws({
    id: "aws.ec2.subnet.phi-subnet-private",
    resourceType: "AWS::EC2::Subnet",
    title: "Subnet tagged as holding ePHI has no route to an internet gateway",
    rationale: "ePHI subnets should be private: a 0.0.0.0/0 route to an internet gateway makes any public IP in them reachable.",
    severity: "high",
    citations: C.publicAccess,
    contextTypes: [ROUTE_TABLE],
    needsConfiguration: false,
    reads: ["tags", "configuration.vpcId", "AWS::EC2::RouteTable configuration.routes[].destinationCidrBlock|gatewayId, associations[].subnetId|main"],
    remediation: fix("Route the subnet's 0.0.0.0/0 through a NAT gateway, not an internet gateway.", "aws ec2 replace-route --route-table-id RT --destination-cidr-block 0.0.0.0/0 --nat-gateway-id NAT", "resource \"aws_route\" { nat_gateway_id = aws_nat_gateway.main.id }"),
    evaluate(r, ctx, state) {
      if (!state.phiTagged) return na("subnet is not tagged as holding ePHI", [ev("tags", r.tags)]);
      const vpcId = isObj(r.configuration) ? r.configuration.vpcId : undefined;
      const pub = subnetIsPublic(ctx, r.resourceId, vpcId);
      if (typeof pub === "string") return error(pub);
      return verdict(!pub.isPublic, [ev(`AWS::EC2::RouteTable(${pub.routeTableId}).routes`, pub.route ?? "no 0.0.0.0/0 route to an internet gateway", "no igw default route")]);
    },
  }),
];
