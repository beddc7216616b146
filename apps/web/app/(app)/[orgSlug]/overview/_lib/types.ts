import type { Overview } from "@safeguard/core/dashboard/get-overview";
import type { TrendPoint } from "@safeguard/core/dashboard/get-score-trend";
import type { Wire } from "../../findings/_lib/wire";

export type OverviewData = Wire<Overview>;
export type TrendData = TrendPoint[];
