import type { ShopState } from "./shop-state";
import type { OrderRecord, RefundRecord } from "./types";
import { touch } from "./order-status";
import { isActive, settledStatus } from "./fulfillment-order-rules";
import { lookup } from "../views/common";
import { releaseStock } from "./stock-movements";
import { echoOrderUpdated, emitOrder } from "../webhooks/events";
import { refundPayload } from "../webhooks/payloads/refund-payload";

function mustOrder(shop: ShopState, id: string): OrderRecord {
  const order = shop.orders.get(id);
  if (!order) throw new Error(`no order ${id} on ${shop.domain}`);
  return order;
}

/** Takes `quantity` units of a line out of its open fulfillment orders (edits, refunds, cancels). */
function reduceOpenQuantity(shop: ShopState, order: OrderRecord, lineItemId: string, quantity: number): void {
  let left = quantity;
  for (const fo of lookup(order.fulfillmentOrderIds, shop.fulfillmentOrders).filter((f) => isActive(f.status))) {
    const line = fo.lineItems.find((l) => l.lineItemId === lineItemId);
    if (!line || left === 0) continue;
    const take = Math.min(left, line.remainingQuantity);
    line.remainingQuantity -= take;
    line.totalQuantity -= take;
    left -= take;
    releaseStock(shop, { variantId: order.lineItems.find((l) => l.id === lineItemId)?.variantId ?? null, locationId: fo.assignedLocationId, quantity: take });
    fo.lineItems = fo.lineItems.filter((l) => l.totalQuantity > 0);
    fo.status = fo.lineItems.length === 0 ? "CLOSED" : settledStatus(fo);
    fo.updatedAt = shop.nowIso();
  }
}

/** An order edit that sets line quantities: `orders/edited` then `orders/updated`. */
export function editOrder(shop: ShopState, orderId: string, changes: { lineItemId: string; quantity: number }[]): OrderRecord {
  const order = mustOrder(shop, orderId);
  const removals: { id: string; delta: number }[] = [];
  for (const change of changes) {
    const line = order.lineItems.find((l) => l.id === change.lineItemId);
    if (!line) throw new Error(`no line item ${change.lineItemId} on ${orderId}`);
    const delta = line.currentQuantity - change.quantity;
    if (delta <= 0) continue;
    reduceOpenQuantity(shop, order, line.id, delta);
    line.currentQuantity = change.quantity;
    removals.push({ id: line.id, delta });
  }
  order.edited = true;
  touch(shop, order);
  shop.emit("orders/edited", {
    order_edit: {
      id: Number(shop.newId("OrderEdit").split("/").pop()),
      app_id: null,
      created_at: order.updatedAt,
      notify_customer: false,
      order_id: Number(order.id.split("/").pop()),
      staff_note: "",
      user_id: null,
      line_items: { additions: [], removals: removals.map((r) => ({ id: Number(r.id.split("/").pop()), delta: r.delta })) },
      discounts: { additions: [], removals: [] },
      shipping_lines: { additions: [], removals: [] },
    },
  });
  echoOrderUpdated(shop, order.id);
  return order;
}

/** Refunds line quantities: `refunds/create` then `orders/updated`; the financial status follows. */
export function refundOrder(shop: ShopState, orderId: string, input: { lines: { lineItemId: string; quantity: number; restock?: boolean }[]; note?: string }): RefundRecord {
  const order = mustOrder(shop, orderId);
  const refund: RefundRecord = { id: shop.newId("Refund"), orderId, note: input.note ?? null, createdAt: shop.nowIso(), lines: [] };
  for (const item of input.lines) {
    const line = order.lineItems.find((l) => l.id === item.lineItemId);
    if (!line) throw new Error(`no line item ${item.lineItemId} on ${orderId}`);
    const quantity = Math.min(item.quantity, line.currentQuantity);
    reduceOpenQuantity(shop, order, line.id, quantity);
    line.currentQuantity -= quantity;
    refund.lines.push({ id: shop.newId("RefundLineItem"), lineItemId: line.id, quantity, restockType: item.restock ? "CANCEL" : "NO_RESTOCK", subtotalCents: line.priceCents * quantity });
  }
  shop.refunds.set(refund.id, refund);
  order.refundIds.push(refund.id);
  order.displayFinancialStatus = order.lineItems.every((l) => l.currentQuantity === 0) ? "REFUNDED" : "PARTIALLY_REFUNDED";
  touch(shop, order);
  shop.emit("refunds/create", refundPayload(shop, refund));
  echoOrderUpdated(shop, order.id);
  return refund;
}

/** Cancels an order: open fulfillment orders are cancelled, `orders/cancelled` then `orders/updated`. */
export function cancelOrder(shop: ShopState, orderId: string, reason = "customer"): OrderRecord {
  const order = mustOrder(shop, orderId);
  for (const fo of lookup(order.fulfillmentOrderIds, shop.fulfillmentOrders).filter((f) => isActive(f.status))) {
    for (const line of fo.lineItems) {
      const variantId = order.lineItems.find((l) => l.id === line.lineItemId)?.variantId ?? null;
      releaseStock(shop, { variantId, locationId: fo.assignedLocationId, quantity: line.remainingQuantity });
    }
    fo.status = "CANCELLED";
    fo.updatedAt = shop.nowIso();
  }
  order.cancelledAt = shop.nowIso();
  order.cancelReason = reason.toUpperCase();
  order.closed = true;
  order.closedAt = order.cancelledAt;
  touch(shop, order);
  emitOrder(shop, "orders/cancelled", order);
  echoOrderUpdated(shop, order.id);
  return order;
}
