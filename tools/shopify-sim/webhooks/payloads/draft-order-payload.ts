import { legacyId } from "../../lib/gid";
import type { ShopState } from "../../state/shop-state";
import type { DraftOrderRecord } from "../../state/types";
import { commonOrderFields, lineItemPayload } from "./order-payload";

/** REST draft order JSON for `draft_orders/create|update`. */
export function draftOrderPayload(shop: ShopState, draft: DraftOrderRecord): Record<string, unknown> {
  const hidden = shop.protectedDataLevel < 2;
  return {
    id: legacyId(draft.id),
    admin_graphql_api_id: draft.id,
    name: draft.name,
    status: draft.status.toLowerCase(),
    order_id: draft.orderId ? legacyId(draft.orderId) : null,
    email: hidden ? null : draft.email,
    created_at: draft.createdAt,
    updated_at: draft.updatedAt,
    completed_at: draft.completedAt,
    invoice_sent_at: null,
    invoice_url: null,
    tax_exempt: false,
    line_items: draft.lineItems.map((l) => lineItemPayload(draft, l, 0)),
    ...commonOrderFields(shop, draft),
  };
}
