// UUIDv7 generated in the worker for rows it COPYs straight into their tables (same layout as the
// database's sg_uuid_v7(): 48-bit Unix milliseconds, version 7, variant 10, random rest).
import { randomFillSync } from "node:crypto";

const POOL = Buffer.alloc(16 * 4096);
let offset = POOL.length;

export function uuidv7(now = Date.now()): string {
  if (offset >= POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const b = POOL.subarray(offset, offset + 16);
  offset += 16;
  b.writeUIntBE(now, 0, 6);
  b[6] = ((b[6] as number) & 0x0f) | 0x70;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
