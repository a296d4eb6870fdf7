import { moneyBag } from "../lib/money";
import { connection, type PageArgs } from "../graphql/connection";
import type { RequestContext } from "../graphql/context";
import type { ShopState } from "../state/shop-state";
import type { DraftOrderRecord } from "../state/types";
import { variantView } from "./catalog-view";
import { idSort } from "./common";
import { orderCommonFields } from "./order-common-view";
import { orderView } from "./order-view";

export function draftOrderView(shop: ShopState, record: DraftOrderRecord): Record<string, unknown> {
  const order = record.orderId ? shop.orders.get(record.orderId) : undefined;
  return {
    __typename: "DraftOrder",
    ...orderCommonFields(shop, record, "DRAFTORDER"),
    note2: record.note,
    status: record.status,
    completedAt: record.completedAt,
    invoiceUrl: null,
    invoiceSentAt: null,
    ready: true,
    reserveInventoryUntil: null,
    visibleToCustomer: false,
    totalQuantityOfLineItems: record.lineItems.reduce((a, l) => a + l.quantity, 0),
    order: () => (order ? orderView(shop, order) : null),
    lineItems: (args: PageArgs, ctx: RequestContext) => {
      const views = record.lineItems.map((l) => {
        const variant = l.variantId ? shop.variants.get(l.variantId) : undefined;
        return {
          __typename: "DraftOrderLineItem",
          id: l.id,
          sku: l.sku,
          title: l.title,
          name: l.title,
          quantity: l.quantity,
          custom: l.variantId === null,
          customAttributes: l.customAttributes,
          requiresShipping: l.requiresShipping,
          originalUnitPriceSet: moneyBag(l.priceCents, record.currency),
          variant: () => (variant ? variantView(shop, variant) : null),
        };
      });
      return connection(ctx, views, args, idSort);
    },
  };
}
