import { legacyId } from "../../lib/gid";
import type { ShopState } from "../../state/shop-state";
import type { FulfillmentRecord } from "../../state/types";
import { lineItemPayload } from "./order-payload";

/** REST fulfillment JSON (embedded in orders and sent alone for `fulfillments/*`). */
export function fulfillmentPayload(shop: ShopState, f: FulfillmentRecord): Record<string, unknown> {
  const order = shop.orders.get(f.orderId);
  const first = f.tracking[0];
  return {
    id: legacyId(f.id),
    admin_graphql_api_id: f.id,
    order_id: legacyId(f.orderId),
    name: f.name,
    status: f.status === "SUCCESS" ? "success" : "cancelled",
    location_id: legacyId(f.locationId),
    created_at: f.createdAt,
    updated_at: f.updatedAt,
    notify_customer: f.notifyCustomer,
    tracking_company: first?.company ?? null,
    tracking_number: first?.number ?? null,
    tracking_numbers: f.tracking.flatMap((t) => (t.number ? [t.number] : [])),
    tracking_url: first?.url ?? null,
    tracking_urls: f.tracking.flatMap((t) => (t.url ? [t.url] : [])),
    shipment_status: null,
    line_items: f.lines.flatMap((l) => {
      const line = order?.lineItems.find((li) => li.id === l.lineItemId);
      return order && line ? [{ ...lineItemPayload(order, line, 0), quantity: l.quantity }] : [];
    }),
  };
}
