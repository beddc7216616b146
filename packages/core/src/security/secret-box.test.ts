import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EncryptionKeyError, encryptionKey, open, seal } from "./secret-box";

describe("secret box", () => {
  const key = randomBytes(32);
  it("round-trips and never stores the plaintext", () => {
    const sealed = seal("s3cr3t-client-secret", key);
    expect(sealed.includes(Buffer.from("s3cr3t"))).toBe(false);
    expect(open(sealed, key)).toBe("s3cr3t-client-secret");
  });
  it("refuses a tampered ciphertext or the wrong key", () => {
    const sealed = seal("x", key);
    sealed[sealed.length - 1]! ^= 1;
    expect(() => open(sealed, key)).toThrow();
    expect(() => open(seal("x", key), randomBytes(32))).toThrow();
  });
  it("says what is wrong with a bad key setting", () => {
    expect(() => encryptionKey("")).toThrow(EncryptionKeyError);
    expect(() => encryptionKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
