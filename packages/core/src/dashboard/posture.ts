// The current posture of an organisation from one GROUP BY over its live findings. Every chart on
// the overview (score, severity, account, HIPAA standard, safeguard) is a fold over these rows, so
// the figures agree with each other and the findings table is read once per page view.
import { Prisma } from "@safeguard/db/client";
import type { OrgReader } from "@safeguard/db/tenant";
import { getCheck, STANDARDS } from "@safeguard/controls/catalog";
import { SEVERITY_WEIGHTS, scorePercent, type ScoredSeverity } from "../compliance/score";

export interface PostureRow {
  accountId: string;
  checkId: string;
  severity: ScoredSeverity;
  status: "PASS" | "FAIL" | "ERROR" | "NOT_APPLICABLE";
  suppressed: boolean;
  n: number;
}

export interface Tally {
  pass: number;
  fail: number;
  error: number;
  suppressed: number;
  weightedPass: number;
  weightedTotal: number;
  /** weighted score 0–100, null when nothing is scored */
  score: number | null;
}

export const emptyTally = (): Tally => ({ pass: 0, fail: 0, error: 0, suppressed: 0, weightedPass: 0, weightedTotal: 0, score: null });

/** Adds one posture row with the score rules of compliance/score.ts (suppressed and N/A leave the score). */
export function addTo(t: Tally, r: PostureRow): void {
  if (r.suppressed) {
    t.suppressed += r.n;
    return;
  }
  if (r.status === "NOT_APPLICABLE") return;
  const w = SEVERITY_WEIGHTS[r.severity] * r.n;
  t.weightedTotal += w;
  if (r.status === "PASS") {
    t.pass += r.n;
    t.weightedPass += w;
  } else if (r.status === "FAIL") t.fail += r.n;
  else t.error += r.n;
}

export function finish(t: Tally): Tally {
  t.score = scorePercent(t);
  return t;
}

/** In-scope findings of live resources, grouped. Out-of-scope findings never count (see score.ts). */
export async function loadPosture({ db }: { db: OrgReader }): Promise<PostureRow[]> {
  return db.rows<PostureRow>(Prisma.sql`
    SELECT account_id AS "accountId", check_id AS "checkId", severity::text AS severity, status::text AS status,
           suppressed, count(*)::int AS n
    FROM findings WHERE deleted_at IS NULL AND in_scope
    GROUP BY 1, 2, 3, 4, 5`);
}

const standardOf = new Map<string, string>();
for (const s of STANDARDS) {
  standardOf.set(s.citation, s.citation);
  for (const spec of s.specifications) standardOf.set(spec.citation, s.citation);
}

/** The standards a check gives evidence for (a check citing two specs of one standard counts once). */
export function standardsOfCheck(checkId: string): string[] {
  const out = new Set<string>();
  for (const c of getCheck(checkId)?.citations ?? []) {
    const s = standardOf.get(c);
    if (s) out.add(s);
  }
  return [...out];
}

/** "164.312(a)(1)" -> "164.312" */
export function sectionOf(citation: string): string {
  return citation.slice(0, 7);
}
