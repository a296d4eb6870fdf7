// OrderFacts for rule tests: a plain paid B2B order, overridden per case.
import type { OrderFacts } from "~/modules/orders/order-facts";

export function orderFacts(over: Partial<OrderFacts> = {}): OrderFacts {
  return {
    shopifyOrderId: "gid://shopify/Order/1001",
    name: "#1001",
    createdAt: new Date("2026-11-20T10:00:00Z"),
    updatedAt: new Date("2026-11-20T10:00:00Z"),
    cancelledAt: null,
    closed: false,
    financialStatus: "PAID",
    paymentMode: "upfront",
    paymentModeSource: "attribute",
    paymentTerms: null,
    poNumber: "PO-1",
    poSource: "poNumber",
    company: { id: "gid://shopify/Company/1", name: "Acme Trading", locationId: null, locationName: null, source: "purchasing-entity" },
    customerGroup: "trade",
    customerId: "gid://shopify/Customer/1",
    customerTags: ["b2b", "b2b-trade"],
    credit: null,
    tags: [],
    note: null,
    totals: { shop: { amount: "800.00", currencyCode: "GBP" }, presentment: { amount: "800.00", currencyCode: "GBP" } },
    shippingLines: [{ title: "Express B2B", code: "EXPRESS", carrier: null }],
    shippingAddress: { name: "Jo Buyer", company: "Acme Trading", address1: "1 High St", address2: null, city: "Leeds", province: null, zip: "LS1 1AA", countryCode: "GB", phone: "+441130000000" },
    email: "jo@acme.example",
    lines: [{ lineItemId: "gid://shopify/LineItem/1", sku: "WIDGET-1", title: "Widget", quantity: 12, variantId: "gid://shopify/ProductVariant/1", packSize: null }],
    fulfillmentOrders: [],
    redactedFields: [],
    ...over,
  };
}

export const onAccount = (over: Partial<OrderFacts> = {}) =>
  orderFacts({ financialStatus: "PENDING", paymentMode: "on_account", paymentTerms: { type: "NET", dueInDays: 30 }, ...over });
