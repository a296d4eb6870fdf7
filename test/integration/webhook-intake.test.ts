// Webhook intake through the real route module: HMAC, durable record, duplicates, malformed bodies.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseForRoute } from "../support/route-container";
import { waitFor } from "../support/wait-for";
import { orderBody, signedWebhookRequest } from "../support/webhooks";

const SHOP = "intake-shop.myshopify.com";
let ctx: Awaited<ReturnType<typeof createDatabaseForRoute>>;
let action: (args: { request: Request }) => Promise<Response>;

beforeAll(async () => {
  ctx = await createDatabaseForRoute("intake");
  ({ action } = (await import("~/routes/webhooks.$")) as unknown as { action: typeof action });
});
afterAll(() => ctx.close());

const post = (request: Request) => action({ request });
const inboxRows = () => ctx.db.webhookInbox.findMany({ where: { shop: SHOP }, orderBy: { receivedAt: "asc" } });

describe("POST /webhooks/*", () => {
  it("answers 200 only after recording the webhook, and queues it", async () => {
    const res = await post(signedWebhookRequest({ topic: "orders/create", shop: SHOP, body: orderBody(1001), webhookId: "w-1" }));
    expect(res.status).toBe(200);
    const rows = await inboxRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ topic: "orders/create", webhookId: "w-1", status: "received" });
    // The job is enqueued alongside the acknowledgement, not before it.
    const queue = new Queue("inbox", { connection: new Redis(process.env.REDIS_URL!), prefix: ctx.prefix });
    expect(await waitFor(() => queue.getJob(`inbox-${rows[0]!.id}`), (job) => job !== undefined, 5_000, "the inbox job")).toBeTruthy();
    await queue.close();
  });

  it("treats a retry with the same webhook id as a no-op", async () => {
    const res = await post(signedWebhookRequest({ topic: "orders/create", shop: SHOP, body: orderBody(1001), webhookId: "w-1" }));
    expect(res.status).toBe(200);
    expect(await inboxRows()).toHaveLength(1);
  });

  it("treats the same event id delivered under a new webhook id as a no-op", async () => {
    const body = orderBody(1002);
    await post(signedWebhookRequest({ topic: "orders/updated", shop: SHOP, body, webhookId: "w-2", eventId: "e-2" }));
    await post(signedWebhookRequest({ topic: "orders/updated", shop: SHOP, body, webhookId: "w-3", eventId: "e-2" }));
    expect((await inboxRows()).filter((r) => r.eventId === "e-2")).toHaveLength(1);
  });

  it("answers 401 to a bad signature and records nothing", async () => {
    const before = (await inboxRows()).length;
    const res = await post(signedWebhookRequest({ topic: "orders/create", shop: SHOP, body: orderBody(1003), hmac: "bm90IGEgc2lnbmF0dXJl" }));
    expect(res.status).toBe(401);
    const wrongSecret = await post(signedWebhookRequest({ topic: "orders/create", shop: SHOP, body: orderBody(1003), secret: "other" }));
    expect(wrongSecret.status).toBe(401);
    expect(await inboxRows()).toHaveLength(before);
  });

  it("answers 401 without a signature, and 400 to a signed delivery missing Shopify's headers or from a non-Shopify domain", async () => {
    const before = (await inboxRows()).length;
    const unsigned = signedWebhookRequest({ topic: "orders/create", shop: SHOP, body: orderBody(1005) });
    unsigned.headers.delete("X-Shopify-Hmac-Sha256");
    expect((await post(unsigned)).status).toBe(401);
    const noTopic = signedWebhookRequest({ topic: "orders/create", shop: SHOP, body: orderBody(1005) });
    noTopic.headers.delete("X-Shopify-Topic");
    expect((await post(noTopic)).status).toBe(400);
    expect((await post(signedWebhookRequest({ topic: "orders/create", shop: "evil.example.com", body: orderBody(1005) }))).status).toBe(400);
    expect((await post(new Request("http://127.0.0.1/webhooks/x", { method: "PUT", body: "{}" }))).status).toBe(405);
    expect(await inboxRows()).toHaveLength(before);
  });

  it("records a signed body that is not JSON as rejected, with a reason, and does not queue it", async () => {
    const res = await post(signedWebhookRequest({ topic: "orders/create", shop: SHOP, body: null, rawBody: "{not json", webhookId: "w-bad" }));
    expect(res.status).toBe(200);
    const row = (await inboxRows()).find((r) => r.webhookId === "w-bad");
    expect(row).toMatchObject({ status: "rejected" });
    expect(row?.reason).toMatch(/not valid JSON/);
  });

  it("records a signed body with missing fields as rejected, naming the fields", async () => {
    const res = await post(signedWebhookRequest({ topic: "orders/create", shop: SHOP, body: { id: 5 }, webhookId: "w-fields" }));
    expect(res.status).toBe(200);
    const row = (await inboxRows()).find((r) => r.webhookId === "w-fields");
    expect(row).toMatchObject({ status: "rejected" });
    expect(row?.reason).toMatch(/name/);
  });

  it("answers 503 when the record cannot be written, so Shopify retries", async () => {
    await ctx.db.$executeRawUnsafe(`ALTER TABLE webhook_inbox RENAME TO webhook_inbox_gone`);
    try {
      const res = await post(signedWebhookRequest({ topic: "orders/create", shop: SHOP, body: orderBody(1004) }));
      expect(res.status).toBe(503);
    } finally {
      await ctx.db.$executeRawUnsafe(`ALTER TABLE webhook_inbox_gone RENAME TO webhook_inbox`);
    }
  });
});
