// Shopify's cost-based leaky bucket, as the gateway sees it from each response's throttleStatus.
// Pure arithmetic, table-tested: how long to wait before spending `cost` points.

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface Bucket {
  maximum: number;
  available: number;
  restoreRate: number;
  /** When `available` was observed or last adjusted (ms). */
  at: number;
}

/** Points available at `now`, restored since the last observation, capped at the bucket size. */
export function availableAt(bucket: Bucket, now: number): number {
  const restored = ((now - bucket.at) / 1000) * bucket.restoreRate;
  return Math.min(bucket.maximum, bucket.available + restored);
}

/** Milliseconds to wait until `cost` points are available (0 when they are now). */
export function waitFor(bucket: Bucket | undefined, cost: number, now: number): number {
  if (!bucket) return 0;
  const needed = Math.min(cost, bucket.maximum) - availableAt(bucket, now);
  return needed <= 0 ? 0 : Math.ceil((needed / bucket.restoreRate) * 1000);
}

/** Reserves `cost` points locally so concurrent calls for one shop do not all spend the same points. */
export function reserve(bucket: Bucket, cost: number, now: number): Bucket {
  return { ...bucket, available: availableAt(bucket, now) - cost, at: now };
}

/**
 * The bucket as Shopify reported it after a call, less what calls still in flight have reserved. A
 * response's throttleStatus may predate the charge for calls sent after it (or answered later), so taking
 * it as the whole truth would hand their points out again and the next call would be THROTTLED. Counting
 * an in-flight call that Shopify has already charged errs towards waiting a little; while the bucket stays
 * below its maximum no restored point is lost by that, so the pace is still the restore rate.
 */
export function observed(status: ThrottleStatus, now: number, inFlightCost = 0): Bucket {
  return { maximum: status.maximumAvailable, available: status.currentlyAvailable - inFlightCost, restoreRate: status.restoreRate, at: now };
}
