// Turns a parsed Shopify order (all pages merged) into Loadbay's OrderFacts. Pure: no I/O, no clock,
// so every rule is table-tested. The B2B rules live in b2b-facts.ts, the redaction rule in redaction.ts.
import type { Address, FactSources, FulfillmentOrderFacts, Money, OrderFacts, OrderLine } from "~/modules/orders/order-facts";
import { company, credit, customerGroup, paymentMode, poNumber } from "./b2b-facts";
import type { OrderNode } from "./order-response.schema";
import { redactedFields, type ProtectedDataHints } from "./redaction";

export type { ProtectedDataHints } from "./redaction";

type LineNode = OrderNode["lineItems"]["nodes"][number];
type FulfillmentOrderNode = OrderNode["fulfillmentOrders"]["nodes"][number];
type AddressNode = NonNullable<OrderNode["shippingAddress"]>;

/** The facts of one order, read from the sources the shop configured. */
export function extractFacts(order: OrderNode, sources: FactSources, hints?: ProtectedDataHints): OrderFacts {
  return {
    shopifyOrderId: order.id,
    name: order.name,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    cancelledAt: order.cancelledAt,
    closed: order.closed,
    financialStatus: order.displayFinancialStatus,
    ...paymentMode(order, sources),
    paymentTerms: order.paymentTerms ? { type: order.paymentTerms.paymentTermsType, dueInDays: order.paymentTerms.dueInDays } : null,
    ...poNumber(order, sources),
    company: company(order),
    customerGroup: customerGroup(order, sources),
    customerId: order.customer?.id ?? null,
    customerTags: order.customer?.tags ?? [],
    credit: credit(order),
    tags: order.tags,
    note: order.note,
    totals: { shop: money(order.totalPriceSet.shopMoney), presentment: money(order.totalPriceSet.presentmentMoney) },
    // A third-party carrier service names itself in carrierIdentifier; otherwise `source` says where the rate came from.
    shippingLines: order.shippingLines.nodes.map((s) => ({ title: s.title, code: s.code, carrier: s.carrierIdentifier ?? s.source })),
    shippingAddress: order.shippingAddress ? address(order.shippingAddress) : null,
    email: order.email,
    lines: order.lineItems.nodes.map(line),
    fulfillmentOrders: order.fulfillmentOrders.nodes.map(fulfillmentOrder),
    redactedFields: redactedFields(order, hints),
  };
}

// Carried exactly as Shopify formats them: recomputing would drift from what the merchant sees.
const money = (m: Money): Money => ({ amount: m.amount, currencyCode: m.currencyCode });

function address(a: AddressNode): Address {
  const { name, company: companyName, address1, address2, city, province, zip, phone } = a;
  return { name, company: companyName, address1, address2, city, province, zip, countryCode: a.countryCodeV2, phone };
}

/**
 * `currentQuantity` is what is still ordered after edits and refunds (Shopify's `quantity` keeps them).
 * `name` is product and variant title together, which tells a picker which variant; removed lines stay
 * (quantity 0) so later rules see the edit rather than a line vanishing.
 */
function line(node: LineNode): OrderLine {
  return {
    lineItemId: node.id,
    sku: node.sku,
    title: node.name,
    quantity: node.currentQuantity,
    variantId: node.variant?.id ?? null,
    packSize: packSize(node.variant?.packSize?.value),
  };
}

/** `sparklayer.pack_size` is a quantity increment: only a whole number of at least 1 makes sense. */
export function packSize(value: string | undefined): number | null {
  const trimmed = value?.trim() ?? "";
  if (!/^\d+$/.test(trimmed)) return null;
  const size = Number(trimmed);
  return Number.isSafeInteger(size) && size >= 1 ? size : null;
}

function fulfillmentOrder(node: FulfillmentOrderNode): FulfillmentOrderFacts {
  return {
    id: node.id,
    status: node.status,
    locationId: node.assignedLocation.location?.id ?? null,
    // heldByRequestingApp is Shopify's "this hold is yours" flag; heldByApp names an App object instead.
    holds: node.fulfillmentHolds.map((h) => ({ id: h.id, handle: h.handle || null, reason: h.reason, heldByApp: h.heldByRequestingApp })),
    lines: node.lineItems.nodes.map((l) => ({
      id: l.id,
      lineItemId: l.lineItem.id,
      sku: l.sku,
      remainingQuantity: l.remainingQuantity,
      totalQuantity: l.totalQuantity,
    })),
  };
}
