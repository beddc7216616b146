import { RULE_ROWS } from "./rows";
import type { CloudEvidence, ManualControl, Safeguard, Specification, Standard } from "./types";

function buildStandards(): Standard[] {
  const standards: Standard[] = [];
  const byCitation = new Map<string, Standard>();
  for (const r of RULE_ROWS) {
    if (r.level !== "standard") continue;
    const s: Standard = {
      citation: r.citation,
      title: r.title,
      safeguard: r.safeguard as Safeguard,
      requirement: null,
      cloudEvidence: r.cloudEvidence as CloudEvidence,
      summary: r.summary,
      specifications: [],
    };
    standards.push(s);
    byCitation.set(s.citation, s);
  }
  for (const r of RULE_ROWS) {
    if (r.level !== "specification" || r.parent === null) continue;
    const parent = byCitation.get(r.parent);
    if (!parent) throw new Error(`rule data: ${r.citation} has unknown parent ${r.parent}`);
    parent.specifications.push({
      citation: r.citation,
      title: r.title,
      safeguard: r.safeguard as Safeguard,
      requirement: r.requirement === "A" ? "A" : "R",
      cloudEvidence: r.cloudEvidence as CloudEvidence,
      summary: r.summary,
    });
  }
  for (const s of standards) if (s.specifications.length === 0) s.requirement = "R";
  return standards;
}

/** The rule tree: 164.308, .310, .312, .314 and .316, standard -> implementation specifications. */
export const STANDARDS: readonly Standard[] = buildStandards();

/** Every citation in the tree (standards and specifications). */
export const CITATIONS: ReadonlySet<string> = new Set(RULE_ROWS.map((r) => r.citation));

/**
 * Standards and specifications that need a person's attestation: those cloud configuration cannot show
 * at all ("no": sanction policy, facility plans…) and those it shows only in part ("partial": a risk
 * analysis, training or a contingency plan is far more than any cloud setting). Cloud checks still count
 * towards the partial ones; the attestation covers the rest.
 */
export const MANUAL_CONTROLS: readonly ManualControl[] = STANDARDS.flatMap((s) => {
  const leaves: Array<Specification | Standard> = s.specifications.length > 0 ? s.specifications : [s];
  return leaves
    .filter((l) => l.cloudEvidence !== "yes")
    .map((l) => ({
      id: `manual.${l.citation}`,
      citation: l.citation,
      title: l.title,
      safeguard: l.safeguard,
      requirement: l.requirement ?? "R",
      summary: l.summary,
      cloudEvidence: l.cloudEvidence,
    }));
});
