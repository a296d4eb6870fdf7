// Each facility is an ordinary Shopify location (ADR 0004). When Shopify assigned a fulfillment order
// to another location, Loadbay either plans a move (fulfillmentOrderMove, with just the lines routed
// here) or raises an exception, as the merchant chose. A move is planned, not done: the caller re-reads
// the location before moving, so planning the same move for both halves of a backorder split is safe.
import type { FulfillmentOrderFacts, OrderFacts } from "~/modules/orders/order-facts";
import type { Facility, MappingSettings } from "./mapping-settings.schema";
import { mappingProblem, type MappingProblem } from "./mapping-problem";

export interface LocationMove {
  fulfillmentOrderId: string;
  fromLocationId: string;
  toLocationId: string;
  lines: { fulfillmentOrderLineId: string; quantity: number }[];
}

export interface LocationPlan {
  fulfillmentOrderIds: string[];
  needsMove: LocationMove[];
  problems: MappingProblem[];
}

// Closed, cancelled and incomplete fulfillment orders take no new fulfillments and cannot be moved.
const ACTIVE = new Set(["OPEN", "IN_PROGRESS", "SCHEDULED", "ON_HOLD"]);

export function locationPlan(
  facts: OrderFacts,
  lineItemIds: ReadonlySet<string>,
  facility: Facility,
  mode: MappingSettings["routing"]["onLocationMismatch"],
  orderNumber: string,
): LocationPlan {
  const plan: LocationPlan = { fulfillmentOrderIds: [], needsMove: [], problems: [] };
  for (const fo of facts.fulfillmentOrders) {
    const lines = fo.lines.filter((l) => lineItemIds.has(l.lineItemId) && l.remainingQuantity > 0);
    if (!ACTIVE.has(fo.status.toUpperCase()) || !lines.length) continue;
    plan.fulfillmentOrderIds.push(fo.id);
    // An unknown location (not read) is not a mismatch: guessing would move goods on a hunch.
    if (fo.locationId === null || fo.locationId === facility.shopifyLocationId) continue;
    if (mode === "exception") plan.problems.push(mismatch(fo, facility, orderNumber));
    else {
      const moved = lines.map((l) => ({ fulfillmentOrderLineId: l.id, quantity: l.remainingQuantity }));
      plan.needsMove.push({ fulfillmentOrderId: fo.id, fromLocationId: fo.locationId, toLocationId: facility.shopifyLocationId, lines: moved });
    }
  }
  return plan;
}

const mismatch = (fo: FulfillmentOrderFacts, facility: Facility, orderNumber: string) =>
  mappingProblem(
    "location-mismatch",
    { orderNumber, subject: `${fo.id}:${facility.code}` },
    `Shopify has assigned part of this order to another location (${fo.locationId ?? "unknown"}), but the routing rules send it to ${facility.name}, whose location is ${facility.shopifyLocationId}. Change the order's location in Shopify, or let Loadbay move fulfillment orders in the routing settings, then retry.`,
    { fulfillmentOrderId: fo.id, fromLocationId: fo.locationId, toLocationId: facility.shopifyLocationId, facilityCode: facility.code },
  );
