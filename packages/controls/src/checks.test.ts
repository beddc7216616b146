// Table-driven: every check has a passing and a failing fixture, and every fixture case holds.
import { describe, expect, it } from "vitest";
import { loadFixtures } from "../test/fixtures";
import { CHECKS, getCheck } from "./catalog";
import { buildContext } from "./engine";
import { resourceState, DEFAULT_SCOPE } from "./scope";

const files = loadFixtures();

describe("fixture cases", () => {
  for (const f of files) {
    const ctx = buildContext(f.snapshots.values());
    describe(f.file, () => {
      for (const c of f.cases) {
        it(`${c.check} on ${c.item} -> ${c.expect}`, () => {
          const check = getCheck(c.check);
          expect(check, `unknown check ${c.check}`).toBeDefined();
          const snap = f.snapshots.get(c.item);
          expect(snap, `unknown item ${c.item}`).toBeDefined();
          expect(check!.resourceTypes.includes(snap!.resourceType) || check!.resourceTypes.includes("*")).toBe(true);
          const r = check!.evaluate(snap!, ctx, resourceState(snap!, DEFAULT_SCOPE));
          expect({ status: r.status, reason: r.reason }).toMatchObject({ status: c.expect });
          if (r.status === "PASS" || r.status === "FAIL") expect(r.evidence.length).toBeGreaterThan(0);
          else expect(r.reason ?? "").not.toBe("");
        });
      }
    });
  }
});

describe("coverage", () => {
  const seen = new Map<string, Set<string>>();
  for (const f of files) for (const c of f.cases) {
    let s = seen.get(c.check);
    if (!s) seen.set(c.check, (s = new Set()));
    s.add(c.expect);
  }
  for (const check of CHECKS) {
    it(`${check.id} has a PASS and a FAIL fixture`, () => {
      const s = seen.get(check.id) ?? new Set();
      expect([...s].sort()).toEqual(expect.arrayContaining(["FAIL", "PASS"]));
    });
  }
});
