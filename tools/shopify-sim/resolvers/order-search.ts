import { legacyId } from "../lib/gid";
import type { SortTuple } from "../graphql/connection";
import type { SearchFields } from "../graphql/search-query";
import type { ShopState } from "../state/shop-state";
import type { OrderRecord } from "../state/types";
import { restFulfillmentStatus } from "../state/order-status";

/** Search fields `orders(query:)` understands; everything else is ignored as Shopify ignores unknown filters. */
export function orderSearchFields(shop: ShopState): SearchFields<OrderRecord> {
  return {
    updated_at: (o) => o.updatedAt,
    created_at: (o) => o.createdAt,
    processed_at: (o) => o.processedAt,
    id: (o) => legacyId(o.id),
    name: (o) => o.name,
    tag: (o) => o.tags,
    po_number: (o) => o.poNumber,
    sku: (o) => o.lineItems.flatMap((l) => (l.sku ? [l.sku] : [])),
    customer_id: (o) => (o.customerId ? String(legacyId(o.customerId)) : null),
    financial_status: (o) => o.displayFinancialStatus.toLowerCase(),
    fulfillment_status: (o) => {
      const status = restFulfillmentStatus(shop, o);
      return status === "fulfilled" ? ["fulfilled", "shipped"] : status === "partial" ? ["partial", "unfulfilled"] : ["unfulfilled", "unshipped"];
    },
    status: (o) => (o.cancelledAt ? "cancelled" : o.closed ? "closed" : "open"),
  };
}

export function orderSortKey(sortKey: string | null | undefined): (o: OrderRecord) => SortTuple {
  switch (sortKey) {
    case "UPDATED_AT":
      return (o) => [o.updatedAt, legacyId(o.id)];
    case "CREATED_AT":
      return (o) => [o.createdAt, legacyId(o.id)];
    case "PROCESSED_AT":
      return (o) => [o.processedAt, legacyId(o.id)];
    case "ORDER_NUMBER":
      return (o) => [o.number, legacyId(o.id)];
    default:
      return (o) => [0, legacyId(o.id)];
  }
}
