import { legacyId } from "../../lib/gid";
import { toDecimal } from "../../lib/money";
import type { ShopState } from "../../state/shop-state";
import type { AddressRecord, CurrencyRecord, CustomerRecord } from "../../state/types";

/** REST money set: `{ shop_money: { amount, currency_code }, presentment_money: {...} }`. */
export function priceSet(cents: number, currency: CurrencyRecord): Record<string, unknown> {
  return {
    shop_money: { amount: toDecimal(Math.round(cents * currency.rate)), currency_code: currency.shop },
    presentment_money: { amount: toDecimal(cents), currency_code: currency.presentment },
  };
}

/** Below protected-data level 2 Shopify leaves name, address lines, phone and email out of webhooks too. */
export function restAddress(shop: ShopState, address: AddressRecord | null): Record<string, unknown> | null {
  if (!address) return null;
  const hidden = shop.protectedDataLevel < 2;
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ");
  return {
    first_name: hidden ? null : address.firstName,
    last_name: hidden ? null : address.lastName,
    name: hidden ? null : name,
    company: address.company,
    address1: hidden ? null : address.address1,
    address2: hidden ? null : address.address2,
    city: address.city,
    province: address.province,
    province_code: address.provinceCode,
    zip: hidden ? null : address.zip,
    country: address.country,
    country_code: address.countryCode,
    phone: hidden ? null : address.phone,
    latitude: null,
    longitude: null,
  };
}

export function restCustomer(shop: ShopState, customer: CustomerRecord | undefined): Record<string, unknown> | null {
  if (!customer) return null;
  const hidden = shop.protectedDataLevel < 2;
  return {
    id: legacyId(customer.id),
    email: hidden ? null : customer.email,
    first_name: hidden ? null : customer.firstName,
    last_name: hidden ? null : customer.lastName,
    phone: hidden ? null : customer.phone,
    state: "enabled",
    note: null,
    verified_email: true,
    tax_exempt: false,
    tags: customer.tags.join(", "),
    currency: shop.settings.currencyCode,
    created_at: customer.createdAt,
    updated_at: customer.updatedAt,
    admin_graphql_api_id: customer.id,
    default_address: restAddress(shop, customer.defaultAddress),
  };
}
