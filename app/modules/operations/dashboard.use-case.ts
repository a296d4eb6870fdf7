// The operations dashboard on the overview page: stuck orders, open exceptions by kind, and two charts
// over the last 30 days in the shop's time zone. The reader fetches candidates and raw figures; the
// rules here decide what is stuck and compute the series.
import { readOperationsSettings } from "~/modules/fulfilments/operations-settings.schema";
import { countsOnDays, lastDays, medianHoursToDispatch, type DayValue, type DispatchOfOrder } from "./daily-stats";
import { findStuckOrders, type NotDispatchedCandidate, type NotSentCandidate, type StuckOrder } from "./stuck-orders";
import { instantAt } from "./zoned-time";

export const CHART_DAYS = 30;
/** The page lists this many stuck orders, the longest waits; it counts all it found. */
export const STUCK_SHOWN = 50;

export interface DashboardShop {
  timezone: string;
  dryRun: boolean;
  /** `shop.settings` as stored. */
  settings: unknown;
}

export interface DashboardReader {
  shop(shop: string): Promise<DashboardShop | null>;
  /** Released orders with a warehouse order still `mapped`/`transmitting`, released at or before `releasedBefore`. */
  notSent(shop: string, releasedBefore: Date): Promise<NotSentCandidate[]>;
  /** Warehouse orders `transmitted`/`accepted` with no dispatch advice, transmitted at or before `transmittedBefore`. */
  notDispatched(shop: string, transmittedBefore: Date): Promise<NotDispatchedCandidate[]>;
  openExceptionsByKind(shop: string): Promise<{ kind: string; count: number }[]>;
  /** Orders (not drafts) placed since `since`, counted per day in `timeZone` (`YYYY-MM-DD`). */
  ordersPerDay(shop: string, since: Date, timeZone: string): Promise<{ day: string; count: number }[]>;
  /** Every dispatch of each order that had a dispatch received since `since`, with the order's time. */
  dispatchesOfRecentOrders(shop: string, since: Date): Promise<DispatchOfOrder[]>;
}

export interface Dashboard {
  timezone: string;
  stuck: StuckOrder[];
  stuckTotal: number;
  exceptionsByKind: { kind: string; count: number }[];
  ordersPerDay: DayValue[];
  medianHoursToDispatch: DayValue[];
}

export async function readDashboard(deps: { reader: DashboardReader }, shop: string, now: Date): Promise<Dashboard | null> {
  const found = await deps.reader.shop(shop);
  if (!found) return null;
  const { timezone, dryRun } = found;
  const { stuck: settings } = readOperationsSettings(found.settings);
  const days = lastDays(now, timezone, CHART_DAYS);
  const since = new Date(instantAt(parseDay(days[0]!), 0, timezone));
  // Working hours never outrun the wall clock, so nothing sent more recently can be stuck yet.
  const transmittedBefore = new Date(now.getTime() - settings.notDispatchedWorkingHours * 3_600_000);
  const [notSent, notDispatched, exceptionsByKind, orders, dispatches] = await Promise.all([
    dryRun ? [] : deps.reader.notSent(shop, new Date(now.getTime() - settings.releasedNotSentMinutes * 60_000)),
    deps.reader.notDispatched(shop, transmittedBefore),
    deps.reader.openExceptionsByKind(shop),
    deps.reader.ordersPerDay(shop, since, timezone),
    deps.reader.dispatchesOfRecentOrders(shop, since),
  ]);
  const stuck = findStuckOrders({ notSent, notDispatched }, settings, { now, timeZone: timezone, dryRun });
  return {
    timezone,
    stuck: stuck.slice(0, STUCK_SHOWN),
    stuckTotal: stuck.length,
    exceptionsByKind,
    ordersPerDay: countsOnDays(days, orders),
    medianHoursToDispatch: medianHoursToDispatch(days, dispatches, timezone),
  };
}

function parseDay(key: string) {
  const [year, month, day] = key.split("-").map(Number);
  return { year: year!, month: month!, day: day! };
}
