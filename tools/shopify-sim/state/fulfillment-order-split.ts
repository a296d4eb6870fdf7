import type { ShopState } from "./shop-state";
import type { FulfillmentOrderRecord } from "./types";

export interface LineTake {
  foLineId: string;
  quantity: number;
}

/**
 * Takes unfulfilled quantities out of `source` into a brand-new fulfillment order (new FO and line ids,
 * as Shopify recreates line items on a split or move). The source keeps what was fulfilled or not taken.
 */
export function splitOff(shop: ShopState, source: FulfillmentOrderRecord, takes: LineTake[], locationId: string): FulfillmentOrderRecord {
  const now = shop.nowIso();
  const created: FulfillmentOrderRecord = {
    id: shop.newId("FulfillmentOrder"),
    orderId: source.orderId,
    assignedLocationId: locationId,
    status: "OPEN",
    lineItems: [],
    holds: [],
    createdAt: now,
    updatedAt: now,
  };
  for (const take of takes) {
    const line = source.lineItems.find((l) => l.id === take.foLineId);
    if (!line || take.quantity <= 0) continue;
    line.remainingQuantity -= take.quantity;
    line.totalQuantity -= take.quantity;
    created.lineItems.push({ id: shop.newId("FulfillmentOrderLineItem"), lineItemId: line.lineItemId, totalQuantity: take.quantity, remainingQuantity: take.quantity });
  }
  source.lineItems = source.lineItems.filter((l) => l.totalQuantity > 0);
  source.updatedAt = now;
  shop.fulfillmentOrders.set(created.id, created);
  shop.orders.get(source.orderId)?.fulfillmentOrderIds.push(created.id);
  return created;
}

/** Every unfulfilled unit of a fulfillment order, as takes. */
export function allRemaining(fo: FulfillmentOrderRecord): LineTake[] {
  return fo.lineItems.filter((l) => l.remainingQuantity > 0).map((l) => ({ foLineId: l.id, quantity: l.remainingQuantity }));
}
