import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Ten single-use recovery codes, shown once. Each is 50 random bits (10 base32 chars, shown as
 * xxxxx-xxxxx), so a fast sha256 is enough to store them: unlike passwords they cannot be guessed
 * from a dictionary.
 */
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o/1/l: read aloud and typed by hand
export const RECOVERY_CODE_COUNT = 10;

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  const plain = code.toLowerCase().replace(/[^a-z0-9]/g, "");
  return plain.length === 10 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(`safeguard-recovery:${normaliseRecoveryCode(code)}`).digest("hex");
}

/** Returns the remaining hashes when the code matches one (it is consumed), or null. */
export function consumeRecoveryCode(hashes: readonly string[], code: string): string[] | null {
  const candidate = Buffer.from(hashRecoveryCode(code));
  const index = hashes.findIndex((h) => h.length === candidate.length && timingSafeEqual(Buffer.from(h), candidate));
  return index < 0 ? null : hashes.filter((_, i) => i !== index);
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
}
