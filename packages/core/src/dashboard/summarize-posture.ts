// Folds posture rows into the overview's breakdowns. Pure, so it is tested without a database.
import { STANDARDS } from "@safeguard/controls/catalog";
import { addTo, emptyTally, finish, sectionOf, standardsOfCheck, type PostureRow, type Tally } from "./posture";

export const SECTIONS: ReadonlyArray<{ section: string; title: string }> = [
  { section: "164.308", title: "Administrative safeguards" },
  { section: "164.310", title: "Physical safeguards" },
  { section: "164.312", title: "Technical safeguards" },
  { section: "164.314", title: "Organizational requirements" },
  { section: "164.316", title: "Policies, procedures and documentation" },
];

export interface PostureSummary {
  overall: Tally;
  bySeverity: Array<{ severity: string } & Tally>;
  byAccount: Array<{ accountId: string } & Tally>;
  byStandard: Array<{ citation: string; title: string; section: string } & Tally>;
  bySection: Array<{ section: string; title: string } & Tally>;
}

function bucket<K>(m: Map<K, Tally>, k: K): Tally {
  let t = m.get(k);
  if (!t) m.set(k, (t = emptyTally()));
  return t;
}

export function summarizePosture(rows: readonly PostureRow[]): PostureSummary {
  const overall = emptyTally();
  const sev = new Map<string, Tally>();
  const acct = new Map<string, Tally>();
  const std = new Map<string, Tally>();
  const sec = new Map<string, Tally>();
  for (const r of rows) {
    addTo(overall, r);
    addTo(bucket(sev, r.severity), r);
    addTo(bucket(acct, r.accountId), r);
    const standards = standardsOfCheck(r.checkId);
    for (const s of standards) addTo(bucket(std, s), r);
    for (const s of new Set(standards.map(sectionOf))) addTo(bucket(sec, s), r);
  }
  return {
    overall: finish(overall),
    bySeverity: ["CRITICAL", "HIGH", "MEDIUM", "LOW"].map((s) => ({ severity: s, ...finish(sev.get(s) ?? emptyTally()) })),
    byAccount: [...acct].map(([accountId, t]) => ({ accountId, ...finish(t) })),
    byStandard: STANDARDS.filter((s) => std.has(s.citation)).map((s) => ({
      citation: s.citation,
      title: s.title,
      section: sectionOf(s.citation),
      ...finish(std.get(s.citation)!),
    })),
    bySection: SECTIONS.map((s) => ({ ...s, ...finish(sec.get(s.section) ?? emptyTally()) })),
  };
}
