import { legacy } from "./common";
import type { ShopState } from "../state/shop-state";

export function shopView(shop: ShopState): Record<string, unknown> {
  const id = `gid://shopify/Shop/${shop.settings.shopId}`;
  return {
    __typename: "Shop",
    id,
    legacyResourceId: legacy(id),
    name: shop.domain.replace(".myshopify.com", ""),
    myshopifyDomain: shop.domain,
    email: `owner@${shop.domain}`,
    contactEmail: `owner@${shop.domain}`,
    currencyCode: shop.settings.currencyCode,
    ianaTimezone: shop.settings.timezone,
    timezoneAbbreviation: "UTC",
    enabledPresentmentCurrencies: [shop.settings.currencyCode, "EUR", "USD"],
    plan: { __typename: "ShopPlan", displayName: "Simulated", partnerDevelopment: false, shopifyPlus: false, publicDisplayName: "Simulated" },
  };
}
