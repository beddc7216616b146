import { describe, expect, it } from "vitest";
import { consumeRecoveryCode, generateRecoveryCodes, hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";

describe("recovery codes", () => {
  it("generates ten distinct, readable codes", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(looksLikeRecoveryCode(c)).toBe(true);
    }
  });
  it("consumes a code once, ignoring case and the hyphen", () => {
    const codes = generateRecoveryCodes();
    const hashes = codes.map(hashRecoveryCode);
    const remaining = consumeRecoveryCode(hashes, codes[3]!.toUpperCase().replace("-", ""));
    expect(remaining).toHaveLength(9);
    expect(consumeRecoveryCode(remaining!, codes[3]!)).toBeNull();
    expect(consumeRecoveryCode(hashes, "zzzzz-zzzzz")).toBeNull();
  });
  it("stores hashes, not codes", () => {
    const [code] = generateRecoveryCodes(1);
    expect(hashRecoveryCode(code!)).not.toContain(code!.slice(0, 5));
  });
});
