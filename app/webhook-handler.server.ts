// Shopify webhook intake for every topic: verify HMAC → record durably → 200; 401 for a bad
// signature; 5xx only when the record itself could not be written. Served by the Remix route
// (app/routes/webhooks.$.tsx) and, on the hot path in production, straight from server.ts so that
// acknowledgement skips Remix's document pipeline and the Fetch API's Request objects.
import { container } from "~/composition.server";
import { fromFetchRequest, type WebhookRequest } from "~/shopify/webhook-verifier.server";

/** Returns the HTTP status to answer with. */
export async function acknowledgeWebhook(request: WebhookRequest): Promise<number> {
  const c = container();
  const verified = c.verifyWebhook(request);
  if (!verified.ok) {
    c.log.warn({ status: verified.status, reason: verified.reason }, "webhook refused");
    return verified.status;
  }
  try {
    await c.recordWebhook(verified.delivery);
    return 200;
  } catch (error) {
    c.log.error({ err: error, shop: verified.delivery.shop, topic: verified.delivery.topic }, "webhook not recorded");
    return 503;
  }
}

export async function handleWebhook(request: Request): Promise<Response> {
  return new Response(null, { status: await acknowledgeWebhook(await fromFetchRequest(request)) });
}
