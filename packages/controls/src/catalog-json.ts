// The catalog as plain data (CLI `catalog --json`, docs, the web app).
import { baaServiceFor, BAA_LISTS } from "./baa";
import { CHECKS, MANUAL_CONTROLS, STANDARDS, WILDCARD } from "./catalog";
import type { Check } from "./types";

export interface CatalogCheck {
  id: string;
  provider: "aws" | "azure";
  resourceType: string;
  resourceTypes: string[];
  title: string;
  rationale: string;
  severity: string;
  citations: string[];
  remediation: { console: string; cli: string; terraform: string };
  contextTypes: string[];
  reads: string[];
}

export const checkToJson = (c: Check): CatalogCheck => ({
  id: c.id,
  provider: c.provider,
  resourceType: c.resourceTypes.length === 1 ? c.resourceTypes[0]! : WILDCARD,
  resourceTypes: [...c.resourceTypes],
  title: c.title,
  rationale: c.rationale,
  severity: c.severity,
  citations: [...c.citations],
  remediation: { ...c.remediation },
  contextTypes: [...c.contextTypes],
  reads: [...c.reads],
});

export function catalogJson() {
  const typesUsed = new Set(CHECKS.flatMap((c) => c.resourceTypes.filter((t) => t !== WILDCARD)));
  return {
    standards: STANDARDS,
    manualControls: MANUAL_CONTROLS,
    checks: CHECKS.map(checkToJson),
    baa: {
      lists: BAA_LISTS,
      checkedTypesWithoutBaaService: [...typesUsed].filter((t) => !/^safeguard::/i.test(t) && baaServiceFor(t.startsWith("AWS::") ? "aws" : "azure", t) === null).sort(),
    },
  };
}
