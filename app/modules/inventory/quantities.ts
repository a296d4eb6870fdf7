// Guards for numbers that arrive from outside (warehouse feeds, stored rows, settings). Every figure that
// reaches the arithmetic is a safe integer, so sums and differences stay exact.

/** Shopify refuses quantities above this (`INVALID_QUANTITY_TOO_HIGH`, Admin API 2026-07 schema). */
export const SHOPIFY_MAX_QUANTITY = 1_000_000_000;

/** Sums of open demand stop here: far above any stock figure Loadbay accepts, far below 2^53. */
export const DEMAND_CEILING = 1_000_000_000_000;

/**
 * A whole number from a figure, or null when it is not a number at all (NaN, ±Infinity). `down` for
 * what Loadbay may sell (a fraction of a unit cannot be sold), `up` for what it must hold back.
 */
export function whole(value: number, direction: "down" | "up"): number | null {
  if (!Number.isFinite(value)) return null;
  return direction === "down" ? Math.floor(value) : Math.ceil(value);
}
