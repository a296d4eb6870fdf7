// Verifies a webhook as Shopify documents it: `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of the
// raw body under the app's secret, compared in constant time, and the delivery headers are present.
// Written out rather than through @shopify/shopify-api's validator, which canonicalises every header
// of every request and cost the acknowledgement path more CPU than everything else on it (decision
// 0016). The body is NOT parsed here: a signed but malformed body must still be recorded (as rejected).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { WebhookDelivery } from "~/modules/inbox/webhook-event";

/** What verification needs from an HTTP request; built from Express or from a Fetch `Request`. */
export interface WebhookRequest {
  method: string;
  header(name: string): string | null;
  body: Uint8Array;
}

export type VerifiedWebhook =
  | { ok: true; delivery: WebhookDelivery }
  | { ok: false; status: 400 | 401 | 405; reason: string };

export type WebhookVerifier = (request: WebhookRequest) => VerifiedWebhook;

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const REQUIRED = ["x-shopify-topic", "x-shopify-shop-domain", "x-shopify-webhook-id", "x-shopify-api-version"] as const;

export function createWebhookVerifier(config: { apiSecret: string }): WebhookVerifier {
  return (request) => {
    if (request.method !== "POST") return { ok: false, status: 405, reason: "webhooks are POST only" };
    const hmac = request.header("x-shopify-hmac-sha256");
    if (!hmac) return { ok: false, status: 401, reason: "missing HMAC header" };
    const expected = createHmac("sha256", config.apiSecret).update(request.body).digest();
    const given = Buffer.from(hmac, "base64");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, status: 401, reason: "HMAC does not match the body" };
    const missing = REQUIRED.filter((name) => !request.header(name));
    if (missing.length) return { ok: false, status: 400, reason: `missing headers: ${missing.join(", ")}` };
    const shop = request.header("x-shopify-shop-domain")!.toLowerCase();
    if (!SHOP_DOMAIN.test(shop)) return { ok: false, status: 400, reason: "not a myshopify.com shop domain" };
    const triggeredAt = request.header("x-shopify-triggered-at");
    return {
      ok: true,
      delivery: {
        shop,
        topic: request.header("x-shopify-topic")!,
        webhookId: request.header("x-shopify-webhook-id")!,
        eventId: request.header("x-shopify-event-id"),
        apiVersion: request.header("x-shopify-api-version"),
        triggeredAt: triggeredAt && !Number.isNaN(Date.parse(triggeredAt)) ? new Date(triggeredAt) : null,
        rawBody: Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength).toString("utf8"),
      },
    };
  };
}

/** The same request seen through the Fetch API (the Remix route). */
export async function fromFetchRequest(request: Request): Promise<WebhookRequest> {
  return { method: request.method, header: (name) => request.headers.get(name), body: new Uint8Array(await request.arrayBuffer()) };
}
