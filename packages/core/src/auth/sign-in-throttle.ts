import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { redis } from "./redis";

/**
 * Brute-force protection for sign-in, shared by every web process through Redis.
 * Failures are counted per email and per client IP in a fixed window; reaching the limit locks that
 * key for `lockSeconds`. A lock on either key refuses the attempt before the password is checked.
 * Email keys are hashed so Redis never holds a list of addresses.
 */
export interface ThrottlePolicy {
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { maxFailuresPerEmail: 5, maxFailuresPerIp: 20, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };

export type ThrottleState = { locked: false } | { locked: true; retryAfterSeconds: number; scope: "email" | "ip" };

const keyOf = (kind: "email" | "ip", value: string) =>
  `sg:signin:${kind}:${createHash("sha256").update(value.trim().toLowerCase()).digest("hex").slice(0, 32)}`;

export class SignInThrottle {
  constructor(
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
    private readonly client: () => Redis = redis,
    private readonly prefix = "",
  ) {}

  private keys(email: string, ip: string | null) {
    const list: Array<{ scope: "email" | "ip"; key: string; max: number }> = [
      { scope: "email", key: this.prefix + keyOf("email", email), max: this.policy.maxFailuresPerEmail },
    ];
    if (ip) list.push({ scope: "ip", key: this.prefix + keyOf("ip", ip), max: this.policy.maxFailuresPerIp });
    return list;
  }

  async check(email: string, ip: string | null): Promise<ThrottleState> {
    for (const { scope, key } of this.keys(email, ip)) {
      const ttl = await this.client().pttl(`${key}:lock`);
      if (ttl > 0) return { locked: true, retryAfterSeconds: Math.ceil(ttl / 1000), scope };
    }
    return { locked: false };
  }

  /** Counts a failure; returns the lock state after it (locked when this failure hit the limit). */
  async recordFailure(email: string, ip: string | null): Promise<ThrottleState> {
    let state: ThrottleState = { locked: false };
    for (const { scope, key, max } of this.keys(email, ip)) {
      const [[, count]] = (await this.client().multi().incr(`${key}:fail`).expire(`${key}:fail`, this.policy.windowSeconds, "NX").exec()) as [[unknown, number]];
      if (count >= max) {
        await this.client().multi().set(`${key}:lock`, "1", "EX", this.policy.lockSeconds).del(`${key}:fail`).exec();
        if (!state.locked) state = { locked: true, retryAfterSeconds: this.policy.lockSeconds, scope };
      }
    }
    return state;
  }

  /** A successful sign-in clears the email's failure count (not the IP's: one right password must not reset a spray). */
  async recordSuccess(email: string): Promise<void> {
    await this.client().del(`${this.prefix}${keyOf("email", email)}:fail`);
  }
}

export function lockoutMessage(state: Extract<ThrottleState, { locked: true }>): string {
  const minutes = Math.max(1, Math.ceil(state.retryAfterSeconds / 60));
  return `Too many failed sign-in attempts. Sign-in is locked for ${minutes} minute${minutes === 1 ? "" : "s"}; try again later or ask an administrator.`;
}

/** Marks a TOTP step as used for a user so the same code cannot be replayed within its validity. */
export async function claimTotpStep(userId: string, step: bigint, client: () => Redis = redis): Promise<boolean> {
  const result = await client().set(`sg:totp-used:${userId}:${step.toString()}`, "1", "EX", 180, "NX");
  return result === "OK";
}
