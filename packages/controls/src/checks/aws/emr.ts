// Amazon EMR clusters. AWS Config does not record clusters, so the collector builds AWS::EMR::Cluster in CI shape
// (docs/architecture.md): configuration = EMR DescribeCluster `Cluster` (Id, Name, Status.State,
// Ec2InstanceAttributes.Ec2SubnetId, MasterPublicDnsName) plus optional `masterInstances` = ListInstances
// (InstanceGroupTypes MASTER) `Instances` ({ Ec2InstanceId, PublicIpAddress, PrivateIpAddress }).
import { aws, fix } from "../../lib/define";
import { asArray, isObj, type Obj } from "../../lib/path";
import { error, ev, na, verdict } from "../../lib/result";
import { C } from "../../rule/citations";

const CLUSTER = "AWS::EMR::Cluster";
const SUBNET = "AWS::EC2::Subnet";
const GONE = new Set(["TERMINATED", "TERMINATED_WITH_ERRORS"]);

export const emrChecks = [
  aws({
    id: "aws.emr.cluster.master-no-public-ip", resourceType: CLUSTER, severity: "medium", citations: C.publicAccess, contextTypes: [SUBNET],
    title: "EMR cluster master node has no public IP address",
    rationale: "The master node runs the web UIs and SSH for jobs over ePHI; a public address puts them on the Internet.",
    reads: ["configuration.Status.State", "configuration.masterInstances[].PublicIpAddress", "configuration.Ec2InstanceAttributes.Ec2SubnetId", `${SUBNET} configuration.mapPublicIpOnLaunch`],
    remediation: fix("Recreate the cluster in a private subnet (EMR > Create cluster > Networking: private subnet, with a NAT gateway or VPC endpoints); reach it through Session Manager or a bastion.", "aws emr create-cluster --ec2-attributes SubnetId=subnet-PRIVATE,... ...", "resource \"aws_emr_cluster\" { ec2_attributes { subnet_id = aws_subnet.private.id } }"),
    evaluate(r, ctx) {
      const c = isObj(r.configuration) ? r.configuration : {};
      const state = isObj(c.Status) ? c.Status.State : undefined;
      if (typeof state === "string" && GONE.has(state)) return na(`cluster is ${state}`, [ev("configuration.Status.State", state)]);
      const masters = c.masterInstances;
      if (masters === null) return error("master instances could not be listed (configuration.masterInstances is null)");
      if (masters !== undefined) {
        const pub = asArray(masters).filter((m): m is Obj => isObj(m) && typeof m.PublicIpAddress === "string" && m.PublicIpAddress !== "");
        return verdict(pub.length === 0, [ev("configuration.masterInstances[].PublicIpAddress", pub.length === 0 ? "none" : pub.map((m) => ({ Ec2InstanceId: m.Ec2InstanceId ?? null, PublicIpAddress: m.PublicIpAddress })), "none")]);
      }
      // Without the instance list, judge the subnet as Steampipe does: one that auto-assigns public IPs exposes the master.
      const subnetId = isObj(c.Ec2InstanceAttributes) ? c.Ec2InstanceAttributes.Ec2SubnetId : undefined;
      const subnet = typeof subnetId === "string" ? ctx.get(SUBNET, subnetId) : undefined;
      if (!subnet) return na("not collected: master instances are not listed and the cluster's subnet is not in this scan");
      const auto = subnet.configuration?.mapPublicIpOnLaunch;
      return verdict(auto !== true, [ev(`${SUBNET}(${String(subnetId)}).configuration.mapPublicIpOnLaunch`, auto ?? null, false)]);
    },
  }),
];
