// The B2B facts SparkLayer spreads over Shopify (attributes, terms, metafields, tags), each read from
// the per-shop FactSources so a merchant whose setup differs can point Loadbay at the right place.
import { z } from "zod";
import type { FactSources, OrderFacts, PaymentMode } from "~/modules/orders/order-facts";
import type { OrderNode } from "./order-response.schema";

/** SparkLayer's `sparkPaymentType` values, lowercased: SparkLayer and merchants' imports differ in casing. */
const SPARK_PAYMENT_TYPES: Record<string, PaymentMode> = {
  upfrontpayment: "upfront",
  paymentonaccount: "on_account",
  paymentbyinvoice: "invoice",
  quote: "quote",
  hokodopayment: "hokodo",
};
/** Payment terms that mean "pay later"; `UNKNOWN` says nothing, so it falls through to the financial status. */
const ON_ACCOUNT_TERMS = new Set(["NET", "FIXED", "RECEIPT", "FULFILLMENT"]);
const PAID_STATUSES = new Set(["PAID", "PARTIALLY_PAID", "AUTHORIZED"]);
/** SparkLayer tags every B2B customer `b2b`; only `b2b-<group>` names a group. */
const BARE_B2B_TAG = "b2b";

export function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The first non-empty value of the order attribute `name`; keys compare case-insensitively. */
export function attribute(order: OrderNode, name: string): string | null {
  const wanted = name.trim().toLowerCase();
  const values = order.customAttributes.filter((a) => a.key.trim().toLowerCase() === wanted).map((a) => nonEmpty(a.value));
  return values.find((v) => v !== null) ?? null;
}

export function paymentMode(order: OrderNode, sources: FactSources): Pick<OrderFacts, "paymentMode" | "paymentModeSource"> {
  const declared = attribute(order, sources.paymentAttribute);
  const mode = declared ? SPARK_PAYMENT_TYPES[declared.toLowerCase()] : undefined;
  if (mode) return { paymentMode: mode, paymentModeSource: "attribute" };
  if (order.paymentTerms && ON_ACCOUNT_TERMS.has(order.paymentTerms.paymentTermsType)) {
    return { paymentMode: "on_account", paymentModeSource: "payment-terms" };
  }
  const paid = PAID_STATUSES.has(order.displayFinancialStatus ?? "");
  return { paymentMode: paid ? "upfront" : "unknown", paymentModeSource: "financial-status" };
}

export function poNumber(order: OrderNode, sources: FactSources): Pick<OrderFacts, "poNumber" | "poSource"> {
  for (const source of sources.poSources) {
    if (source === "poNumber" || source === "note") {
      const value = nonEmpty(order[source]);
      if (value) return { poNumber: value, poSource: source };
      continue;
    }
    const value = attribute(order, source.slice("attribute:".length));
    if (value) return { poNumber: value, poSource: "attribute" };
  }
  return { poNumber: null, poSource: null };
}

export function company(order: OrderNode): OrderFacts["company"] {
  const entity = order.purchasingEntity;
  if (entity?.__typename === "PurchasingCompany") {
    const { company: c, location } = entity;
    return { id: c.id, name: c.name, locationId: location.id, locationName: location.name, source: "purchasing-entity" };
  }
  const named = nonEmpty(order.customer?.companyName?.value);
  if (named) return { id: null, name: named, locationId: null, locationName: null, source: "metafield" };
  const onAddress = nonEmpty(order.shippingAddress?.company);
  return onAddress ? { id: null, name: onAddress, locationId: null, locationName: null, source: "address" } : null;
}

/**
 * The customer's group, lowercased whichever source gives it so groups compare equal across sources.
 * An empty prefix would make every tag a group, so it turns the tag source off.
 */
export function customerGroup(order: OrderNode, sources: FactSources): string | null {
  const prefix = sources.groupTagPrefix.trim().toLowerCase();
  for (const tag of prefix ? (order.customer?.tags ?? []) : []) {
    const normalised = tag.trim().toLowerCase();
    if (normalised === BARE_B2B_TAG || !normalised.startsWith(prefix)) continue;
    const group = normalised.slice(prefix.length).trim();
    if (group) return group;
  }
  return nonEmpty(order.customer?.group?.value)?.toLowerCase() ?? null;
}

const amount = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]).pipe(z.number().finite());
const creditJson = z.object({ credit_limit: amount, balance: amount });

/** SparkLayer's `payment_on_account` JSON. Anything unreadable is "no credit facts", never an exception. */
export function credit(order: OrderNode): OrderFacts["credit"] {
  const raw = order.customer?.credit?.value;
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = creditJson.safeParse(json);
  return parsed.success ? { limit: parsed.data.credit_limit, balance: parsed.data.balance } : null;
}
