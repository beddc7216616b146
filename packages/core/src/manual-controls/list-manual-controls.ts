// Every manual control of the HIPAA catalog, merged with the organisation's tracking row (owner,
// statement, cadence, last attestation). Controls nobody has set up yet are listed as "never".
import { Prisma } from "@safeguard/db/client";
import type { OrgReader } from "@safeguard/db/tenant";
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

interface Row {
  id: string;
  citation: string;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  statement: string;
  reviewIntervalDays: number;
  lastAttestedAt: Date | null;
  nextReviewDueAt: Date | null;
}

export async function listManualControls({ db, now = new Date() }: { db: OrgReader; now?: Date }): Promise<ManualControlItem[]> {
  // users is a global table: the owner is shown only while they are a member of this organisation.
  const rows = await db.rows<Row>(Prisma.sql`
    SELECT m.id, m.citation, m.owner_user_id AS "ownerUserId", u.name AS "ownerName", u.email AS "ownerEmail", m.statement,
           m.review_interval_days AS "reviewIntervalDays", m.last_attested_at AS "lastAttestedAt", m.next_review_due_at AS "nextReviewDueAt"
    FROM manual_controls m
    LEFT JOIN memberships ms ON ms.user_id = m.owner_user_id
    LEFT JOIN users u ON u.id = ms.user_id`);
  const ownerById = new Map(rows.filter((r) => r.ownerUserId && r.ownerEmail).map((r) => [r.ownerUserId as string, { id: r.ownerUserId as string, name: r.ownerName ?? "", email: r.ownerEmail as string }]));
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
