// Fairness between tenants. BullMQ's open-source edition has no groups, so a scan first takes one of
// its organisation's slots: a sorted set per organisation (member = scan run id, score = expiry).
// An organisation at its limit gets its job pushed back (moveToDelayed) and the worker's slot goes
// to the next job in the queue, usually another tenant's. Expired members are dropped on every
// acquire, so a killed worker's slot frees itself once its lease runs out.
import type { Redis } from "ioredis";

const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
  return 1
end
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return 1
end
return 0`;

export interface OrgGate {
  /** True when the holder got (or already had) a slot. */
  acquire(orgId: string, holder: string): Promise<boolean>;
  /** Extends the holder's slot (call with the scan heartbeat). */
  renew(orgId: string, holder: string): Promise<void>;
  release(orgId: string, holder: string): Promise<void>;
  holders(orgId: string): Promise<string[]>;
}

export function createOrgGate(redis: Redis, options: { prefix: string; limit: number; ttlMs: number }): OrgGate {
  // Same {hash tag} as the queues: the gate's keys live in the same Cluster slot.
  const key = (orgId: string) => `${options.prefix}:org-slots:${orgId}`;
  return {
    async acquire(orgId, holder) {
      const now = Date.now();
      const got = await redis.eval(ACQUIRE, 1, key(orgId), now, options.limit, holder, now + options.ttlMs, options.ttlMs * 2);
      return got === 1;
    },
    async renew(orgId, holder) {
      await redis.zadd(key(orgId), "XX", Date.now() + options.ttlMs, holder);
    },
    async release(orgId, holder) {
      await redis.zrem(key(orgId), holder);
    },
    async holders(orgId) {
      return redis.zrangebyscore(key(orgId), Date.now(), "+inf");
    },
  };
}
