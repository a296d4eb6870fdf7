// Verifies a webhook's HMAC and headers with Shopify's own library, then hands back the delivery.
// The body is NOT parsed here: a signed but malformed body must still be recorded (as rejected).
import "@shopify/shopify-api/adapters/node";
import { shopifyApi, ApiVersion, WebhookValidationErrorReason } from "@shopify/shopify-api";
import type { WebhookDelivery } from "~/modules/inbox/webhook-event";

export type VerifiedWebhook =
  | { ok: true; delivery: WebhookDelivery }
  | { ok: false; status: 400 | 401 | 405; reason: string };

export type WebhookVerifier = (request: Request) => Promise<VerifiedWebhook>;

export function createWebhookVerifier(config: { apiKey: string; apiSecret: string; appUrl: string }): WebhookVerifier {
  const api = shopifyApi({
    apiKey: config.apiKey,
    apiSecretKey: config.apiSecret,
    apiVersion: ApiVersion.July26,
    hostName: new URL(config.appUrl).host,
    isEmbeddedApp: true,
    logger: { log: () => {}, level: 0 },
  });

  return async (request) => {
    if (request.method !== "POST") return { ok: false, status: 405, reason: "webhooks are POST only" };
    const rawBody = await request.text();
    const check = await api.webhooks.validate({ rawBody, rawRequest: request });
    if (!check.valid) {
      const unauthorized = check.reason === WebhookValidationErrorReason.InvalidHmac || check.reason === WebhookValidationErrorReason.MissingHmac;
      return { ok: false, status: unauthorized ? 401 : 400, reason: check.reason };
    }
    const h = request.headers;
    const triggeredAt = h.get("x-shopify-triggered-at");
    return {
      ok: true,
      delivery: {
        shop: check.domain,
        // The raw header ("orders/create"); the library's normalised form is for its own registry.
        topic: h.get("x-shopify-topic") ?? check.topic,
        webhookId: h.get("x-shopify-webhook-id") ?? "",
        eventId: h.get("x-shopify-event-id"),
        apiVersion: check.apiVersion,
        triggeredAt: triggeredAt && !Number.isNaN(Date.parse(triggeredAt)) ? new Date(triggeredAt) : null,
        rawBody,
      },
    };
  };
}
