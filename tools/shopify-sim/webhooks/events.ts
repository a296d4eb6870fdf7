import type { ShopState } from "../state/shop-state";
import type { DraftOrderRecord, FulfillmentOrderRecord, FulfillmentRecord, OrderRecord } from "../state/types";
import { draftOrderPayload } from "./payloads/draft-order-payload";
import { fulfillmentPayload } from "./payloads/fulfillment-payload";
import { orderPayload } from "./payloads/order-payload";
import { fulfillmentOrderRef } from "./payloads/shop-payloads";

/** Topic helpers so state changes emit exactly what Shopify would for them. */
export function emitOrder(shop: ShopState, topic: string, order: OrderRecord): void {
  shop.emit(topic, orderPayload(shop, order));
}

/** Shopify echoes `orders/updated` after an app's own writes to an order (tags, notes, metafields, holds, fulfilments). */
export function echoOrderUpdated(shop: ShopState, orderId: string): void {
  const order = shop.orders.get(orderId);
  if (order) emitOrder(shop, "orders/updated", order);
}

export function emitDraft(shop: ShopState, topic: "draft_orders/create" | "draft_orders/update", draft: DraftOrderRecord): void {
  shop.emit(topic, draftOrderPayload(shop, draft));
}

export function emitFulfillment(shop: ShopState, topic: "fulfillments/create" | "fulfillments/update", f: FulfillmentRecord): void {
  shop.emit(topic, fulfillmentPayload(shop, f));
}

export function emitFulfillmentOrder(shop: ShopState, topic: string, body: Record<string, FulfillmentOrderRecord | unknown>): void {
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    payload[key] = isFulfillmentOrder(value) ? fulfillmentOrderRef(value) : value;
  }
  shop.emit(topic, payload);
}

function isFulfillmentOrder(value: unknown): value is FulfillmentOrderRecord {
  return typeof value === "object" && value !== null && "assignedLocationId" in value && "holds" in value;
}
