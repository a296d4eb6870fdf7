// Signed webhook requests for load generation (Shopify's headers and HMAC).
import { createHmac, randomUUID } from "node:crypto";

export function signedWebhook(secret: string, shop: string, topic: string, body: unknown): { headers: Record<string, string>; body: string } {
  const raw = JSON.stringify(body);
  return {
    body: raw,
    headers: {
      "content-type": "application/json",
      "x-shopify-hmac-sha256": createHmac("sha256", secret).update(raw, "utf8").digest("base64"),
      "x-shopify-topic": topic,
      "x-shopify-shop-domain": shop,
      "x-shopify-api-version": "2026-07",
      "x-shopify-webhook-id": randomUUID(),
      "x-shopify-event-id": randomUUID(),
      "x-shopify-triggered-at": new Date().toISOString(),
    },
  };
}
