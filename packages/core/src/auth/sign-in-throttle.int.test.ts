import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeRedis } from "./redis";
import { claimTotpStep, lockoutMessage, SignInThrottle } from "./sign-in-throttle";

// Against the real Redis (REDIS_URL). Each test uses its own key prefix, so runs never collide.
afterAll(closeRedis);
const policy = { maxFailuresPerEmail: 5, maxFailuresPerIp: 8, windowSeconds: 60, lockSeconds: 120 };

describe("sign-in throttle (Redis)", () => {
  it("locks an email after 5 failures, with the time left", async () => {
    const t = new SignInThrottle(policy, undefined, `test:${randomUUID()}:`);
    for (let i = 1; i <= 4; i++) expect((await t.recordFailure("ann@example.com", `10.0.0.${i}`)).locked).toBe(false);
    const fifth = await t.recordFailure("Ann@Example.com ", "10.0.0.5");
    expect(fifth).toMatchObject({ locked: true, scope: "email" });
    const state = await t.check("ann@example.com", "10.9.9.9");
    expect(state.locked).toBe(true);
    if (state.locked) {
      expect(state.retryAfterSeconds).toBeGreaterThan(60);
      expect(lockoutMessage(state)).toMatch(/locked for 2 minutes/);
    }
    expect((await t.check("bob@example.com", "10.9.9.9")).locked).toBe(false);
  });

  it("locks an IP spraying many emails", async () => {
    const t = new SignInThrottle(policy, undefined, `test:${randomUUID()}:`);
    for (let i = 0; i < 8; i++) await t.recordFailure(`user${i}@example.com`, "192.0.2.7");
    expect(await t.check("someone-new@example.com", "192.0.2.7")).toMatchObject({ locked: true, scope: "ip" });
    expect((await t.check("someone-new@example.com", "192.0.2.8")).locked).toBe(false);
  });

  it("a success clears the email's failure count", async () => {
    const t = new SignInThrottle(policy, undefined, `test:${randomUUID()}:`);
    for (let i = 0; i < 4; i++) await t.recordFailure("carol@example.com", null);
    await t.recordSuccess("carol@example.com");
    for (let i = 0; i < 4; i++) expect((await t.recordFailure("carol@example.com", null)).locked).toBe(false);
  });

  it("lets a TOTP step be claimed once per user", async () => {
    const user = randomUUID();
    expect(await claimTotpStep(user, 123n)).toBe(true);
    expect(await claimTotpStep(user, 123n)).toBe(false);
    expect(await claimTotpStep(user, 124n)).toBe(true);
  });
});
