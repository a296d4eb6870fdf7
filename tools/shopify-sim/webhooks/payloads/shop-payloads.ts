import { legacyId } from "../../lib/gid";
import type { ShopState } from "../../state/shop-state";
import type { CustomerRecord, FulfillmentOrderRecord, InventoryLevelRecord } from "../../state/types";

/** `app/uninstalled` (and `shop/update`) carry the shop object. */
export function shopPayload(shop: ShopState): Record<string, unknown> {
  const name = shop.domain.replace(".myshopify.com", "");
  return {
    id: shop.settings.shopId,
    name,
    email: `owner@${shop.domain}`,
    domain: shop.domain,
    myshopify_domain: shop.domain,
    currency: shop.settings.currencyCode,
    iana_timezone: shop.settings.timezone,
    timezone: `(GMT+00:00) ${shop.settings.timezone}`,
    country_code: "GB",
    plan_name: "basic",
    created_at: "2025-01-01T00:00:00Z",
    updated_at: shop.nowIso(),
  };
}

export function customersRedactPayload(shop: ShopState, customer: CustomerRecord, orderIds: string[]): Record<string, unknown> {
  return {
    shop_id: shop.settings.shopId,
    shop_domain: shop.domain,
    customer: { id: legacyId(customer.id), email: customer.email, phone: customer.phone },
    orders_to_redact: orderIds.map(legacyId),
  };
}

export function customersDataRequestPayload(shop: ShopState, customer: CustomerRecord, orderIds: string[]): Record<string, unknown> {
  return {
    shop_id: shop.settings.shopId,
    shop_domain: shop.domain,
    orders_requested: orderIds.map(legacyId),
    customer: { id: legacyId(customer.id), email: customer.email, phone: customer.phone },
    data_request: { id: Math.floor(shop.env.clock.now() / 1000) },
  };
}

export function shopRedactPayload(shop: ShopState): Record<string, unknown> {
  return { shop_id: shop.settings.shopId, shop_domain: shop.domain };
}

/** `fulfillment_orders/*` topics carry a small fulfillment order reference plus topic-specific keys. */
export function fulfillmentOrderRef(fo: FulfillmentOrderRecord): Record<string, unknown> {
  return { id: fo.id, status: fo.status.toLowerCase() };
}

export function inventoryLevelPayload(level: InventoryLevelRecord): Record<string, unknown> {
  return {
    inventory_item_id: legacyId(level.inventoryItemId),
    location_id: legacyId(level.locationId),
    available: level.quantities.available ?? 0,
    updated_at: level.updatedAt,
    admin_graphql_api_id: level.id,
  };
}
