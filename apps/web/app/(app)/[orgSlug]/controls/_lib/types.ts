import type { SectionNode, SpecNode, StandardNode } from "@safeguard/core/controls-tree/get-controls-tree";
import type { Wire } from "../../findings/_lib/wire";

export type Section = Wire<SectionNode>;
export type Standard = Wire<StandardNode>;
export type Spec = Wire<SpecNode>;
