import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, otpauthUri, totp, verifyTotp, type TotpAlgorithm } from "./totp";

// RFC 6238 Appendix B: 8-digit codes, 30 s step, seeds are ASCII "1234567890" repeated to the hash size.
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from("12345678901234567890"),
  sha256: Buffer.from("12345678901234567890123456789012"),
  sha512: Buffer.from("1234567890123456789012345678901234567890123456789012345678901234"),
};
const VECTORS: Array<[number, string, string, string]> = [
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

describe("TOTP (RFC 6238 test vectors)", () => {
  it.each(VECTORS)("T=%i", (seconds, sha1, sha256, sha512) => {
    expect(totp(SEEDS.sha1, seconds * 1000, { digits: 8, algorithm: "sha1" })).toBe(sha1);
    expect(totp(SEEDS.sha256, seconds * 1000, { digits: 8, algorithm: "sha256" })).toBe(sha256);
    expect(totp(SEEDS.sha512, seconds * 1000, { digits: 8, algorithm: "sha512" })).toBe(sha512);
  });

  it("matches RFC 4226 appendix D HOTP values", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expected.forEach((code, counter) => expect(hotp(SEEDS.sha1, BigInt(counter))).toBe(code));
  });
});

describe("verifyTotp", () => {
  const secret = SEEDS.sha1;
  const now = 1_700_000_000_000;
  it("accepts the current code and one step of drift either way, and reports the step", () => {
    expect(verifyTotp(secret, totp(secret, now), now)).toBe(BigInt(Math.floor(now / 30000)));
    expect(verifyTotp(secret, totp(secret, now - 30_000), now)).not.toBeNull();
    expect(verifyTotp(secret, totp(secret, now + 30_000), now)).not.toBeNull();
  });
  it("rejects codes two steps away, malformed codes and other secrets' codes", () => {
    expect(verifyTotp(secret, totp(secret, now - 90_000), now)).toBeNull();
    expect(verifyTotp(secret, "12345", now)).toBeNull();
    expect(verifyTotp(secret, "abcdef", now)).toBeNull();
    expect(verifyTotp(secret, totp(SEEDS.sha256, now), now)).toBeNull();
  });
  it("tolerates spaces inside the code", () => {
    const code = totp(secret, now);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).not.toBeNull();
  });
});

describe("base32 and otpauth URI", () => {
  it("round-trips and matches RFC 4648 vectors", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Encode(Buffer.from("f"))).toBe("MY");
    expect(base32Decode("MZXW6YTBOI").toString()).toBe("foobar");
    expect(base32Decode("mzxw 6ytb oi").toString()).toBe("foobar");
    expect(() => base32Decode("1!")).toThrow();
  });
  it("builds an authenticator URI with the issuer and base32 secret", () => {
    const uri = otpauthUri(Buffer.from("foobar"), "ann@example.com");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Safeguard%3Aann%40example\.com\?/);
    expect(new URL(uri).searchParams.get("secret")).toBe("MZXW6YTBOI");
  });
});
