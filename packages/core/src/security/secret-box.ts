import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest (Azure client secrets, TOTP seeds). Layout of the stored bytes:
 * version(1) | iv(12) | tag(16) | ciphertext. The version byte lets the key or algorithm rotate later.
 * The key comes from SAFEGUARD_ENCRYPTION_KEY (32 bytes, base64). Plaintext never leaves the server.
 */
const VERSION = 1;

export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptionKeyError";
  }
}

export function encryptionKey(raw = process.env.SAFEGUARD_ENCRYPTION_KEY): Buffer {
  if (!raw) throw new EncryptionKeyError("SAFEGUARD_ENCRYPTION_KEY is not set (32 random bytes, base64: `openssl rand -base64 32`).");
  const key = Buffer.from(raw, "base64");
  if (key.length !== 32) throw new EncryptionKeyError(`SAFEGUARD_ENCRYPTION_KEY must decode to 32 bytes (got ${key.length}).`);
  return key;
}

export function seal(plaintext: string, key = encryptionKey()): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function open(sealed: Uint8Array, key = encryptionKey()): string {
  const buf = Buffer.from(sealed);
  if (buf[0] !== VERSION || buf.length < 29) throw new Error("Unrecognised sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key, buf.subarray(1, 13));
  decipher.setAuthTag(buf.subarray(13, 29));
  return Buffer.concat([decipher.update(buf.subarray(29)), decipher.final()]).toString("utf8");
}
