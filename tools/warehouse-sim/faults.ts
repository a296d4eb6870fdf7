// Fault switches. Every decision comes from a seeded RNG, so a chaos run that failed can be replayed.
import { seeded, type Random } from "./rng";

export interface FaultSettings {
  /** Share of requests (0–1) answered 500. */
  errorRate: number;
  /** "before": the request is not processed; "after": a create is stored, then the answer is a 500 (a lost response). */
  errorPhase: "before" | "after";
  /** Added to every answer. */
  latencyMs: number;
  /** Accept the request, then answer after `afterMs`, or never when it is absent. */
  hang: { afterMs?: number } | null;
  /** Everything answers 503 ("503") or the port stops listening ("refuse"), until `until` when given. */
  outage: { mode: "503" | "refuse"; until?: Date } | null;
  /** The next `count` requests (all when absent) answer 429 with Retry-After. */
  rateLimit: { retryAfterSeconds: number; count?: number } | null;
}

export const NO_FAULTS: FaultSettings = { errorRate: 0, errorPhase: "before", latencyMs: 0, hang: null, outage: null, rateLimit: null };

export type FaultDecision =
  | { kind: "pass"; failAfter: boolean }
  | { kind: "hang"; afterMs: number | null }
  | { kind: "answer"; status: number; headers: Record<string, string>; body: unknown };

export class Faults {
  settings: FaultSettings = { ...NO_FAULTS };
  private random: Random;

  constructor(seed: number) {
    this.random = seeded(seed);
  }

  set(patch: Partial<FaultSettings>, seed?: number): void {
    this.settings = { ...this.settings, ...patch };
    if (seed !== undefined) this.random = seeded(seed);
  }

  clear(): void {
    this.settings = { ...NO_FAULTS };
  }

  /** What happens to the next request; consumes one rate-limit slot and one random draw. */
  decide(now: Date): FaultDecision {
    const s = this.settings;
    if (s.outage && s.outage.until && now >= s.outage.until) this.settings = { ...s, outage: null };
    if (this.settings.outage) return { kind: "answer", status: 503, headers: {}, body: { Message: "Service Unavailable" } };
    if (s.hang) return { kind: "hang", afterMs: s.hang.afterMs ?? null };
    if (s.rateLimit) return this.rateLimited(s.rateLimit);
    const fail = s.errorRate > 0 && this.random() < s.errorRate;
    if (fail && s.errorPhase === "before") return { kind: "answer", status: 500, headers: {}, body: { Message: "An error has occurred." } };
    return { kind: "pass", failAfter: fail };
  }

  private rateLimited(limit: { retryAfterSeconds: number; count?: number }): FaultDecision {
    if (limit.count !== undefined) {
      const left = limit.count - 1;
      this.settings = { ...this.settings, rateLimit: left > 0 ? { ...limit, count: left } : null };
    }
    return { kind: "answer", status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) }, body: { Message: "Too many requests" } };
  }
}
