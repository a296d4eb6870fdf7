import type { ShopState } from "./shop-state";
import type { DraftOrderRecord, FulfillmentOrderRecord, OrderCommon, OrderRecord } from "./types";
import type { OrderSpec } from "./order-spec";
import { buildCommon } from "./order-factory";
import { commitStock } from "./stock-movements";
import { emitDraft, emitOrder } from "../webhooks/events";

/** Places an order: one fulfillment order at the chosen location, stock committed, `orders/create` (+ `orders/paid`). */
export function placeOrder(shop: ShopState, spec: OrderSpec): OrderRecord {
  const { common, parsed } = buildCommon(shop, spec, "Order");
  const order = orderFrom(shop, common, {
    financial: parsed.financialStatus ?? (common.paymentTerms ? "PENDING" : "PAID"),
    sourceName: parsed.sourceName ?? "web",
    draftOrderId: null,
  });
  openFulfillmentOrder(shop, order, parsed.locationId);
  announce(shop, order);
  return order;
}

interface OrderExtras {
  financial: OrderRecord["displayFinancialStatus"];
  sourceName: string;
  draftOrderId: string | null;
}

function orderFrom(shop: ShopState, common: OrderCommon, extras: OrderExtras): OrderRecord {
  const number = shop.nextOrderNumber++;
  const order: OrderRecord = {
    ...common,
    name: `#${number}`,
    number,
    processedAt: common.createdAt,
    cancelledAt: null,
    cancelReason: null,
    closed: false,
    closedAt: null,
    displayFinancialStatus: extras.financial,
    sourceName: extras.sourceName,
    draftOrderId: extras.draftOrderId,
    fulfillmentOrderIds: [],
    fulfillmentIds: [],
    refundIds: [],
    edited: false,
  };
  shop.orders.set(order.id, order);
  return order;
}

function openFulfillmentOrder(shop: ShopState, order: OrderRecord, locationId: string | undefined): void {
  const location = (locationId && shop.locations.get(locationId)) || shop.primaryLocation();
  if (!location) throw new Error(`shop ${shop.domain} has no location to assign the order to`);
  const fo: FulfillmentOrderRecord = {
    id: shop.newId("FulfillmentOrder"),
    orderId: order.id,
    assignedLocationId: location.id,
    status: "OPEN",
    lineItems: order.lineItems
      .filter((l) => l.requiresShipping)
      .map((l) => ({ id: shop.newId("FulfillmentOrderLineItem"), lineItemId: l.id, totalQuantity: l.quantity, remainingQuantity: l.quantity })),
    holds: [],
    createdAt: order.createdAt,
    updatedAt: order.createdAt,
  };
  shop.fulfillmentOrders.set(fo.id, fo);
  order.fulfillmentOrderIds.push(fo.id);
  commitStock(shop, order, location.id);
}

function announce(shop: ShopState, order: OrderRecord): void {
  emitOrder(shop, "orders/create", order);
  if (order.displayFinancialStatus === "PAID") emitOrder(shop, "orders/paid", order);
}

/** Creates an open draft order and emits `draft_orders/create`. */
export function createDraft(shop: ShopState, spec: OrderSpec): DraftOrderRecord {
  const { common } = buildCommon(shop, spec, "DraftOrder");
  const draft: DraftOrderRecord = { ...common, name: `#D${shop.nextDraftNumber++}`, status: "OPEN", completedAt: null, orderId: null };
  shop.draftOrders.set(draft.id, draft);
  emitDraft(shop, "draft_orders/create", draft);
  return draft;
}

/** Completes a draft into an order: `draft_orders/update` then `orders/create`, as Shopify sends them. */
export function completeDraft(shop: ShopState, draftId: string, options: { paymentPending?: boolean; locationId?: string } = {}): OrderRecord {
  const draft = shop.draftOrders.get(draftId);
  if (!draft) throw new Error(`no draft order ${draftId}`);
  if (draft.status === "COMPLETED" && draft.orderId) throw new Error(`draft order ${draftId} is already completed`);
  const { id: _draftId, name: _draftName, createdAt: _c, updatedAt: _u, ...rest } = draft;
  const now = shop.nowIso();
  const pending = options.paymentPending ?? draft.paymentTerms !== null;
  const common: OrderCommon = { ...rest, id: shop.newId("Order"), name: "", createdAt: now, updatedAt: now, lineItems: rest.lineItems.map((l) => ({ ...l, id: shop.newId("LineItem") })) };
  const order = orderFrom(shop, common, { financial: pending ? "PENDING" : "PAID", sourceName: "shopify_draft_order", draftOrderId: draft.id });
  openFulfillmentOrder(shop, order, options.locationId);
  draft.status = "COMPLETED";
  draft.completedAt = now;
  draft.orderId = order.id;
  draft.updatedAt = now;
  emitDraft(shop, "draft_orders/update", draft);
  announce(shop, order);
  return order;
}
