/** Time source for everything time-dependent (token expiry, leaky bucket, timestamps), injectable for tests. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(epochMs: number): void;
}

/** A clock that only moves when told to, so bucket and expiry arithmetic in tests is exact. */
export function manualClock(startMs = Date.UTC(2026, 8, 1, 9, 0, 0)): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (epochMs) => {
      current = epochMs;
    },
  };
}

export function isoAt(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
