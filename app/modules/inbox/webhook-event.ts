// What a Shopify webhook means to Loadbay, independent of Shopify's payload shapes
// (app/shopify/webhook-payloads.schema.ts turns payloads into these).
import type { Fingerprint } from "~/modules/orders/known-version";

export type WebhookEvent =
  | { type: "order-changed"; shopifyOrderId: string; name: string; sourceUpdatedAt: Date | null; fingerprint: Fingerprint | null }
  | { type: "order-cancelled"; shopifyOrderId: string; name: string; cancelledAt: Date | null }
  | { type: "refund-created"; shopifyOrderId: string; name: null }
  | { type: "draft-changed"; shopifyDraftOrderId: string; name: string; completedOrderId: string | null }
  | { type: "draft-deleted"; shopifyDraftOrderId: string }
  | { type: "app-uninstalled" }
  | { type: "shop-redact" }
  | { type: "customer-redact"; customerId: string; shopifyOrderIds: string[] }
  | { type: "customer-data-request"; customerId: string; shopifyOrderIds: string[] };

/** The headers and body of one delivery, after the HMAC was checked. */
export interface WebhookDelivery {
  shop: string;
  topic: string;
  webhookId: string;
  eventId: string | null;
  apiVersion: string | null;
  triggeredAt: Date | null;
  rawBody: string;
}

/** Payload parsing result: the event, or why the body cannot be used (a sentence a merchant understands). */
export type ParsedWebhook =
  | { ok: true; payload: unknown; event: WebhookEvent }
  | { ok: false; payload: unknown; reason: string };

/** Turns a topic's JSON body (already parsed from text) into an event, or a rejection. */
export type WebhookParser = (topic: string, payload: unknown) => ParsedWebhook;
