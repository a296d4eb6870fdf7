import type { Clock } from "../lib/clock";
import type { RatePlan } from "./plans";

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * Shopify's cost bucket: it refills continuously at `restoreRate` points per second up to `bucketSize`.
 * The requested cost is taken up front; the unused part (requested − actual) is given back after execution.
 */
export class LeakyBucket {
  private available: number;
  private lastRefillMs: number;

  constructor(
    private plan: RatePlan,
    private readonly clock: Clock,
  ) {
    this.available = plan.bucketSize;
    this.lastRefillMs = clock.now();
  }

  setPlan(plan: RatePlan): void {
    this.refill();
    this.plan = plan;
    this.available = Math.min(this.available, plan.bucketSize);
  }

  /** Takes `cost` points if the bucket holds them; returns false (and takes nothing) otherwise. */
  tryTake(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.plan.bucketSize, this.available + Math.max(0, points));
  }

  /** Empties the bucket (tests use it to provoke throttling). */
  drain(): void {
    this.refill();
    this.available = 0;
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.plan.bucketSize,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.plan.restoreRate,
    };
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsedSeconds = Math.max(0, now - this.lastRefillMs) / 1000;
    this.available = Math.min(this.plan.bucketSize, this.available + elapsedSeconds * this.plan.restoreRate);
    this.lastRefillMs = now;
  }
}
