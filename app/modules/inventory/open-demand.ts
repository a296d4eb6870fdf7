// Open demand: Shopify order lines that have taken stock from Shopify's "available" (Shopify commits an
// order's units the moment it is placed) but that the warehouse's figure does not show yet. Judged against
// the time of the warehouse's figure, never against now: a figure from 10:00 cannot know of a 10:05 order.
//
// What the figure already shows depends on what it counts (decision 0021):
// - "free" (on hand less what the warehouse has allocated to orders it holds): an order is in the figure
//   once the warehouse has it. Deducted until the warehouse received it (acceptedAt, else transmittedAt).
// - "on_hand" (everything on the shelf): an order is in the figure only once it has left. Deducted until
//   it was dispatched.
// Held and unreleased orders count: Shopify committed their stock as it did for any other order.
// Cancelled orders don't (Shopify puts restocked units back), nor do draft orders (Shopify commits nothing
// for a draft).
import type { OrderState } from "~/modules/orders/orders.ports";
import { DEMAND_CEILING, whole } from "./quantities";

export type StockBasis = "free" | "on_hand";

/**
 * Base units one order line (or one part of it) still takes from a facility's stock. A partly dispatched
 * line is two entries: the shipped part with its `dispatchedAt`, and the rest without.
 */
export interface DemandLine {
  orderId: string;
  /** Where Shopify committed the units: the location of the line's fulfillment order. */
  locationId: string;
  baseSku: string;
  /** Base units: Shopify quantity × pack factor. */
  quantity: number;
  state: OrderState;
  /** When the order was placed; shown with the deduction, not used to judge it. */
  placedAt: Date;
  /** When the warehouse is known to have the order: the warehouse order's acceptedAt, else transmittedAt. */
  receivedAt: Date | null;
  /** When the warehouse shipped this quantity. */
  dispatchedAt: Date | null;
}

const NEVER_COUNTS: ReadonlySet<OrderState> = new Set(["cancelled", "draft_awaiting_completion"]);

/** When the warehouse's figure starts to show this line, or null while it does not. */
export function reflectedFrom(line: DemandLine, basis: StockBasis): Date | null {
  return basis === "free" ? (line.receivedAt ?? line.dispatchedAt) : line.dispatchedAt;
}

/**
 * Whether the figure taken at `asOf` still needs this line taken off. `skewMs` widens the doubt around the
 * figure's time (two clocks): a line the warehouse took within it is deducted, erring towards selling less.
 */
export function isOpenDemand(line: DemandLine, figure: { asOf: Date; basis: StockBasis }, skewMs: number): boolean {
  if (NEVER_COUNTS.has(line.state)) return false;
  const from = reflectedFrom(line, figure.basis);
  return from === null || from.getTime() > figure.asOf.getTime() - skewMs;
}

export type DemandTotal = { ok: true; units: number; orderIds: string[] } | { ok: false; bad: DemandLine };

/**
 * The open demand against one figure, in base units. A line whose quantity is not a number or is
 * negative is a bug upstream; it stops the sum (a negative line would add stock that is not there).
 */
export function openDemand(lines: DemandLine[], figure: { asOf: Date; basis: StockBasis }, skewMs: number): DemandTotal {
  let units = 0;
  const orderIds = new Set<string>();
  for (const line of lines) {
    if (!isOpenDemand(line, figure, skewMs)) continue;
    const quantity = whole(line.quantity, "up");
    if (quantity === null || quantity < 0) return { ok: false, bad: line };
    if (quantity === 0) continue;
    units = Math.min(DEMAND_CEILING, units + quantity);
    orderIds.add(line.orderId);
  }
  return { ok: true, units, orderIds: [...orderIds] };
}
