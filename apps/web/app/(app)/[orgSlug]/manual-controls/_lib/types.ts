import type { ManualControlItem } from "@safeguard/core/manual-controls/list-manual-controls";
import type { Wire } from "../../findings/_lib/wire";

export type ManualControlRow = Wire<ManualControlItem>;
export interface Member { userId: string; name: string; email: string }
export interface Attestation { id: string; statement: string; attestedAt: string; attestedBy: string | null; files: Array<{ id: string; fileName: string; sizeBytes: number; sha256: string }> }
