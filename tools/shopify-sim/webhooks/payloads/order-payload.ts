import { legacyId } from "../../lib/gid";
import { toDecimal } from "../../lib/money";
import type { ShopState } from "../../state/shop-state";
import type { LineItemRecord, OrderCommon, OrderRecord } from "../../state/types";
import { fulfilledQuantities, lineTotalCents, restFulfillmentStatus, shippingCents, totalCents } from "../../state/order-status";
import { fulfillmentPayload } from "./fulfillment-payload";
import { refundPayload } from "./refund-payload";
import { priceSet, restAddress, restCustomer } from "./rest-common";

/** The REST-style JSON Shopify sends for `orders/*` topics (the fields an integration reads). */
export function orderPayload(shop: ShopState, order: OrderRecord): Record<string, unknown> {
  const fulfilled = fulfilledQuantities(shop, order);
  const hidden = shop.protectedDataLevel < 2;
  return {
    id: legacyId(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    number: order.number - 1000,
    order_number: order.number,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    processed_at: order.processedAt,
    cancelled_at: order.cancelledAt,
    cancel_reason: order.cancelReason,
    closed_at: order.closedAt,
    confirmed: true,
    test: false,
    email: hidden ? null : order.email,
    contact_email: hidden ? null : order.email,
    phone: hidden ? null : order.phone,
    financial_status: order.displayFinancialStatus.toLowerCase(),
    fulfillment_status: restFulfillmentStatus(shop, order),
    source_name: order.sourceName,
    fulfillments: order.fulfillmentIds.flatMap((id) => {
      const f = shop.fulfillments.get(id);
      return f ? [fulfillmentPayload(shop, f)] : [];
    }),
    refunds: order.refundIds.flatMap((id) => {
      const r = shop.refunds.get(id);
      return r ? [refundPayload(shop, r)] : [];
    }),
    line_items: order.lineItems.map((l) => lineItemPayload(order, l, fulfilled.get(l.id) ?? 0)),
    ...commonOrderFields(shop, order),
  };
}

/** Fields orders and draft orders share in REST payloads. */
export function commonOrderFields(shop: ShopState, order: OrderCommon): Record<string, unknown> {
  const customer = order.customerId ? shop.customers.get(order.customerId) : undefined;
  const company = order.companyId ? shop.companies.get(order.companyId) : undefined;
  return {
    note: order.note,
    po_number: order.poNumber,
    note_attributes: order.customAttributes.map((a) => ({ name: a.key, value: a.value })),
    tags: order.tags.join(", "),
    currency: order.currency.shop,
    presentment_currency: order.currency.presentment,
    subtotal_price: toDecimal(lineTotalCents(order.lineItems, false)),
    total_price: toDecimal(totalCents(order)),
    total_tax: "0.00",
    taxes_included: false,
    total_price_set: priceSet(totalCents(order), order.currency),
    current_total_price: toDecimal(totalCents(order, true)),
    current_total_price_set: priceSet(totalCents(order, true), order.currency),
    total_shipping_price_set: priceSet(shippingCents(order), order.currency),
    payment_terms: order.paymentTerms
      ? { id: legacyId(order.paymentTerms.id), payment_terms_name: order.paymentTerms.name, payment_terms_type: order.paymentTerms.type.toLowerCase(), due_in_days: order.paymentTerms.dueInDays, payment_schedules: [] }
      : null,
    customer: restCustomer(shop, customer),
    company: company ? { id: legacyId(company.id), location_id: legacyId(company.locationId) } : null,
    shipping_address: restAddress(shop, order.shippingAddress),
    billing_address: restAddress(shop, order.billingAddress),
    shipping_lines: order.shippingLines.map((s) => ({
      id: legacyId(s.id),
      title: s.title,
      code: s.code,
      source: s.source,
      price: toDecimal(s.priceCents),
      price_set: priceSet(s.priceCents, order.currency),
      discounted_price: toDecimal(s.priceCents),
      carrier_identifier: null,
      tax_lines: [],
      discount_allocations: [],
    })),
  };
}

export function lineItemPayload(order: OrderCommon, line: LineItemRecord, fulfilled: number): Record<string, unknown> {
  return {
    id: legacyId(line.id),
    admin_graphql_api_id: line.id,
    variant_id: line.variantId ? legacyId(line.variantId) : null,
    sku: line.sku,
    title: line.title,
    variant_title: line.variantTitle,
    name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
    vendor: line.vendor,
    quantity: line.quantity,
    current_quantity: line.currentQuantity,
    fulfillable_quantity: Math.max(0, line.currentQuantity - fulfilled),
    fulfillment_status: fulfilled >= line.currentQuantity && fulfilled > 0 ? "fulfilled" : fulfilled > 0 ? "partial" : null,
    fulfillment_service: "manual",
    requires_shipping: line.requiresShipping,
    gift_card: false,
    taxable: true,
    grams: 0,
    price: toDecimal(line.priceCents),
    price_set: priceSet(line.priceCents, order.currency),
    total_discount: "0.00",
    properties: line.customAttributes.map((a) => ({ name: a.key, value: a.value })),
    tax_lines: [],
    discount_allocations: [],
    duties: [],
  };
}
