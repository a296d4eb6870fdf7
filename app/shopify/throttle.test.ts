import { describe, expect, it } from "vitest";
import { availableAt, observed, reserve, waitFor } from "./throttle";

const standard = (available: number, at = 0) => ({ maximum: 2000, available, restoreRate: 100, at });

describe("throttle arithmetic", () => {
  it.each([
    { available: 2000, cost: 100, now: 0, wait: 0 },
    { available: 50, cost: 100, now: 0, wait: 500 }, // 50 short at 100/s
    { available: 50, cost: 100, now: 250, wait: 250 }, // 25 restored already
    { available: 0, cost: 1000, now: 0, wait: 10_000 },
    { available: -200, cost: 10, now: 0, wait: 2_100 }, // overdrawn by local reservations
  ])("available $available, cost $cost at t=$now → wait $wait ms", ({ available, cost, now, wait }) => {
    expect(waitFor(standard(available), cost, now)).toBe(wait);
  });

  it("never waits before the first call (no observation yet)", () => {
    expect(waitFor(undefined, 1000, 0)).toBe(0);
  });

  it("caps restoration at the bucket size", () => {
    expect(availableAt(standard(1990), 60_000)).toBe(2000);
  });

  it("a cost above the bucket waits only for a full bucket", () => {
    expect(waitFor(standard(0), 5000, 0)).toBe(20_000);
  });

  it("reservations make concurrent calls queue behind each other", () => {
    const b1 = reserve(standard(150), 100, 0);
    expect(b1.available).toBe(50);
    expect(waitFor(b1, 100, 0)).toBe(500);
  });

  it("takes off what calls still in flight reserved, which an earlier answer's status may not show", () => {
    const b = observed({ maximumAvailable: 2000, currentlyAvailable: 300, restoreRate: 100 }, 0, 250);
    expect(b.available).toBe(50);
    expect(waitFor(b, 100, 0)).toBe(500);
  });

  it("reads Shopify's throttleStatus", () => {
    expect(observed({ maximumAvailable: 4000, currentlyAvailable: 3990, restoreRate: 200 }, 7)).toEqual({ maximum: 4000, available: 3990, restoreRate: 200, at: 7 });
  });
});
