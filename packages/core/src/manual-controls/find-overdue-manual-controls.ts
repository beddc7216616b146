// The manual controls that count against the organisation right now: never attested or past their
// review date. Alerts and evidence packs read this; the overview and score use the same rule.
import type { OrgReader } from "@safeguard/db/tenant";
import { listManualControls, type ManualControlItem } from "./list-manual-controls";

export async function findOverdueManualControls({ db, now = new Date() }: { db: OrgReader; now?: Date }): Promise<ManualControlItem[]> {
  const all = await listManualControls({ db, now });
  return all.filter((c) => c.state !== "current");
}
