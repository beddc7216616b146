import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * TOTP (RFC 6238) over HOTP (RFC 4226), with the base32 secret encoding authenticator apps expect
 * (RFC 4648, no padding). Verified against the RFC 6238 appendix B vectors in totp.test.ts.
 */
export type TotpAlgorithm = "sha1" | "sha256" | "sha512";
export interface TotpOptions {
  stepSeconds?: number;
  digits?: number;
  algorithm?: TotpAlgorithm;
}

export function hotp(secret: Buffer, counter: bigint, digits = 6, algorithm: TotpAlgorithm = "sha1"): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(counter);
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f; // dynamic truncation (RFC 4226 §5.3)
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, "0");
}

export function totpStep(timeMs: number, stepSeconds = 30): bigint {
  return BigInt(Math.floor(timeMs / 1000 / stepSeconds));
}

export function totp(secret: Buffer, timeMs: number, options: TotpOptions = {}): string {
  return hotp(secret, totpStep(timeMs, options.stepSeconds), options.digits, options.algorithm);
}

/**
 * Checks a code within ±window steps (clock drift). Returns the matching step, so the caller can
 * refuse a code that was already used (replay), or null.
 */
export function verifyTotp(secret: Buffer, code: string, timeMs: number, window = 1, options: TotpOptions = {}): bigint | null {
  const digits = options.digits ?? 6;
  const cleaned = code.replace(/\s+/g, "");
  if (!new RegExp(`^\\d{${digits}}$`).test(cleaned)) return null;
  const now = totpStep(timeMs, options.stepSeconds);
  for (let d = -window; d <= window; d++) {
    const candidate = hotp(secret, now + BigInt(d), digits, options.algorithm);
    if (timingSafeEqual(Buffer.from(candidate), Buffer.from(cleaned))) return now + BigInt(d);
  }
  return null;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(data: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, "");
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error("Invalid base32 character");
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** 20 random bytes = 160 bits, the size RFC 4226 recommends for HMAC-SHA1. */
export function generateTotpSecret(): Buffer {
  return randomBytes(20);
}

export function otpauthUri(secret: Buffer, account: string, issuer = "Safeguard"): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const params = new URLSearchParams({ secret: base32Encode(secret), issuer, algorithm: "SHA1", digits: "6", period: "30" });
  return `otpauth://totp/${label}?${params.toString()}`;
}
