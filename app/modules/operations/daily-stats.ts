// Figures per calendar day in the shop's time zone for the dashboard charts: the days themselves, orders
// per day, and the median time from order to first dispatch (by the day of that dispatch).
import { addDays, dayKey, localDayOf } from "./zoned-time";

export interface DayValue {
  /** `YYYY-MM-DD` in the shop's time zone. */
  day: string;
  /** Null when the day has nothing to measure (a gap in a line, not a zero). */
  value: number | null;
}

/** The last `count` days up to and including today, oldest first. */
export function lastDays(now: Date, timeZone: string, count: number): string[] {
  const today = localDayOf(now, timeZone);
  return Array.from({ length: count }, (_, i) => dayKey(addDays(today, i - count + 1)));
}

/** Counts already grouped by day, on every one of `days` (0 where there were none). */
export function countsOnDays(days: string[], counts: { day: string; count: number }[]): DayValue[] {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  return days.map((day) => ({ day, value: byDay.get(day) ?? 0 }));
}

export interface DispatchOfOrder {
  orderId: string;
  /** When the order was placed (Shopify's creation time, else when Loadbay saw it). */
  orderedAt: Date;
  /** `shippedAt` as the warehouse reported it (an ISO string in the stored dispatch advice). */
  shippedAt: string | null;
}

/**
 * Median hours from order to its first dispatch, by the day (in `timeZone`) of that first dispatch.
 * An order's first dispatch is the earliest `shippedAt` over all its warehouse orders. Unreadable
 * times are skipped, and so is a dispatch dated before its order (a warehouse clock error).
 */
export function medianHoursToDispatch(days: string[], dispatches: DispatchOfOrder[], timeZone: string): DayValue[] {
  const first = new Map<string, { orderedAt: number; shippedAt: number }>();
  for (const d of dispatches) {
    const shippedAt = d.shippedAt ? Date.parse(d.shippedAt) : NaN;
    if (Number.isNaN(shippedAt)) continue;
    const seen = first.get(d.orderId);
    if (!seen || shippedAt < seen.shippedAt) first.set(d.orderId, { orderedAt: d.orderedAt.getTime(), shippedAt });
  }
  const hoursByDay = new Map<string, number[]>();
  for (const { orderedAt, shippedAt } of first.values()) {
    if (shippedAt < orderedAt) continue;
    const day = dayKey(localDayOf(shippedAt, timeZone));
    hoursByDay.set(day, [...(hoursByDay.get(day) ?? []), (shippedAt - orderedAt) / 3_600_000]);
  }
  return days.map((day) => ({ day, value: median(hoursByDay.get(day) ?? []) }));
}

/** The middle value (the mean of the two middle ones for an even count), to one decimal; null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}
