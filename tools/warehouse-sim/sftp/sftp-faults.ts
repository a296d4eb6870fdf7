// Fault switches for the SFTP warehouse. Every decision comes from a seeded RNG (../rng.ts), so a failed
// chaos run can be replayed.
import { seeded, type Random } from "../rng";

/** The SFTP requests a fault can hit; "open-write" is OPEN with the write flag. */
export type SftpOp = "open-read" | "open-write" | "write" | "read" | "close" | "stat" | "readdir" | "rename" | "remove" | "mkdir";

export interface SftpFaultSettings {
  /** Share (0–1) of the requests in `errorOps` that fail. */
  errorRate: number;
  /** Which requests can fail; by default the ones that write. */
  errorOps: SftpOp[];
  /**
   * "before": the request is refused with SFTP FAILURE and changes nothing; "after": it takes effect,
   * then the connection drops before the answer (a lost answer).
   */
  errorPhase: "before" | "after";
  /** Stop failing after this many faults (all matching requests when absent). */
  count?: number;
  /** Added before every SFTP answer. */
  latencyMs: number;
  /** "refuse": the port stops listening; "hang": connections are accepted and never greeted. Until `until` when given. */
  outage: { mode: "refuse" | "hang"; until?: Date } | null;
}

export const WRITE_OPS: SftpOp[] = ["open-write", "write", "rename"];
export const NO_SFTP_FAULTS: SftpFaultSettings = { errorRate: 0, errorOps: WRITE_OPS, errorPhase: "before", latencyMs: 0, outage: null };

export type SftpFaultDecision = "pass" | "fail-before" | "fail-after";

export class SftpFaults {
  settings: SftpFaultSettings = { ...NO_SFTP_FAULTS };
  /** Faults injected so far (for tests that assert a fault really happened). */
  injected = 0;
  private random: Random;

  constructor(seed: number) {
    this.random = seeded(seed);
  }

  set(patch: Partial<SftpFaultSettings>, seed?: number): void {
    this.settings = { ...this.settings, ...patch };
    if (seed !== undefined) this.random = seeded(seed);
  }

  clear(): void {
    this.settings = { ...NO_SFTP_FAULTS };
  }

  /** What happens to one request; consumes a random draw only for requests a fault can hit. */
  decide(op: SftpOp): SftpFaultDecision {
    const s = this.settings;
    if (s.errorRate <= 0 || !s.errorOps.includes(op) || s.count === 0) return "pass";
    if (this.random() >= s.errorRate) return "pass";
    this.injected++;
    if (s.count !== undefined) this.settings = { ...s, count: s.count - 1, ...(s.count - 1 === 0 ? { errorRate: 0 } : {}) };
    return s.errorPhase === "before" ? "fail-before" : "fail-after";
  }
}
