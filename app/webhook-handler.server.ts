// Shopify webhook intake for every topic: verify HMAC → record durably → 200; 401 for a bad
// signature; 5xx only when the record itself could not be written. Served by the Remix route
// (app/routes/webhooks.$.tsx) and, on the hot path in production, straight from server.ts so that
// acknowledgement skips Remix's document pipeline.
import { container } from "~/composition.server";

export async function handleWebhook(request: Request): Promise<Response> {
  const c = container();
  const verified = await c.verifyWebhook(request);
  if (!verified.ok) {
    c.log.warn({ status: verified.status, reason: verified.reason }, "webhook refused");
    return new Response(null, { status: verified.status });
  }
  try {
    await c.recordWebhook(verified.delivery);
    return new Response(null, { status: 200 });
  } catch (error) {
    c.log.error({ err: error, shop: verified.delivery.shop, topic: verified.delivery.topic }, "webhook not recorded");
    return new Response(null, { status: 503 });
  }
}
