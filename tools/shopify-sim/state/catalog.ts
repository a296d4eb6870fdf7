import { fromDecimal } from "../lib/money";
import type { ShopState } from "./shop-state";
import type { AddressRecord, CompanyRecord, CustomerRecord, LocationRecord, VariantRecord } from "./types";
import { ensureLevel, setQuantity } from "./inventory";
import { addressSchema } from "./order-spec";

export function addLocation(shop: ShopState, input: { name: string; primary?: boolean; address?: Partial<AddressRecord> }): LocationRecord {
  const location: LocationRecord = {
    id: shop.newId("Location"),
    name: input.name,
    isPrimary: input.primary ?? shop.locations.size === 0,
    isActive: true,
    address: addressSchema.parse({ address1: "1 Warehouse Way", city: "Leeds", zip: "LS1 1AA", country: "United Kingdom", countryCode: "GB", ...input.address }),
    createdAt: shop.nowIso(),
  };
  shop.locations.set(location.id, location);
  return location;
}

export interface VariantInput {
  sku: string | null;
  title?: string;
  productTitle?: string;
  price?: number;
  /** SparkLayer's quantity increment, stored as variant metafield `sparklayer.pack_size`. */
  packSize?: number;
  /** Available quantity per location id; the default stocks every location with 100. */
  inventory?: Record<string, number>;
}

/** A product with one variant, its inventory item and levels. */
export function addVariant(shop: ShopState, input: VariantInput): VariantRecord {
  const now = shop.nowIso();
  const variant: VariantRecord = {
    id: shop.newId("ProductVariant"),
    productId: shop.newId("Product"),
    productTitle: input.productTitle ?? input.sku ?? "Untitled product",
    title: input.title ?? "Default Title",
    sku: input.sku,
    priceCents: fromDecimal(input.price ?? 10),
    inventoryItemId: shop.newId("InventoryItem"),
    metafields: [],
    createdAt: now,
    updatedAt: now,
  };
  if (input.packSize !== undefined) {
    variant.metafields.push({ id: shop.newId("Metafield"), namespace: "sparklayer", key: "pack_size", type: "number_integer", value: String(input.packSize), createdAt: now, updatedAt: now });
  }
  shop.variants.set(variant.id, variant);
  shop.inventoryItems.set(variant.inventoryItemId, { id: variant.inventoryItemId, variantId: variant.id, sku: input.sku, tracked: true, createdAt: now, updatedAt: now });
  const stock = input.inventory ?? Object.fromEntries([...shop.locations.keys()].map((id) => [id, 100]));
  for (const [locationId, quantity] of Object.entries(stock)) setQuantity(shop, ensureLevel(shop, variant.inventoryItemId, locationId), "available", quantity);
  return variant;
}

export interface CustomerInput {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  tags?: string[];
  /** `namespace.key` → value; objects are stored as `json` metafields. */
  metafields?: Record<string, string | number | object>;
  address?: Partial<AddressRecord> | null;
}

export function addCustomer(shop: ShopState, input: CustomerInput): CustomerRecord {
  const now = shop.nowIso();
  const customer: CustomerRecord = {
    id: shop.newId("Customer"),
    firstName: input.firstName ?? "Alex",
    lastName: input.lastName ?? "Buyer",
    email: input.email === undefined ? "buyer@example.com" : input.email,
    phone: input.phone === undefined ? "+441130000000" : input.phone,
    tags: input.tags ?? [],
    metafields: [],
    defaultAddress: input.address === null ? null : addressSchema.parse({ firstName: input.firstName ?? "Alex", lastName: input.lastName ?? "Buyer", address1: "2 Trade Street", city: "Manchester", zip: "M1 1AA", country: "United Kingdom", countryCode: "GB", phone: input.phone === undefined ? "+441130000000" : input.phone, ...input.address }),
    createdAt: now,
    updatedAt: now,
  };
  for (const [path, value] of Object.entries(input.metafields ?? {})) {
    const [namespace = "custom", key = path] = path.split(".");
    const type = typeof value === "object" ? "json" : typeof value === "number" ? "number_integer" : "single_line_text_field";
    customer.metafields.push({ id: shop.newId("Metafield"), namespace, key, type, value: typeof value === "object" ? JSON.stringify(value) : String(value), createdAt: now, updatedAt: now });
  }
  shop.customers.set(customer.id, customer);
  return customer;
}

/** A B2B company with one location and a main contact (an existing customer). */
export function addCompany(shop: ShopState, input: { name: string; contactCustomerId: string; locationName?: string; externalId?: string }): CompanyRecord {
  const company: CompanyRecord = {
    id: shop.newId("Company"),
    name: input.name,
    externalId: input.externalId ?? null,
    locationId: shop.newId("CompanyLocation"),
    locationName: input.locationName ?? `${input.name} HQ`,
    contactId: shop.newId("CompanyContact"),
    contactCustomerId: input.contactCustomerId,
    createdAt: shop.nowIso(),
  };
  shop.companies.set(company.id, company);
  return company;
}
