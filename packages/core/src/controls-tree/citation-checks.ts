// Which checks give evidence for a HIPAA citation. A standard covers its implementation
// specifications (164.312(e)(1) -> 164.312(e)(2)(i), (ii)), and a section ("164.312") covers every
// citation under it, so "filter findings by citation" means the same thing at every level of the tree.
import { CHECKS, STANDARDS } from "@safeguard/controls/catalog";

const SECTION = /^164\.3\d\d$/;

/** The citation itself plus, for a standard, its specifications; for a section, everything in it. */
export function citationsUnder(citation: string): Set<string> {
  const out = new Set<string>([citation]);
  for (const s of STANDARDS) {
    const inSection = SECTION.test(citation) && s.citation.startsWith(`${citation}(`);
    if (inSection || s.citation === citation) {
      out.add(s.citation);
      for (const spec of s.specifications) out.add(spec.citation);
    }
  }
  return out;
}

const cache = new Map<string, string[]>();

/** Check ids citing `citation` or anything under it, sorted; empty when nothing cites it. */
export function checkIdsForCitation(citation: string): string[] {
  const hit = cache.get(citation);
  if (hit) return hit;
  const wanted = citationsUnder(citation);
  const ids = CHECKS.filter((c) => c.citations.some((x) => wanted.has(x))).map((c) => c.id).sort();
  cache.set(citation, ids);
  return ids;
}
