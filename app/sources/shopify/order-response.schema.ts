// Zod schemas for what the order documents return, parsed at the trust boundary. Shopify answers null
// for protected customer data the app may not read (and "" for non-null protected fields such as
// Customer.displayName), so every such field is nullable here and judged later in redaction.ts.
import { z } from "zod";

const isoDate = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const text = z.string().nullable();
const gid = z.string().min(1);
const metafield = z.object({ value: z.string() }).nullable();
const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });
const page = <T extends z.ZodType>(node: T) => z.object({ pageInfo, nodes: z.array(node) });
const money = z.object({ amount: z.string(), currencyCode: z.string() });

export const lineItemNode = z.object({
  id: gid,
  sku: text,
  name: z.string(),
  currentQuantity: z.number().int(),
  variant: z.object({ id: gid, packSize: metafield }).nullable(),
});

const fulfillmentOrderLineNode = z.object({
  id: gid,
  sku: text,
  remainingQuantity: z.number().int(),
  totalQuantity: z.number().int(),
  lineItem: z.object({ id: gid }),
});

export const fulfillmentOrderNode = z.object({
  id: gid,
  status: z.string(),
  assignedLocation: z.object({ location: z.object({ id: gid }).nullable() }),
  fulfillmentHolds: z.array(z.object({ id: gid, handle: text, reason: z.string(), heldByRequestingApp: z.boolean() })),
  lineItems: page(fulfillmentOrderLineNode),
});

const address = z.object({
  name: text,
  company: text,
  address1: text,
  address2: text,
  city: text,
  province: text,
  zip: text,
  countryCodeV2: text,
  phone: text,
});

const purchasingEntity = z.discriminatedUnion("__typename", [
  z.object({ __typename: z.literal("PurchasingCompany"), company: z.object({ id: gid, name: z.string() }), location: z.object({ id: gid, name: z.string() }) }),
  z.object({ __typename: z.literal("Customer") }),
]);

const customer = z.object({
  id: gid,
  tags: z.array(z.string()),
  displayName: z.string(),
  group: metafield,
  companyName: metafield,
  credit: metafield,
});

export const orderNode = z.object({
  id: gid,
  name: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
  cancelledAt: isoDate.nullable(),
  closed: z.boolean(),
  displayFinancialStatus: text,
  paymentTerms: z.object({ paymentTermsType: z.string(), dueInDays: z.number().int().nullable() }).nullable(),
  poNumber: text,
  note: text,
  customAttributes: z.array(z.object({ key: z.string(), value: text })),
  tags: z.array(z.string()),
  email: text,
  totalPriceSet: z.object({ shopMoney: money, presentmentMoney: money }),
  purchasingEntity: purchasingEntity.nullable(),
  customer: customer.nullable(),
  shippingAddress: address.nullable(),
  shippingLines: z.object({ nodes: z.array(z.object({ title: z.string(), code: text, carrierIdentifier: text, source: text })) }),
  lineItems: page(lineItemNode),
  fulfillmentOrders: page(fulfillmentOrderNode),
});

export const orderForReleaseResponse = z.object({ order: orderNode.nullable() });
export const lineItemsPageResponse = z.object({ order: z.object({ lineItems: page(lineItemNode) }).nullable() });
export const fulfillmentOrdersPageResponse = z.object({ order: z.object({ fulfillmentOrders: page(fulfillmentOrderNode) }).nullable() });
export const fulfillmentOrderLinesPageResponse = z.object({ fulfillmentOrder: z.object({ lineItems: page(fulfillmentOrderLineNode) }).nullable() });

export const ordersUpdatedSinceResponse = z.object({
  orders: page(z.object({ id: gid, name: z.string(), createdAt: isoDate, updatedAt: isoDate })),
});

/** An order as parsed, all pages merged: the input of extractFacts. */
export type OrderNode = z.output<typeof orderNode>;
/** The raw JSON shape, before parsing (tests build these). */
export type OrderNodeInput = z.input<typeof orderNode>;
export type PageInfo = z.output<typeof pageInfo>;
