// Redis connections for queues and workers. Every key BullMQ writes starts with the prefix, and the
// default prefix carries a {hash tag}: on Redis Cluster all of Safeguard's keys then hash to one slot,
// which BullMQ's multi-key Lua scripts require.
import { Redis, type RedisOptions } from "ioredis";

export const DEFAULT_PREFIX = "{safeguard}";

export interface RedisSettings {
  url: string;
  /** BullMQ key prefix; tests pass a unique one so files never see each other's jobs. Must keep a {hash tag}. */
  prefix?: string;
}

export function assertClusterSafePrefix(prefix: string): void {
  if (!/\{[^{}]+\}/.test(prefix)) throw new Error(`Queue prefix "${prefix}" has no {hash tag}: multi-key scripts would break on Redis Cluster.`);
}

/**
 * maxRetriesPerRequest: null is required for blocking commands used by workers (BullMQ refuses
 * otherwise); an error listener keeps a Redis restart from crashing the process with an unhandled event.
 */
export function createRedis(url: string, extra: RedisOptions = {}): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...extra });
  redis.on("error", (error: Error) => {
    console.error(JSON.stringify({ level: "error", msg: "redis connection error", error: error.message }));
  });
  return redis;
}
