export type Safeguard = "administrative" | "physical" | "technical" | "organizational" | "documentation";
/** yes: cloud configuration can show it; partial: it can show part; no: only people and paper can (manual). */
export type CloudEvidence = "yes" | "partial" | "no";

export interface RequirementRow {
  citation: string;
  level: "standard" | "specification";
  parent: string | null;
  safeguard: string;
  title: string;
  /** R (required) / A (addressable) for specifications; null for a standard row. */
  requirement: "R" | "A" | null;
  cloudEvidence: string;
  summary: string;
}

export interface Specification {
  citation: string;
  title: string;
  safeguard: Safeguard;
  requirement: "R" | "A";
  cloudEvidence: CloudEvidence;
  summary: string;
}

export interface Standard extends Omit<Specification, "requirement"> {
  /** A standard without specifications is itself the requirement (Appendix A shows it as R). */
  requirement: "R" | null;
  specifications: Specification[];
}

/** A requirement cloud configuration cannot show: tracked by attestation. */
export interface ManualControl {
  id: string;
  citation: string;
  title: string;
  safeguard: Safeguard;
  requirement: "R" | "A";
  summary: string;
  /** "no": only a person can attest to it; "partial": cloud checks give some evidence, a person attests to the rest */
  cloudEvidence: CloudEvidence;
}
