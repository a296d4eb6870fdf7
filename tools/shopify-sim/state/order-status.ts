import type { ShopState } from "./shop-state";
import type { LineItemRecord, OrderCommon, OrderRecord } from "./types";

export function lineTotalCents(lines: LineItemRecord[], current: boolean): number {
  return lines.reduce((sum, l) => sum + l.priceCents * (current ? l.currentQuantity : l.quantity), 0);
}

export function shippingCents(order: OrderCommon): number {
  return order.shippingLines.reduce((sum, s) => sum + s.priceCents, 0);
}

export function totalCents(order: OrderCommon, current = false): number {
  return lineTotalCents(order.lineItems, current) + shippingCents(order);
}

/** Quantity of each line item already fulfilled, from successful fulfillments. */
export function fulfilledQuantities(shop: ShopState, order: OrderRecord): Map<string, number> {
  const result = new Map<string, number>();
  for (const id of order.fulfillmentIds) {
    const fulfillment = shop.fulfillments.get(id);
    if (!fulfillment || fulfillment.status !== "SUCCESS") continue;
    for (const line of fulfillment.lines) result.set(line.lineItemId, (result.get(line.lineItemId) ?? 0) + line.quantity);
  }
  return result;
}

export type DisplayFulfillmentStatus = "FULFILLED" | "PARTIALLY_FULFILLED" | "ON_HOLD" | "UNFULFILLED";

export function displayFulfillmentStatus(shop: ShopState, order: OrderRecord): DisplayFulfillmentStatus {
  const fulfilled = [...fulfilledQuantities(shop, order).values()].reduce((a, b) => a + b, 0);
  const wanted = order.lineItems.filter((l) => l.requiresShipping).reduce((a, l) => a + l.currentQuantity, 0);
  if (fulfilled > 0 && fulfilled >= wanted) return "FULFILLED";
  if (fulfilled > 0) return "PARTIALLY_FULFILLED";
  const onHold = order.fulfillmentOrderIds.some((id) => shop.fulfillmentOrders.get(id)?.status === "ON_HOLD");
  return onHold ? "ON_HOLD" : "UNFULFILLED";
}

/** REST webhook spelling of the same status (`fulfilled`, `partial`, null). */
export function restFulfillmentStatus(shop: ShopState, order: OrderRecord): string | null {
  const status = displayFulfillmentStatus(shop, order);
  if (status === "FULFILLED") return "fulfilled";
  if (status === "PARTIALLY_FULFILLED") return "partial";
  return null;
}

export function touch(shop: ShopState, order: { updatedAt: string }): void {
  order.updatedAt = shop.nowIso();
}
