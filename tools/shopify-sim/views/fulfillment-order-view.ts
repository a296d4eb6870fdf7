import { moneyBag } from "../lib/money";
import { connection, type PageArgs } from "../graphql/connection";
import type { RequestContext } from "../graphql/context";
import type { ShopState } from "../state/shop-state";
import type { FulfillmentHoldRecord, FulfillmentOrderLineRecord, FulfillmentOrderRecord } from "../state/types";
import { supportedActions } from "../state/fulfillment-order-rules";
import { variantView } from "./catalog-view";
import { idSort, lookup } from "./common";
import { fulfillmentView } from "./fulfillment-view";
import { lineItemView } from "./line-item-view";
import { locationView } from "./inventory-view";
import { orderView } from "./order-view";

export function fulfillmentOrderView(shop: ShopState, record: FulfillmentOrderRecord): Record<string, unknown> {
  const order = shop.orders.get(record.orderId);
  const location = shop.locations.get(record.assignedLocationId);
  return {
    __typename: "FulfillmentOrder",
    id: record.id,
    status: record.status,
    requestStatus: "UNSUBMITTED",
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    fulfillAt: null,
    fulfillBy: null,
    orderId: record.orderId,
    orderName: order?.name ?? "",
    orderProcessedAt: order?.processedAt ?? record.createdAt,
    order: () => (order ? orderView(shop, order) : null),
    assignedLocation: {
      __typename: "FulfillmentOrderAssignedLocation",
      name: location?.name ?? "",
      ...location?.address,
      countryCode: location?.address.countryCode ?? "GB",
      location: () => (location ? locationView(shop, location) : null),
    },
    destination: () => destinationView(shop, record),
    supportedActions: () => supportedActions(shop, record).map((action) => ({ action, externalUrl: null })),
    fulfillmentHolds: () => record.holds.map((h) => holdView(h)),
    lineItems: (args: PageArgs, ctx: RequestContext) =>
      connection(ctx, record.lineItems.map((l) => foLineItemView(shop, record, l)), args, idSort),
    fulfillments: (args: PageArgs, ctx: RequestContext) => {
      const ids = order?.fulfillmentIds ?? [];
      const mine = lookup(ids, shop.fulfillments).filter((f) => f.fulfillmentOrderIds.includes(record.id));
      return connection(ctx, mine.map((f) => fulfillmentView(shop, f)), args, idSort);
    },
    merchantRequests: (args: PageArgs, ctx: RequestContext) => connection(ctx, [], args, idSort),
  };
}

export function holdView(hold: FulfillmentHoldRecord): Record<string, unknown> {
  return {
    __typename: "FulfillmentHold",
    id: hold.id,
    reason: hold.reason,
    reasonNotes: hold.reasonNotes,
    handle: hold.handle,
    displayReason: hold.reason.charAt(0) + hold.reason.slice(1).toLowerCase().replace(/_/g, " "),
    heldByRequestingApp: hold.heldByApp,
    heldByApp: null,
  };
}

function foLineItemView(shop: ShopState, fo: FulfillmentOrderRecord, line: FulfillmentOrderLineRecord): Record<string, unknown> {
  const order = shop.orders.get(fo.orderId);
  const orderLine = order?.lineItems.find((l) => l.id === line.lineItemId);
  const variant = orderLine?.variantId ? shop.variants.get(orderLine.variantId) : undefined;
  return {
    __typename: "FulfillmentOrderLineItem",
    id: line.id,
    totalQuantity: line.totalQuantity,
    remainingQuantity: line.remainingQuantity,
    sku: orderLine?.sku ?? null,
    productTitle: orderLine?.title ?? "",
    variantTitle: orderLine?.variantTitle ?? null,
    vendor: orderLine?.vendor ?? null,
    requiresShipping: orderLine?.requiresShipping ?? true,
    inventoryItemId: variant?.inventoryItemId ?? null,
    variant: () => (variant ? variantView(shop, variant) : null),
    lineItem: () => (order && orderLine ? lineItemView(shop, order, orderLine) : null),
    originalUnitPriceSet: order && orderLine ? moneyBag(orderLine.priceCents, order.currency) : null,
    warnings: [],
    financialSummaries: [],
    image: null,
    weight: null,
  };
}

function destinationView(shop: ShopState, fo: FulfillmentOrderRecord): unknown {
  const order = shop.orders.get(fo.orderId);
  const address = order?.shippingAddress;
  if (!order || !address) return null;
  return { __typename: "FulfillmentOrderDestination", id: `${fo.id}/destination`, ...address, email: order.email, location: null };
}
