import { legacyId } from "../../lib/gid";
import type { ShopState } from "../../state/shop-state";
import type { RefundRecord } from "../../state/types";
import { lineItemPayload } from "./order-payload";
import { priceSet } from "./rest-common";

/** REST refund JSON, the body of `refunds/create`. */
export function refundPayload(shop: ShopState, refund: RefundRecord): Record<string, unknown> {
  const order = shop.orders.get(refund.orderId);
  const currency = order?.currency ?? { shop: "GBP", presentment: "GBP", rate: 1 };
  return {
    id: legacyId(refund.id),
    admin_graphql_api_id: refund.id,
    order_id: legacyId(refund.orderId),
    created_at: refund.createdAt,
    processed_at: refund.createdAt,
    note: refund.note,
    restock: refund.lines.some((l) => l.restockType !== "NO_RESTOCK"),
    user_id: null,
    refund_line_items: refund.lines.map((l) => {
      const line = order?.lineItems.find((li) => li.id === l.lineItemId);
      return {
        id: legacyId(l.id),
        line_item_id: legacyId(l.lineItemId),
        quantity: l.quantity,
        restock_type: l.restockType.toLowerCase(),
        location_id: null,
        subtotal: (l.subtotalCents / 100).toFixed(2),
        subtotal_set: priceSet(l.subtotalCents, currency),
        total_tax: "0.00",
        line_item: order && line ? lineItemPayload(order, line, 0) : null,
      };
    }),
    transactions: [],
    order_adjustments: [],
    refund_shipping_lines: [],
    duties: [],
  };
}
