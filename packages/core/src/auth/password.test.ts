import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-rules";
import { commonPasswordCount, isCommonPassword } from "./common-passwords";

describe("password hashing (scrypt)", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(a).not.toContain("correct");
    expect(await verifyPassword("correct horse battery staple", a)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", a)).toBe(false);
  });
  it("never verifies against a missing or malformed hash", async () => {
    expect(await verifyPassword("anything at all", null)).toBe(false);
    expect(await verifyPassword("anything at all", "md5$abc")).toBe(false);
  });
});

describe("password rules", () => {
  it("ships a list of a few thousand common passwords", () => {
    expect(commonPasswordCount()).toBeGreaterThan(3000);
  });
  it("requires 12 characters", () => {
    expect(passwordProblem("Xk9#mq2!vL")).toMatch(/12 characters/);
    expect(passwordProblem("plum-orbit-kettle-9")).toBeNull();
  });
  it.each(["password1234", "PASSWORD1234", "Password1234!", "qwertyuiop123", "P@ssw0rd2024!!", "Sunshine2026!!", "123456789012", "iloveyou1234", "passwordpassword", "aaaaaaaaaaaaa"])(
    "refuses the common or trivial %s (case-insensitively)",
    (pw) => expect(passwordProblem(pw)).not.toBeNull(),
  );
  it("refuses the user's own email", () => {
    expect(passwordProblem("dr.jane.doe@clinic.org", { email: "Dr.Jane.Doe@clinic.org" })).toMatch(/email/);
  });
  it("accepts long uncommon passphrases", () => {
    for (const pw of ["violet-anchor-morning-42", "Tr0ub4dor&3-horse-battery", "hipaa audit is on friday!"]) expect(passwordProblem(pw)).toBeNull();
  });
  it("detects list entries regardless of case", () => {
    expect(isCommonPassword("QwErTy123")).toBe(true);
  });
});
