import { describe, expect, it } from "vitest";
import { DEFAULT_FACT_SOURCES, type FactSources } from "~/modules/orders/order-facts";
import { extractFacts, packSize, type ProtectedDataHints } from "./extract-facts";
import { orderNode, type OrderNodeInput } from "./order-response.schema";

// A paid SparkLayer order as Shopify returns it (raw JSON); each case changes only what it is about,
// and goes through the same zod schema as production answers.
const page = <T>(nodes: T[]) => ({ pageInfo: { hasNextPage: false, endCursor: null }, nodes });
const address = { name: "Alice Acme", company: "Acme Trading Ltd", address1: "1 High St", address2: null, city: "Leeds", province: null, zip: "LS1 1AA", countryCodeV2: "GB", phone: "+44 113 000" };
const customer: NonNullable<OrderNodeInput["customer"]> = { id: "gid://shopify/Customer/1", tags: ["b2b", "b2b-Trade"], displayName: "Alice Acme", group: { value: "wholesale" }, companyName: { value: "Acme (metafield)" }, credit: { value: '{"credit_limit":5000,"balance":"1250.50"}' } };
const base: OrderNodeInput = {
  id: "gid://shopify/Order/1",
  name: "#1001",
  createdAt: "2026-11-20T10:00:00Z",
  updatedAt: "2026-11-20T10:05:00Z",
  cancelledAt: null,
  closed: false,
  displayFinancialStatus: "PAID",
  paymentTerms: null,
  poNumber: "PO-1",
  note: "NOTE-REF",
  customAttributes: [{ key: "sparkPaymentType", value: "upfrontPayment" }],
  tags: ["sparklayer"],
  email: "alice@acme.example",
  totalPriceSet: { shopMoney: { amount: "73.00", currencyCode: "GBP" }, presentmentMoney: { amount: "73.00", currencyCode: "GBP" } },
  purchasingEntity: { __typename: "Customer" },
  customer,
  shippingAddress: address,
  shippingLines: { nodes: [{ title: "Standard Delivery", code: "STANDARD", carrierIdentifier: null, source: "shopify" }] },
  lineItems: page([{ id: "gid://shopify/LineItem/1", sku: "WIDGET-BLUE", name: "Blue Widget", currentQuantity: 12, variant: { id: "gid://shopify/ProductVariant/1", packSize: { value: "6" } } }]),
  fulfillmentOrders: page([
    {
      id: "gid://shopify/FulfillmentOrder/1",
      status: "ON_HOLD",
      assignedLocation: { location: { id: "gid://shopify/Location/1" } },
      fulfillmentHolds: [
        { id: "gid://shopify/FulfillmentHold/1", handle: "loadbay", reason: "AWAITING_PAYMENT", heldByRequestingApp: true },
        { id: "gid://shopify/FulfillmentHold/2", handle: "", reason: "OTHER", heldByRequestingApp: false },
      ],
      lineItems: page([{ id: "gid://shopify/FulfillmentOrderLineItem/1", sku: "WIDGET-BLUE", remainingQuantity: 12, totalQuantity: 12, lineItem: { id: "gid://shopify/LineItem/1" } }]),
    },
  ]),
};

const facts = (over: Partial<OrderNodeInput> = {}, sources: Partial<FactSources> = {}, hints?: ProtectedDataHints) =>
  extractFacts(orderNode.parse({ ...base, ...over }), { ...DEFAULT_FACT_SOURCES, ...sources }, hints);
const attrs = (entries: Record<string, string | null>) => ({ customAttributes: Object.entries(entries).map(([key, value]) => ({ key, value })) });
const withCustomer = (over: Partial<typeof customer>) => ({ customer: { ...customer, ...over } });
const terms = (paymentTermsType: string) => ({ paymentTerms: { paymentTermsType, dueInDays: 30 } });

describe("extractFacts: payment mode", () => {
  it.each([
    ["upfrontPayment attribute", attrs({ sparkPaymentType: "upfrontPayment" }), "upfront", "attribute"],
    ["attribute value in other casing", attrs({ sparkPaymentType: "PAYMENTONACCOUNT" }), "on_account", "attribute"],
    ["attribute key in other casing", attrs({ SparkPaymentType: "paymentByInvoice" }), "invoice", "attribute"],
    ["quote", attrs({ sparkPaymentType: " quote " }), "quote", "attribute"],
    ["hokodo", attrs({ sparkPaymentType: "hokodoPayment" }), "hokodo", "attribute"],
    ["unknown attribute value falls through to terms", { ...attrs({ sparkPaymentType: "barter" }), ...terms("NET"), displayFinancialStatus: "PENDING" }, "on_account", "payment-terms"],
    ["NET terms without attribute", { ...attrs({}), ...terms("NET"), displayFinancialStatus: "PENDING" }, "on_account", "payment-terms"],
    ["FULFILLMENT terms", { ...attrs({}), ...terms("FULFILLMENT") }, "on_account", "payment-terms"],
    ["UNKNOWN terms fall through", { ...attrs({}), ...terms("UNKNOWN"), displayFinancialStatus: "PENDING" }, "unknown", "financial-status"],
    ["paid", { ...attrs({}), displayFinancialStatus: "PAID" }, "upfront", "financial-status"],
    ["authorized", { ...attrs({}), displayFinancialStatus: "AUTHORIZED" }, "upfront", "financial-status"],
    ["partially paid", { ...attrs({}), displayFinancialStatus: "PARTIALLY_PAID" }, "upfront", "financial-status"],
    ["pending", { ...attrs({}), displayFinancialStatus: "PENDING" }, "unknown", "financial-status"],
    ["no status", { ...attrs({}), displayFinancialStatus: null }, "unknown", "financial-status"],
  ])("%s → %s (%s)", (_name, over, mode, source) => {
    expect(facts(over)).toMatchObject({ paymentMode: mode, paymentModeSource: source });
  });

  it("reads the attribute the shop configured", () => {
    expect(facts({ ...attrs({ payType: "quote" }) }, { paymentAttribute: "payType" }).paymentMode).toBe("quote");
  });
});

describe("extractFacts: PO number", () => {
  it.each([
    ["poNumber first", {}, DEFAULT_FACT_SOURCES.poSources, "PO-1", "poNumber"],
    ["blank poNumber → attribute (key casing ignored)", { poNumber: "  ", ...attrs({ "po number": " ATT-7 " }) }, DEFAULT_FACT_SOURCES.poSources, "ATT-7", "attribute"],
    ["blank poNumber, no attribute → note", { poNumber: null }, DEFAULT_FACT_SOURCES.poSources, "NOTE-REF", "note"],
    ["nothing anywhere", { poNumber: null, note: " " }, DEFAULT_FACT_SOURCES.poSources, null, null],
    ["note first when configured", {}, ["note", "poNumber"], "NOTE-REF", "note"],
    ["only an attribute configured", { ...attrs({ Ref: "R-1" }) }, ["attribute:ref"], "R-1", "attribute"],
  ] as const)("%s", (_name, over, poSources, po, source) => {
    expect(facts(over, { poSources: [...poSources] })).toMatchObject({ poNumber: po, poSource: source });
  });
});

describe("extractFacts: company, group, credit", () => {
  const purchasingCompany = { __typename: "PurchasingCompany", company: { id: "gid://shopify/Company/1", name: "Acme Trading Ltd" }, location: { id: "gid://shopify/CompanyLocation/1", name: "Leeds" } } as const;

  it.each([
    ["purchasing entity", { purchasingEntity: purchasingCompany }, { id: "gid://shopify/Company/1", name: "Acme Trading Ltd", locationId: "gid://shopify/CompanyLocation/1", locationName: "Leeds", source: "purchasing-entity" }],
    ["customer metafield", {}, { id: null, name: "Acme (metafield)", locationId: null, source: "metafield" }],
    ["shipping address", withCustomer({ companyName: null }), { id: null, name: "Acme Trading Ltd", source: "address" }],
    ["nothing", { ...withCustomer({ companyName: null }), shippingAddress: { ...address, company: " " } }, null],
    ["guest checkout", { customer: null, shippingAddress: { ...address, company: null }, purchasingEntity: null }, null],
  ])("company from %s", (_name, over, expected) => {
    expect(facts(over).company).toEqual(expected === null ? null : expect.objectContaining(expected));
  });

  it.each([
    ["the b2b-<group> tag, lowercased", {}, {}, "trade"],
    ["the metafield when no group tag (bare b2b ignored)", withCustomer({ tags: ["b2b", "vip"] }), {}, "wholesale"],
    ["a tag with an empty group is ignored", withCustomer({ tags: ["b2b-", "B2B-Retail"] }), {}, "retail"],
    ["another prefix", withCustomer({ tags: ["group:Gold"] }), { groupTagPrefix: "group:" }, "gold"],
    ["nothing", withCustomer({ tags: ["b2b"], group: null }), {}, null],
    ["no customer", { customer: null }, {}, null],
  ])("group from %s", (_name, over, sources, expected) => {
    expect(facts(over, sources).customerGroup).toBe(expected);
  });

  it.each([
    ["numbers and numeric strings", '{"credit_limit":5000,"balance":"1250.50"}', { limit: 5000, balance: 1250.5 }],
    ["invalid JSON", "{credit_limit: 5000", null],
    ["missing balance", '{"credit_limit":5000}', null],
    ["non-numeric string", '{"credit_limit":"lots","balance":0}', null],
    ["JSON that is not an object", "42", null],
  ])("credit: %s", (_name, value, expected) => {
    expect(facts(withCustomer({ credit: { value } })).credit).toEqual(expected);
  });
});

describe("extractFacts: money, lines, fulfillment orders", () => {
  it("carries totals exactly as given, shop and presentment (EUR order, GBP shop)", () => {
    const totalPriceSet = { shopMoney: { amount: "127.50", currencyCode: "GBP" }, presentmentMoney: { amount: "150.0", currencyCode: "EUR" } };
    expect(facts({ totalPriceSet }).totals).toEqual({ shop: { amount: "127.50", currencyCode: "GBP" }, presentment: { amount: "150.0", currencyCode: "EUR" } });
  });

  it.each([["6", 6], [" 12 ", 12], ["1", 1], ["0", null], ["2.5", null], ["-3", null], ["six", null], ["", null], [undefined, null]])(
    "pack size %j → %j",
    (value, expected) => expect(packSize(value)).toBe(expected),
  );

  it("reads lines with current quantity and pack size, fulfillment orders with our holds", () => {
    const result = facts();
    expect(result.lines).toEqual([{ lineItemId: "gid://shopify/LineItem/1", sku: "WIDGET-BLUE", title: "Blue Widget", quantity: 12, variantId: "gid://shopify/ProductVariant/1", packSize: 6 }]);
    expect(result.fulfillmentOrders[0]).toMatchObject({ status: "ON_HOLD", locationId: "gid://shopify/Location/1" });
    expect(result.fulfillmentOrders[0]?.holds).toEqual([
      { id: "gid://shopify/FulfillmentHold/1", handle: "loadbay", reason: "AWAITING_PAYMENT", heldByApp: true },
      { id: "gid://shopify/FulfillmentHold/2", handle: null, reason: "OTHER", heldByApp: false },
    ]);
    expect(result.shippingLines).toEqual([{ title: "Standard Delivery", code: "STANDARD", carrier: "shopify" }]);
    expect(result.createdAt).toEqual(new Date("2026-11-20T10:00:00Z"));
  });
});

describe("extractFacts: redacted protected data", () => {
  const redactedAddress = { ...address, name: null, address1: null, address2: null, zip: null, phone: null };
  it.each([
    ["full access", {}, undefined, []],
    ["a buyer without a phone is not redaction", { shippingAddress: { ...address, phone: null } }, undefined, []],
    ["address without street and zip (city survives)", { shippingAddress: redactedAddress, email: null, ...withCustomer({ displayName: "" }) }, undefined, ["shippingAddress.name", "shippingAddress.address1", "shippingAddress.zip", "shippingAddress.phone", "email", "customer.name"]],
    ["address1, city and zip all empty", { shippingAddress: { ...address, address1: "", city: null, zip: null } }, undefined, ["shippingAddress.address1", "shippingAddress.zip"]],
    ["empty customer displayName is evidence", { email: null, ...withCustomer({ displayName: "" }) }, undefined, ["email", "customer.name"]],
    ["no address on an order with shipping lines", { shippingAddress: null }, undefined, ["shippingAddress"]],
    ["no address and no shipping lines (digital)", { shippingAddress: null, shippingLines: { nodes: [] } }, undefined, []],
    ["a hint of limited access", { shippingAddress: { ...address, phone: null } }, { limitedAccess: true }, ["shippingAddress.phone"]],
  ])("%s", (_name, over, hints, expected) => {
    expect(facts(over, {}, hints).redactedFields).toEqual(expected);
  });
});
