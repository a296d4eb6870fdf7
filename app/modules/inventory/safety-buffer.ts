// The safety buffer: stock Loadbay never offers, against miscounts, damage and the gap between updates.
// Set globally and per base SKU; a SKU's own buffer replaces the global one (a SKU set to 0 has none).
// In units, or as a percentage of the warehouse's free figure, rounded up: it protects against that figure
// being wrong, which grows with the stock on the shelf, not with what is left after orders. So it is worked
// out before open demand is taken off and stays the same as orders arrive.
import { lookupKey } from "~/modules/mapping/patterns";
import { whole } from "./quantities";

export type Buffer = { kind: "units"; value: number } | { kind: "percent"; value: number };

export interface Buffers {
  global: Buffer | null;
  /** By `lookupKey(baseSku)`. */
  perSku: ReadonlyMap<string, Buffer>;
}

export const NO_BUFFERS: Buffers = { global: null, perSku: new Map() };

export function bufferFor(buffers: Buffers, baseSku: string): Buffer | null {
  return buffers.perSku.get(lookupKey(baseSku)) ?? buffers.global;
}

/**
 * Base units held back from `free` (already a whole, non-negative number), or null when the setting is
 * not a usable number (NaN, negative, a percentage over 100): then nothing is written for the SKU.
 */
export function bufferUnits(buffer: Buffer | null, free: number): number | null {
  if (buffer === null) return 0;
  if (!Number.isFinite(buffer.value) || buffer.value < 0) return null;
  if (buffer.kind === "units") return whole(buffer.value, "up");
  if (buffer.value > 100) return null;
  // In basis points (percentages to two decimals), so free × points is an exact integer (free is at most
  // Shopify's limit) and the ceiling cannot be pushed over a whole number by a float error.
  const points = Math.round(buffer.value * 100);
  return Math.min(free, Math.ceil((free * points) / 10_000));
}
