// Signed webhook requests as Shopify sends them.
import { createHmac, randomUUID } from "node:crypto";
import { TEST_ENV } from "./test-env";

export interface WebhookRequestInput {
  topic: string;
  shop: string;
  body: unknown;
  webhookId?: string;
  eventId?: string;
  secret?: string;
  /** Override the signature (a wrong one for 401 tests). */
  hmac?: string;
  rawBody?: string;
}

export function signedWebhookRequest(input: WebhookRequestInput, url = "http://127.0.0.1/webhooks/x"): Request {
  const raw = input.rawBody ?? JSON.stringify(input.body);
  const hmac = input.hmac ?? createHmac("sha256", input.secret ?? TEST_ENV.SHOPIFY_API_SECRET).update(raw, "utf8").digest("base64");
  return new Request(url, {
    method: "POST",
    body: raw,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": hmac,
      "X-Shopify-Topic": input.topic,
      "X-Shopify-Shop-Domain": input.shop,
      "X-Shopify-API-Version": "2026-07",
      "X-Shopify-Webhook-Id": input.webhookId ?? randomUUID(),
      "X-Shopify-Event-Id": input.eventId ?? randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  });
}

export function orderBody(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#${id}`,
    created_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-20T10:00:00Z",
    cancelled_at: null,
    financial_status: "pending",
    ...overrides,
  };
}
