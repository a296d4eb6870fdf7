// Shopify webhook bodies (REST-style JSON, API 2026-07), parsed at the trust boundary and turned
// into Loadbay's WebhookEvent. Only the fields Loadbay relies on are required; the rest passes
// through untouched, and the current order is always re-read from the Admin API before a decision.
import { z } from "zod";
import type { ParsedWebhook, WebhookEvent } from "~/modules/inbox/webhook-event";

// Numeric ids above 2^53 lose digits in JSON.parse, so the exact `admin_graphql_api_id` string is
// preferred wherever Shopify sends one; the numeric id is the fallback.
const numericId = z.union([z.number().nonnegative(), z.string().regex(/^\d+$/)]).transform((v) => (typeof v === "number" ? v.toFixed(0) : v));
const isoDate = z.iso.datetime({ offset: true }).nullish().transform((v) => (v ? new Date(v) : null));
const gid = (type: string) => (id: string) => `gid://shopify/${type}/${id}`;
const gidField = (type: string) => z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`)).optional();

const orderBody = z
  .looseObject({
    id: numericId,
    admin_graphql_api_id: gidField("Order"),
    name: z.string().min(1),
    updated_at: isoDate,
    cancelled_at: isoDate,
    // REST sends tags as one comma-separated string, and financial_status in lower case.
    tags: z.string().optional(),
    financial_status: z.string().nullish(),
  })
  .transform((b) => ({ ...b, gid: b.admin_graphql_api_id ?? gid("Order")(b.id) }));
const refundBody = z.looseObject({ id: numericId, order_id: numericId });
const draftBody = z
  .looseObject({ id: numericId, admin_graphql_api_id: gidField("DraftOrder"), name: z.string().min(1), order_id: numericId.nullish() })
  .transform((b) => ({ ...b, gid: b.admin_graphql_api_id ?? gid("DraftOrder")(b.id) }));
const draftDeleteBody = z.looseObject({ id: numericId });
const customerPrivacyBody = z.looseObject({
  customer: z.looseObject({ id: numericId }),
  orders_to_redact: z.array(numericId).optional(),
  orders_requested: z.array(numericId).optional(),
});
const anyObject = z.looseObject({});

type Interpreter = { schema: z.ZodType; toEvent: (body: never) => WebhookEvent };

const orderGid = gid("Order");
const INTERPRETERS: Record<string, Interpreter> = {
  "orders/create": orderChanged(),
  "orders/updated": orderChanged(),
  "orders/edited": {
    schema: z.looseObject({ order_edit: z.looseObject({ order_id: numericId }) }),
    toEvent: (b: { order_edit: { order_id: string } }) => ({
      type: "order-changed",
      shopifyOrderId: orderGid(b.order_edit.order_id),
      name: `#${b.order_edit.order_id}`,
      sourceUpdatedAt: null,
      fingerprint: null,
    }),
  },
  "orders/cancelled": {
    schema: orderBody,
    toEvent: (b: z.infer<typeof orderBody>) => ({
      type: "order-cancelled",
      shopifyOrderId: b.gid,
      name: b.name,
      cancelledAt: b.cancelled_at,
    }),
  },
  "refunds/create": {
    schema: refundBody,
    toEvent: (b: z.infer<typeof refundBody>) => ({ type: "refund-created", shopifyOrderId: orderGid(b.order_id), name: null }),
  },
  "draft_orders/create": draftChanged(),
  "draft_orders/update": draftChanged(),
  "draft_orders/delete": {
    schema: draftDeleteBody,
    toEvent: (b: z.infer<typeof draftDeleteBody>) => ({ type: "draft-deleted", shopifyDraftOrderId: gid("DraftOrder")(b.id) }),
  },
  "app/uninstalled": { schema: anyObject, toEvent: () => ({ type: "app-uninstalled" }) },
  "shop/redact": { schema: anyObject, toEvent: () => ({ type: "shop-redact" }) },
  "customers/redact": {
    schema: customerPrivacyBody,
    toEvent: (b: z.infer<typeof customerPrivacyBody>) => ({
      type: "customer-redact",
      customerId: gid("Customer")(b.customer.id),
      shopifyOrderIds: (b.orders_to_redact ?? []).map(orderGid),
    }),
  },
  "customers/data_request": {
    schema: customerPrivacyBody,
    toEvent: (b: z.infer<typeof customerPrivacyBody>) => ({
      type: "customer-data-request",
      customerId: gid("Customer")(b.customer.id),
      shopifyOrderIds: (b.orders_requested ?? []).map(orderGid),
    }),
  },
};

function orderChanged(): Interpreter {
  return {
    schema: orderBody,
    toEvent: (b: z.infer<typeof orderBody>) => ({
      type: "order-changed",
      shopifyOrderId: b.gid,
      name: b.name,
      sourceUpdatedAt: b.updated_at,
      fingerprint: b.tags === undefined ? null : { tags: b.tags.split(","), financialStatus: b.financial_status ?? null },
    }),
  };
}

function draftChanged(): Interpreter {
  return {
    schema: draftBody,
    toEvent: (b: z.infer<typeof draftBody>) => ({
      type: "draft-changed",
      shopifyDraftOrderId: b.gid,
      name: b.name,
      completedOrderId: b.order_id ? orderGid(b.order_id) : null,
    }),
  };
}

/** The topics Loadbay subscribes to (shopify.app.toml); anything else is rejected at intake. */
export const HANDLED_TOPICS = Object.keys(INTERPRETERS);

export function parseWebhookPayload(topic: string, payload: unknown): ParsedWebhook {
  const interpreter = INTERPRETERS[topic];
  if (!interpreter) return { ok: false, payload, reason: `Loadbay does not handle the ${topic} webhook.` };
  const parsed = interpreter.schema.safeParse(payload);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join(".") || "body").slice(0, 5).join(", ");
    return { ok: false, payload, reason: `The ${topic} webhook body is missing or has invalid fields (${where}).` };
  }
  return { ok: true, payload, event: interpreter.toEvent(parsed.data as never) };
}
