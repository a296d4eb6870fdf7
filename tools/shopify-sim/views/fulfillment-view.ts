import { connection, type PageArgs } from "../graphql/connection";
import type { RequestContext } from "../graphql/context";
import type { ShopState } from "../state/shop-state";
import type { FulfillmentRecord } from "../state/types";
import { idSort, legacy, lookup } from "./common";
import { fulfillmentOrderView } from "./fulfillment-order-view";
import { locationView } from "./inventory-view";
import { lineItemView } from "./line-item-view";
import { orderView } from "./order-view";

export function fulfillmentView(shop: ShopState, record: FulfillmentRecord): Record<string, unknown> {
  const order = shop.orders.get(record.orderId);
  const location = shop.locations.get(record.locationId);
  return {
    __typename: "Fulfillment",
    id: record.id,
    legacyResourceId: legacy(record.id),
    name: record.name,
    status: record.status,
    displayStatus: record.status === "SUCCESS" ? "FULFILLED" : "CANCELED",
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    deliveredAt: null,
    inTransitAt: null,
    estimatedDeliveryAt: null,
    requiresShipping: true,
    totalQuantity: record.lines.reduce((a, l) => a + l.quantity, 0),
    trackingInfo: (args: { first?: number | null }) =>
      record.tracking.slice(0, args.first ?? undefined).map((t) => ({ __typename: "FulfillmentTrackingInfo", ...t })),
    location: () => (location ? locationView(shop, location) : null),
    order: () => (order ? orderView(shop, order) : null),
    fulfillmentLineItems: (args: PageArgs, ctx: RequestContext) => {
      const views = record.lines.map((l) => ({
        __typename: "FulfillmentLineItem",
        id: l.id,
        quantity: l.quantity,
        lineItem: () => {
          const line = order?.lineItems.find((li) => li.id === l.lineItemId);
          return order && line ? lineItemView(shop, order, line) : null;
        },
      }));
      return connection(ctx, views, args, idSort);
    },
    fulfillmentOrders: (args: PageArgs, ctx: RequestContext) =>
      connection(ctx, lookup(record.fulfillmentOrderIds, shop.fulfillmentOrders).map((f) => fulfillmentOrderView(shop, f)), args, idSort),
    events: (args: PageArgs, ctx: RequestContext) => connection(ctx, [], args, idSort),
  };
}
