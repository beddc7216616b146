// The HIPAA Security Rule as the organisation stands against it: section -> standard ->
// implementation specification -> checks, each with failing-resource counts, and the manual
// controls (specifications cloud configuration cannot show) with their attestation state.
import { Prisma } from "@safeguard/db/client";
import type { OrgReader } from "@safeguard/db/tenant";
import { CHECKS, STANDARDS, type Specification, type Standard } from "@safeguard/controls/catalog";
import { listManualControls, type ManualControlItem } from "../manual-controls/list-manual-controls";
import { SECTIONS } from "../dashboard/summarize-posture";

export interface Counts {
  pass: number;
  fail: number;
  /** distinct resources with a failing (FAIL or ERROR) finding */
  failingResources: number;
}

export interface CheckNode extends Counts {
  id: string;
  title: string;
  severity: string;
  provider: string;
}

export interface ManualState {
  state: ManualControlItem["state"];
  lastAttestedAt: Date | null;
  nextReviewDueAt: Date | null;
  ownerName: string | null;
}

export interface SpecNode extends Counts {
  citation: string;
  title: string;
  requirement: "R" | "A" | null;
  cloudEvidence: string;
  summary: string;
  checks: CheckNode[];
  manual: ManualState | null;
}

export interface StandardNode extends SpecNode {
  specifications: SpecNode[];
}

export interface SectionNode extends Counts {
  section: string;
  title: string;
  standards: StandardNode[];
}

const zero = (): Counts => ({ pass: 0, fail: 0, failingResources: 0 });

/** (check, key) pairs: each check maps to every citation it names, their standard and their section. */
function checkKeyPairs(): { checks: string[]; keys: string[] } {
  const parent = new Map<string, string>();
  for (const s of STANDARDS) for (const sp of s.specifications) parent.set(sp.citation, s.citation);
  const checks: string[] = [];
  const keys: string[] = [];
  for (const c of CHECKS) {
    const ks = new Set<string>();
    for (const cit of c.citations) {
      ks.add(cit);
      const p = parent.get(cit);
      if (p) ks.add(p);
      ks.add(cit.slice(0, 7));
    }
    for (const k of ks) {
      checks.push(c.id);
      keys.push(k);
    }
  }
  return { checks, keys };
}

const PAIRS = checkKeyPairs();

export async function getControlsTree({ db, now = new Date() }: { db: OrgReader; now?: Date }): Promise<SectionNode[]> {
  const live = Prisma.sql`f.deleted_at IS NULL AND f.in_scope AND NOT f.suppressed AND f.status <> 'NOT_APPLICABLE'`;
  const byCheck = await db.rows<{ k: string; pass: number; fail: number }>(Prisma.sql`
    SELECT f.check_id AS k, count(*) FILTER (WHERE f.status = 'PASS')::int AS pass,
           count(*) FILTER (WHERE f.status <> 'PASS')::int AS fail
    FROM findings f WHERE ${live} GROUP BY f.check_id`);
  const byKey = await db.rows<{ k: string; pass: number; fail: number; res: number }>(Prisma.sql`
    WITH m AS (SELECT * FROM unnest(${PAIRS.checks}::text[], ${PAIRS.keys}::text[]) AS m(check_id, k))
    SELECT m.k, count(*) FILTER (WHERE f.status = 'PASS')::int AS pass, count(*) FILTER (WHERE f.status <> 'PASS')::int AS fail,
           count(DISTINCT f.resource_id) FILTER (WHERE f.status <> 'PASS')::int AS res
    FROM findings f JOIN m ON m.check_id = f.check_id WHERE ${live} GROUP BY m.k`);
  const manual = await listManualControls({ db, now });

  // Per check, a failing finding is a failing resource: (resource_id, check_id) is unique.
  const checkCounts = new Map(byCheck.map((r) => [r.k, { pass: r.pass, fail: r.fail, failingResources: r.fail }]));
  const keyCounts = new Map(byKey.map((r) => [r.k, { pass: r.pass, fail: r.fail, failingResources: r.res }]));
  const manualByCitation = new Map(manual.map((m) => [m.citation, m]));

  const checksCiting = (citation: string): CheckNode[] =>
    CHECKS.filter((c) => c.citations.includes(citation)).map((c) => ({
      id: c.id,
      title: c.title,
      severity: c.severity.toUpperCase(),
      provider: c.provider,
      ...(checkCounts.get(c.id) ?? zero()),
    }));
  const manualOf = (citation: string): ManualState | null => {
    const m = manualByCitation.get(citation);
    return m ? { state: m.state, lastAttestedAt: m.lastAttestedAt, nextReviewDueAt: m.nextReviewDueAt, ownerName: m.owner?.name ?? null } : null;
  };
  // Standards and their specifications share every field but the child list.
  const spec = (s: Specification | Standard): SpecNode => ({
    citation: s.citation,
    title: s.title,
    requirement: s.requirement,
    cloudEvidence: s.cloudEvidence,
    summary: s.summary,
    checks: checksCiting(s.citation),
    manual: manualOf(s.citation),
    ...(keyCounts.get(s.citation) ?? zero()),
  });

  return SECTIONS.map((sec) => ({
    ...sec,
    ...(keyCounts.get(sec.section) ?? zero()),
    standards: STANDARDS.filter((s) => s.citation.startsWith(sec.section)).map((s) => ({
      ...spec(s),
      specifications: s.specifications.map(spec),
    })),
  }));
}
