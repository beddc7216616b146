// Every manual control of the HIPAA catalog, merged with the organisation's tracking row (owner,
// statement, cadence, last attestation). Controls nobody has set up yet are listed as "never".
import type { OrgTx } from "@safeguard/db/tenant";
import { MANUAL_CONTROLS } from "@safeguard/controls/catalog";
import { attestationState, type AttestationState } from "./manual-control-state";

export interface ManualControlItem {
  citation: string;
  title: string;
  safeguard: string;
  requirement: "R" | "A";
  summary: string;
  /** null until someone sets the control up */
  id: string | null;
  owner: { id: string; name: string; email: string } | null;
  statement: string;
  reviewIntervalDays: number;
  lastAttestedAt: Date | null;
  nextReviewDueAt: Date | null;
  state: AttestationState;
}

export const DEFAULT_REVIEW_INTERVAL_DAYS = 365;

export async function listManualControls({ tx, now = new Date() }: { tx: OrgTx; now?: Date }): Promise<ManualControlItem[]> {
  const rows = await tx.manualControl.findMany();
  const ownerIds = [...new Set(rows.map((r) => r.ownerUserId).filter((x): x is string => Boolean(x)))];
  // users is a global table: read only the owners who are members of this organisation.
  const owners = ownerIds.length
    ? await tx.membership.findMany({ where: { userId: { in: ownerIds } }, select: { user: { select: { id: true, name: true, email: true } } } })
    : [];
  const ownerById = new Map(owners.map((o) => [o.user.id, o.user]));
  const byCitation = new Map(rows.map((r) => [r.citation, r]));
  return MANUAL_CONTROLS.map((m) => {
    const row = byCitation.get(m.citation);
    return {
      citation: m.citation,
      title: m.title,
      safeguard: m.safeguard,
      requirement: m.requirement,
      summary: m.summary,
      id: row?.id ?? null,
      owner: row?.ownerUserId ? (ownerById.get(row.ownerUserId) ?? null) : null,
      statement: row?.statement ?? "",
      reviewIntervalDays: row?.reviewIntervalDays ?? DEFAULT_REVIEW_INTERVAL_DAYS,
      lastAttestedAt: row?.lastAttestedAt ?? null,
      nextReviewDueAt: row?.nextReviewDueAt ?? null,
      state: attestationState(row, now),
    };
  });
}
