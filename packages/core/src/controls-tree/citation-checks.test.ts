import { describe, expect, it } from "vitest";
import { getCheck } from "@safeguard/controls/catalog";
import { checkIdsForCitation, citationsUnder } from "./citation-checks";

describe("citation -> checks", () => {
  it("a standard covers its implementation specifications, a section covers its standards", () => {
    const access = citationsUnder("164.312(a)(1)");
    expect(access.has("164.312(a)(2)(iv)")).toBe(true);
    expect(access.has("164.312(e)(1)")).toBe(false);
    const technical = citationsUnder("164.312");
    expect(technical.has("164.312(e)(2)(ii)")).toBe(true);
    expect([...technical].every((c) => c.startsWith("164.312"))).toBe(true);
  });

  it("returns exactly the checks citing something under the citation", () => {
    const ids = checkIdsForCitation("164.312(a)(2)(iv)");
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => getCheck(id)!.citations.includes("164.312(a)(2)(iv)"))).toBe(true);
    expect(checkIdsForCitation("164.312(a)(1)").length).toBeGreaterThanOrEqual(ids.length);
    expect(checkIdsForCitation("164.399(z)")).toEqual([]);
  });
});
