// Is a subnet public? Its route table (explicit association, else the VPC's main table) sends 0.0.0.0/0
// (or ::/0) to an internet gateway.
import { asArray, isObj } from "../../lib/path";
import type { ResourceSnapshot } from "../../snapshot";
import type { EvalContext } from "../../types";

export const ROUTE_TABLE = "AWS::EC2::RouteTable";

interface RouteIndex {
  bySubnet: Map<string, ResourceSnapshot>;
  mainByVpc: Map<string, ResourceSnapshot>;
}

function index(ctx: EvalContext): RouteIndex {
  return ctx.memo("aws-route-tables", () => {
    const bySubnet = new Map<string, ResourceSnapshot>();
    const mainByVpc = new Map<string, ResourceSnapshot>();
    for (const rt of ctx.ofType(ROUTE_TABLE)) {
      for (const a of asArray(rt.configuration?.associations)) {
        if (!isObj(a)) continue;
        if (typeof a.subnetId === "string") bySubnet.set(a.subnetId, rt);
        if (a.main === true && typeof rt.configuration?.vpcId === "string") mainByVpc.set(rt.configuration.vpcId, rt);
      }
    }
    return { bySubnet, mainByVpc };
  });
}

export interface SubnetExposure {
  isPublic: boolean;
  routeTableId: string;
  route?: unknown;
}

export function subnetIsPublic(ctx: EvalContext, subnetId: string, vpcId: unknown): SubnetExposure | string {
  const idx = index(ctx);
  const rt = idx.bySubnet.get(subnetId) ?? (typeof vpcId === "string" ? idx.mainByVpc.get(vpcId) : undefined);
  if (!rt) return `no route table found for subnet ${subnetId} in this scan`;
  for (const route of asArray(rt.configuration?.routes)) {
    if (!isObj(route)) continue;
    const dest = route.destinationCidrBlock ?? route.destinationIpv6CidrBlock;
    const gw = route.gatewayId;
    if ((dest === "0.0.0.0/0" || dest === "::/0") && typeof gw === "string" && gw.startsWith("igw-")) {
      return { isPublic: true, routeTableId: rt.resourceId, route: { destination: dest, gatewayId: gw } };
    }
  }
  return { isPublic: false, routeTableId: rt.resourceId };
}
