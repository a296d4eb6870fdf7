// One dispatch advice → one Shopify fulfillment (DESIGN.md invariant 3). The warehouse reports base
// units per warehouse SKU; Shopify fulfils ordered units per fulfillment order line. This turns the one
// into the other against the lines that were sent and the fulfillment orders as they are now (moves and
// splits change their ids), or says exactly why it cannot: nothing wrong is ever fulfilled.
import type { WarehouseOrderLine } from "~/modules/mapping/warehouse-order-draft";

export interface FulfillmentOrderNow {
  id: string;
  /** OPEN, IN_PROGRESS, ON_HOLD, CLOSED, … as Shopify reports it. */
  status: string;
  locationId: string | null;
  lines: { id: string; lineItemId: string; remainingQuantity: number }[];
}

export interface DispatchLine {
  warehouseSku: string;
  /** Base units, as the warehouse counts them. */
  quantity: number;
}

export interface LineUnits {
  lineItemId: string;
  /** Ordered units (packs for a pack SKU). */
  quantity: number;
}

export type DispatchProblemKind =
  | "dispatch-unknown-sku"
  | "dispatch-not-whole-pack"
  | "dispatch-over-shipment"
  | "dispatch-not-fulfillable"
  | "dispatch-unmatched"
  | "fulfillment-refused";

/** Every exception kind a dispatch can raise; retrying one applies the dispatch again. */
export const DISPATCH_PROBLEM_KINDS: readonly DispatchProblemKind[] = [
  "dispatch-unknown-sku",
  "dispatch-not-whole-pack",
  "dispatch-over-shipment",
  "dispatch-not-fulfillable",
  "dispatch-unmatched",
  "fulfillment-refused",
];

export interface DispatchProblem {
  kind: DispatchProblemKind;
  warehouseSku: string;
  /** A sentence for the merchant. */
  message: string;
}

export interface FulfillmentPlan {
  /** Ordered units per Shopify line item, for the record and for matching an earlier attempt. */
  units: LineUnits[];
  lineItemsByFulfillmentOrder: { fulfillmentOrderId: string; fulfillmentOrderLineItems: { id: string; quantity: number }[] }[];
}

export interface PlanInput {
  shipped: DispatchLine[];
  /** The lines of the warehouse order as sent. */
  sent: WarehouseOrderLine[];
  /** What earlier dispatches of the same warehouse order already fulfilled. */
  appliedBefore: LineUnits[];
  fulfillmentOrders: FulfillmentOrderNow[];
  /** The Shopify location of the warehouse's facility. */
  locationId: string;
}

const FULFILLABLE = new Set(["OPEN", "IN_PROGRESS"]);

export function planDispatch(input: PlanInput): { ok: true; plan: FulfillmentPlan } | { ok: false; problems: DispatchProblem[] } {
  const problems: DispatchProblem[] = [];
  const open = openQuantities(input.fulfillmentOrders, input.locationId);
  const onHold = heldLineItems(input.fulfillmentOrders, input.locationId);
  const applied = sumBy(input.appliedBefore);
  const units = new Map<string, number>();

  for (const [warehouseSku, shippedUnits] of sumShipped(input.shipped)) {
    // Largest packs first: 24 units against a case-of-12 line and a single line fill the cases.
    const lines = input.sent.filter((l) => l.warehouseSku === warehouseSku).sort((a, b) => b.factor - a.factor);
    if (lines.length === 0) {
      problems.push({ kind: "dispatch-unknown-sku", warehouseSku, message: `The warehouse shipped ${shippedUnits} × ${warehouseSku}, which is not on the order it was sent.` });
      continue;
    }
    let left = shippedUnits;
    let capacity = 0;
    for (const line of lines) {
      const stillOrdered = line.orderedQuantity - (applied.get(line.sourceLineItemId) ?? 0) - (units.get(line.sourceLineItemId) ?? 0);
      const inShopify = (open.get(line.sourceLineItemId) ?? 0) - (units.get(line.sourceLineItemId) ?? 0);
      const room = Math.max(0, Math.min(stillOrdered, inShopify));
      capacity += room * line.factor;
      const packs = Math.min(room, Math.floor(left / line.factor));
      if (packs > 0) units.set(line.sourceLineItemId, (units.get(line.sourceLineItemId) ?? 0) + packs);
      left -= packs * line.factor;
    }
    if (left === 0) continue;
    const label = lines.map((l) => l.sourceSku ?? l.warehouseSku).join(" / ");
    if (lines.some((l) => onHold.has(l.sourceLineItemId))) {
      problems.push({ kind: "dispatch-not-fulfillable", warehouseSku, message: `${label} is on hold in Shopify, so its shipment cannot be recorded. Release the hold in Shopify, then retry.` });
    } else if (shippedUnits > capacity) {
      problems.push({
        kind: "dispatch-over-shipment",
        warehouseSku,
        message: `The warehouse shipped ${shippedUnits} units of ${warehouseSku}, but only ${capacity} are still to be fulfilled for ${label}. Check the shipment with the warehouse.`,
      });
    } else {
      const factors = [...new Set(lines.map((l) => l.factor))].join(" or ");
      problems.push({
        kind: "dispatch-not-whole-pack",
        warehouseSku,
        message: `The warehouse shipped ${shippedUnits} units of ${warehouseSku}, which is not a whole number of packs of ${factors} for ${label}. Check the shipment or the unit of measure.`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { units: [...units].map(([lineItemId, quantity]) => ({ lineItemId, quantity })), lineItemsByFulfillmentOrder: allocate(units, input.fulfillmentOrders, input.locationId) } };
}

/** Spreads each line item's units over the fulfillment orders that still have it, in Shopify's order. */
function allocate(units: Map<string, number>, fulfillmentOrders: FulfillmentOrderNow[], locationId: string): FulfillmentPlan["lineItemsByFulfillmentOrder"] {
  const left = new Map(units);
  const result: FulfillmentPlan["lineItemsByFulfillmentOrder"] = [];
  for (const fo of fulfillable(fulfillmentOrders, locationId)) {
    const lines: { id: string; quantity: number }[] = [];
    for (const line of fo.lines) {
      const want = left.get(line.lineItemId) ?? 0;
      const take = Math.min(want, line.remainingQuantity);
      if (take <= 0) continue;
      lines.push({ id: line.id, quantity: take });
      left.set(line.lineItemId, want - take);
    }
    if (lines.length) result.push({ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: lines });
  }
  return result;
}

const fulfillable = (fos: FulfillmentOrderNow[], locationId: string) => fos.filter((fo) => fo.locationId === locationId && FULFILLABLE.has(fo.status));

function openQuantities(fos: FulfillmentOrderNow[], locationId: string): Map<string, number> {
  return sumBy(fulfillable(fos, locationId).flatMap((fo) => fo.lines.map((l) => ({ lineItemId: l.lineItemId, quantity: l.remainingQuantity }))));
}

function heldLineItems(fos: FulfillmentOrderNow[], locationId: string): Set<string> {
  return new Set(fos.filter((fo) => fo.locationId === locationId && fo.status === "ON_HOLD").flatMap((fo) => fo.lines.filter((l) => l.remainingQuantity > 0).map((l) => l.lineItemId)));
}

function sumBy(rows: LineUnits[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.lineItemId, (sums.get(r.lineItemId) ?? 0) + r.quantity);
  return sums;
}

function sumShipped(lines: DispatchLine[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const l of lines) if (l.quantity > 0) sums.set(l.warehouseSku, (sums.get(l.warehouseSku) ?? 0) + l.quantity);
  return sums;
}

/** Shopify has nothing left to fulfil on the order (cancelled fulfillment orders aside). */
export function allFulfilled(fos: FulfillmentOrderNow[]): boolean {
  return fos.filter((fo) => fo.status !== "CANCELLED").every((fo) => fo.lines.every((l) => l.remainingQuantity === 0));
}

/** True when every line of the warehouse order has been fulfilled in full. */
export function warehouseOrderComplete(sent: WarehouseOrderLine[], applied: LineUnits[]): boolean {
  const done = sumBy(applied);
  const wanted = sumBy(sent.map((l) => ({ lineItemId: l.sourceLineItemId, quantity: l.orderedQuantity })));
  return [...wanted].every(([lineItemId, quantity]) => (done.get(lineItemId) ?? 0) >= quantity);
}

export interface ExistingFulfillment {
  id: string;
  createdAt: Date;
  trackingNumbers: string[];
  lines: LineUnits[];
}

/**
 * After an attempt whose outcome is unknown (a timeout, a crash), the fulfillment it may have created:
 * one made since the attempt (less `skewMs` for the two clocks), not already another shipment's, with
 * exactly these lines and (when the shipment has tracking) its tracking numbers. Null means the attempt
 * did not land: create it.
 */
export function findEarlierAttempt(
  wanted: { units: LineUnits[]; trackingNumbers: string[]; attemptedAt: Date; skewMs: number },
  existing: ExistingFulfillment[],
  takenByOthers: ReadonlySet<string>,
): string | null {
  const since = wanted.attemptedAt.getTime() - wanted.skewMs;
  const key = linesKey(wanted.units);
  const match = existing.find(
    (f) =>
      !takenByOthers.has(f.id) &&
      f.createdAt.getTime() >= since &&
      linesKey(f.lines) === key &&
      wanted.trackingNumbers.every((n) => f.trackingNumbers.includes(n)),
  );
  return match?.id ?? null;
}

const linesKey = (lines: LineUnits[]) =>
  [...sumBy(lines)]
    .filter(([, q]) => q > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, q]) => `${id}=${q}`)
    .join(",");

/** Shopify's tracking input: the numbers, their URLs only alongside numbers, and the carrier. */
export function trackingInput(advice: { carrier: string | null; trackingNumbers: string[]; trackingUrls: string[] }) {
  const numbers = advice.trackingNumbers.filter(Boolean);
  const urls = numbers.length ? advice.trackingUrls.filter(Boolean) : [];
  if (!numbers.length && !advice.carrier) return null;
  return { ...(advice.carrier ? { company: advice.carrier } : {}), ...(numbers.length ? { numbers } : {}), ...(urls.length ? { urls } : {}) };
}
