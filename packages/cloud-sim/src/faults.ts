// Fault injection, per API ("config:SelectResourceConfig", "azure:resources", or "*"): throttling, server
// errors and latency, either at a rate or for the next N calls (deterministic, for tests).
export interface FaultRule {
  api: string;
  throttleRate?: number;
  errorRate?: number;
  latencyMs?: number;
  /** Throttle exactly the next N matching calls, then stop. */
  throttleCount?: number;
  /** Fail exactly the next N matching calls with a 5xx, then stop. */
  errorCount?: number;
}

export type FaultDecision = { kind: "none" | "throttle" | "error"; latencyMs: number };

export class Faults {
  private rules: FaultRule[] = [];

  set(rule: FaultRule): void {
    this.rules = this.rules.filter((r) => r.api !== rule.api);
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  decide(api: string): FaultDecision {
    const rule = this.rules.find((r) => r.api === api) ?? this.rules.find((r) => r.api === "*");
    if (!rule) return { kind: "none", latencyMs: 0 };
    const latencyMs = rule.latencyMs ?? 0;
    if (rule.throttleCount && rule.throttleCount > 0) {
      rule.throttleCount--;
      return { kind: "throttle", latencyMs };
    }
    if (rule.errorCount && rule.errorCount > 0) {
      rule.errorCount--;
      return { kind: "error", latencyMs };
    }
    if (rule.throttleRate && Math.random() < rule.throttleRate) return { kind: "throttle", latencyMs };
    if (rule.errorRate && Math.random() < rule.errorRate) return { kind: "error", latencyMs };
    return { kind: "none", latencyMs };
  }
}
