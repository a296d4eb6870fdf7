import { fromDecimal } from "../lib/money";
import type { ShopState } from "./shop-state";
import type { AddressRecord, LineItemRecord, OrderCommon, PaymentTermsRecord } from "./types";
import { addressSchema, orderSpec, type OrderSpec, type ParsedOrderSpec } from "./order-spec";

/** Fixed conversion rates into shop currency: the simulator has no FX feed. */
const RATES: Record<string, number> = { GBP: 1, EUR: 0.85, USD: 0.79 };

/** Builds the fields orders and draft orders share from a spec (parsed with zod: it is test input). */
export function buildCommon(shop: ShopState, spec: OrderSpec, idType: "Order" | "DraftOrder"): { common: OrderCommon; parsed: ParsedOrderSpec } {
  const parsed = orderSpec.parse(spec);
  const now = shop.nowIso();
  const customer = parsed.customerId ? shop.customers.get(parsed.customerId) : undefined;
  const presentment = parsed.presentmentCurrency ?? shop.settings.currencyCode;
  const common: OrderCommon = {
    id: shop.newId(idType),
    name: "",
    createdAt: now,
    updatedAt: now,
    email: parsed.email !== undefined ? parsed.email : (customer?.email ?? null),
    phone: parsed.phone !== undefined ? parsed.phone : (customer?.phone ?? null),
    poNumber: parsed.poNumber ?? null,
    note: parsed.note ?? null,
    customAttributes: Object.entries(parsed.attributes ?? {}).map(([key, value]) => ({ key, value })),
    tags: parsed.tags ?? [],
    currency: { shop: shop.settings.currencyCode, presentment, rate: parsed.rate ?? RATES[presentment] ?? 1 },
    customerId: parsed.customerId ?? null,
    companyId: parsed.companyId ?? null,
    paymentTerms: paymentTerms(shop, parsed.paymentTerms ?? null),
    shippingAddress: address(parsed.shippingAddress, customer?.defaultAddress ?? null),
    billingAddress: address(parsed.billingAddress, customer?.defaultAddress ?? null),
    shippingLines: (parsed.shipping ?? [{ title: "Standard", code: "STANDARD", price: 9.5 }]).map((s) => ({
      id: shop.newId("ShippingLine"),
      title: s.title,
      code: s.code ?? null,
      source: "shopify",
      priceCents: fromDecimal(s.price ?? 0),
    })),
    lineItems: parsed.lines.map((l) => lineItem(shop, l)),
    metafields: [],
  };
  return { common, parsed };
}

function lineItem(shop: ShopState, line: ParsedOrderSpec["lines"][number]): LineItemRecord {
  const variant = [...shop.variants.values()].find((v) => v.sku === line.sku);
  return {
    id: shop.newId("LineItem"),
    variantId: variant?.id ?? null,
    sku: line.sku,
    title: line.title ?? variant?.productTitle ?? line.sku,
    variantTitle: variant && variant.title !== "Default Title" ? variant.title : null,
    quantity: line.quantity,
    currentQuantity: line.quantity,
    priceCents: line.price !== undefined ? fromDecimal(line.price) : (variant?.priceCents ?? 1000),
    requiresShipping: true,
    customAttributes: Object.entries(line.attributes ?? {}).map(([key, value]) => ({ key, value })),
    vendor: "Loadbay Demo",
  };
}

function address(given: Partial<AddressRecord> | null | undefined, fallback: AddressRecord | null): AddressRecord | null {
  if (given === null) return null;
  if (given === undefined) return fallback;
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return addressSchema.parse({ ...fallback, ...defined });
}

function paymentTerms(shop: ShopState, spec: ParsedOrderSpec["paymentTerms"] | null): PaymentTermsRecord | null {
  if (!spec) return null;
  const dueInDays = spec.dueInDays ?? (spec.type === "NET" ? 30 : null);
  const name = spec.name ?? (spec.type === "NET" ? `Net ${dueInDays ?? 30}` : spec.type.toLowerCase());
  return { id: shop.newId("PaymentTerms"), type: spec.type, name, dueInDays };
}
