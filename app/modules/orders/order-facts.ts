// What Loadbay knows about one Shopify order, in its own terms: extracted from the current order
// (never from a possibly stale webhook body) by app/sources/shopify. Release rules, mapping and the
// admin read these, never Shopify's shapes.

/** SparkLayer's payment types (`sparkPaymentType`), plus what Shopify alone can tell. */
export type PaymentMode = "upfront" | "on_account" | "invoice" | "quote" | "hokodo" | "unknown";

export interface Money {
  /** Decimal string exactly as the source gave it; totals are carried, never recomputed. */
  amount: string;
  currencyCode: string;
}

export interface Address {
  name: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  zip: string | null;
  countryCode: string | null;
  phone: string | null;
}

export interface OrderLine {
  lineItemId: string;
  sku: string | null;
  title: string;
  quantity: number;
  variantId: string | null;
  /** SparkLayer `sparklayer.pack_size` (a quantity increment), when the variant has one. */
  packSize: number | null;
}

export interface FulfillmentOrderFacts {
  id: string;
  status: string;
  locationId: string | null;
  holds: { id: string; handle: string | null; reason: string; heldByApp: boolean }[];
  lines: { id: string; lineItemId: string; sku: string | null; remainingQuantity: number; totalQuantity: number }[];
}

export interface OrderFacts {
  shopifyOrderId: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  closed: boolean;
  /** Shopify's displayFinancialStatus (PAID, PENDING, AUTHORIZED, PARTIALLY_PAID, …). */
  financialStatus: string | null;
  paymentMode: PaymentMode;
  /** Where the payment mode was read from, for the timeline and the preview. */
  paymentModeSource: "attribute" | "payment-terms" | "financial-status";
  paymentTerms: { type: string; dueInDays: number | null } | null;
  poNumber: string | null;
  poSource: "poNumber" | "attribute" | "note" | null;
  company: { id: string | null; name: string; locationId: string | null; locationName: string | null; source: "purchasing-entity" | "metafield" | "address" } | null;
  customerGroup: string | null;
  customerId: string | null;
  customerTags: string[];
  /** SparkLayer `payment_on_account` metafield: credit limit and current balance, in shop currency. */
  credit: { limit: number; balance: number } | null;
  tags: string[];
  note: string | null;
  /** Shop-currency and presentment-currency totals, as Shopify reports them. */
  totals: { shop: Money; presentment: Money };
  shippingLines: { title: string; code: string | null; carrier: string | null }[];
  shippingAddress: Address | null;
  email: string | null;
  lines: OrderLine[];
  fulfillmentOrders: FulfillmentOrderFacts[];
  /** Protected customer data fields Shopify redacted (null) for lack of access. Such an order is never released. */
  redactedFields: string[];
}

/** Where each B2B fact is read from; per shop, validated by the settings schema. */
export interface FactSources {
  /** Order attribute carrying SparkLayer's payment type. */
  paymentAttribute: string;
  /** Tried in order; the first non-empty wins. `attribute:<name>` names an order attribute. */
  poSources: ("poNumber" | "note" | `attribute:${string}`)[];
  /** Customer tags `<prefix><group>` give the customer group (SparkLayer: `b2b-`). */
  groupTagPrefix: string;
  /** `namespace.key` metafields on the customer. */
  groupMetafield: string;
  companyNameMetafield: string;
  creditMetafield: string;
}

export const DEFAULT_FACT_SOURCES: FactSources = {
  paymentAttribute: "sparkPaymentType",
  poSources: ["poNumber", "attribute:PO Number", "note"],
  groupTagPrefix: "b2b-",
  groupMetafield: "sparklayer.group",
  companyNameMetafield: "sparklayer.company_name",
  creditMetafield: "sparklayer.payment_on_account",
};
