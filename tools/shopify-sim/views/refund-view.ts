import { moneyBag } from "../lib/money";
import { connection, type PageArgs } from "../graphql/connection";
import type { RequestContext } from "../graphql/context";
import type { ShopState } from "../state/shop-state";
import type { RefundRecord } from "../state/types";
import { idSort, legacy } from "./common";
import { lineItemView } from "./line-item-view";
import { orderView } from "./order-view";

export function refundView(shop: ShopState, record: RefundRecord): Record<string, unknown> {
  const order = shop.orders.get(record.orderId);
  const currency = order?.currency ?? { shop: "GBP", presentment: "GBP", rate: 1 };
  const total = record.lines.reduce((a, l) => a + l.subtotalCents, 0);
  return {
    __typename: "Refund",
    id: record.id,
    legacyResourceId: legacy(record.id),
    note: record.note,
    createdAt: record.createdAt,
    updatedAt: record.createdAt,
    totalRefundedSet: moneyBag(total, currency),
    order: () => (order ? orderView(shop, order) : null),
    refundLineItems: (args: PageArgs, ctx: RequestContext) => {
      const views = record.lines.map((l) => ({
        id: l.id,
        quantity: l.quantity,
        restockType: l.restockType,
        restocked: l.restockType !== "NO_RESTOCK",
        subtotalSet: moneyBag(l.subtotalCents, currency),
        totalTaxSet: moneyBag(0, currency),
        priceSet: moneyBag(l.quantity ? Math.round(l.subtotalCents / l.quantity) : 0, currency),
        location: null,
        lineItem: () => {
          const line = order?.lineItems.find((li) => li.id === l.lineItemId);
          return order && line ? lineItemView(shop, order, line) : null;
        },
      }));
      return connection(ctx, views, args, idSort);
    },
  };
}
