// Content-addressed files on local disk: the key is the sha256 of the bytes, so the same evidence
// uploaded twice is stored once and a stored file cannot change under its key.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";

/** SAFEGUARD_FILE_STORE, default .data/files under the working directory. */
export function fileStoreRoot(): string {
  return resolve(process.env.SAFEGUARD_FILE_STORE || ".data/files");
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function pathOf(storageKey: string, root = fileStoreRoot()): string {
  if (!/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(storageKey)) throw new Error(`not a storage key: ${storageKey}`);
  return join(root, storageKey);
}

/** Writes the bytes (atomically: temp file + rename) unless the same content is already stored. */
export async function putContent(bytes: Uint8Array, root = fileStoreRoot()): Promise<{ sha256: string; storageKey: string }> {
  const sha256 = sha256Hex(bytes);
  const storageKey = `sha256/${sha256.slice(0, 2)}/${sha256}`;
  const target = pathOf(storageKey, root);
  const exists = await stat(target).then(() => true, () => false);
  if (!exists) {
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${randomUUID()}.tmp`;
    await writeFile(tmp, bytes, { flag: "wx" });
    await rename(tmp, target);
  }
  return { sha256, storageKey };
}

export function openContent(storageKey: string, root = fileStoreRoot()): Readable {
  return createReadStream(pathOf(storageKey, root));
}
