import { moneyBag } from "../lib/money";
import { connection, type PageArgs } from "../graphql/connection";
import type { RequestContext } from "../graphql/context";
import type { ShopState } from "../state/shop-state";
import type { OrderRecord } from "../state/types";
import { displayFulfillmentStatus, totalCents } from "../state/order-status";
import { idSort, lookup } from "./common";
import { fulfillmentOrderView } from "./fulfillment-order-view";
import { fulfillmentView } from "./fulfillment-view";
import { lineItemView } from "./line-item-view";
import { orderCommonFields } from "./order-common-view";
import { refundView } from "./refund-view";

export function orderView(shop: ShopState, record: OrderRecord): Record<string, unknown> {
  const bag = (cents: number) => moneyBag(cents, record.currency);
  return {
    __typename: "Order",
    ...orderCommonFields(shop, record, "ORDER"),
    number: record.number,
    note: record.note,
    processedAt: record.processedAt,
    cancelledAt: record.cancelledAt,
    cancelReason: record.cancelReason,
    closed: record.closed,
    closedAt: record.closedAt,
    confirmed: true,
    test: false,
    edited: record.edited,
    sourceName: record.sourceName,
    displayFinancialStatus: record.displayFinancialStatus,
    displayFulfillmentStatus: () => displayFulfillmentStatus(shop, record),
    fullyPaid: record.displayFinancialStatus === "PAID",
    requiresShipping: record.lineItems.some((l) => l.requiresShipping),
    fulfillable: record.cancelledAt === null && !record.closed,
    currentTotalPriceSet: () => bag(totalCents(record, true)),
    originalTotalPriceSet: () => bag(totalCents(record, false)),
    currentSubtotalLineItemsQuantity: record.lineItems.reduce((a, l) => a + l.currentQuantity, 0),
    subtotalLineItemsQuantity: record.lineItems.reduce((a, l) => a + l.quantity, 0),
    lineItems: (args: PageArgs, ctx: RequestContext) =>
      connection(ctx, record.lineItems.map((l) => lineItemView(shop, record, l)), args, idSort),
    fulfillmentOrders: (args: PageArgs & { displayable?: boolean | null }, ctx: RequestContext) =>
      connection(ctx, fulfillmentOrdersOf(shop, record, args.displayable ?? false), args, idSort),
    fulfillments: (args: { first?: number | null }) =>
      lookup(record.fulfillmentIds, shop.fulfillments)
        .slice(0, args.first ?? undefined)
        .map((f) => fulfillmentView(shop, f)),
    refunds: (args: { first?: number | null }) =>
      lookup(record.refundIds, shop.refunds)
        .slice(0, args.first ?? undefined)
        .map((r) => refundView(shop, r)),
  };
}

function fulfillmentOrdersOf(shop: ShopState, order: OrderRecord, displayableOnly: boolean): Record<string, unknown>[] {
  return lookup(order.fulfillmentOrderIds, shop.fulfillmentOrders)
    .filter((fo) => !displayableOnly || (fo.status !== "CLOSED" && fo.status !== "CANCELLED"))
    .map((fo) => fulfillmentOrderView(shop, fo));
}
