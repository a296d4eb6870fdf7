// Two shops in one database: nothing done for shop A can read or change shop B's rows, through the
// repositories, the use cases, or the database's own foreign keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContainer, type Container } from "~/composition.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { deliverAndProcess } from "../support/deliver";
import { testEnv } from "../support/env";
import { deletePrefix, testQueuePrefix } from "../support/redis";
import { orderBody } from "../support/webhooks";

const A = "shop-a.myshopify.com";
const B = "shop-b.myshopify.com";
let database: TestDatabase;
let c: Container;
let prefix: string;
let bInboxId: string;

beforeAll(async () => {
  database = await createTestDatabase("tenancy");
  prefix = testQueuePrefix("tenancy");
  c = createContainer(testEnv({ DATABASE_URL: database.url, QUEUE_PREFIX: prefix }));
  await deliverAndProcess(c, A, "orders/create", orderBody(1));
  await deliverAndProcess(c, B, "orders/create", orderBody(1)); // same Shopify id, other shop
  const failed = await c.recordWebhook({ shop: B, topic: "orders/create", webhookId: "b-fail", eventId: null, apiVersion: null, triggeredAt: null, rawBody: JSON.stringify(orderBody(2)) });
  expect(failed).toBe("recorded");
  bInboxId = (await database.db.webhookInbox.findFirstOrThrow({ where: { shop: B, webhookId: "b-fail" } })).id;
  await c.inbox.markFailed(B, bInboxId, "Simulated failure for shop B.");
});

afterAll(async () => {
  await c.close();
  await database.drop();
  await deletePrefix(process.env.REDIS_URL!, prefix);
});

const snapshotB = async () => ({
  orders: await database.db.order.findMany({ where: { shop: B }, orderBy: { id: "asc" } }),
  inbox: await database.db.webhookInbox.findMany({ where: { shop: B }, orderBy: { id: "asc" } }),
  timeline: await database.db.timelineEvent.count({ where: { shop: B } }),
});

describe("tenancy", () => {
  it("the same Shopify order id in two shops is two orders", async () => {
    expect(await database.db.order.count({ where: { shopifyOrderId: "gid://shopify/Order/1" } })).toBe(2);
  });

  it("shop A cannot attempt, process, fail or retry shop B's webhook", async () => {
    const before = await snapshotB();
    expect(await c.inbox.startAttempt(A, bInboxId)).toBeNull();
    expect(await c.inbox.processExclusively(A, bInboxId, async () => ({ status: "processed", note: "x" }))).toBeNull();
    expect(await c.inbox.noteOrderChangeExclusively(A, bInboxId, { shopifyOrderId: "gid://shopify/Order/1", name: "#1", topic: "orders/updated", sourceUpdatedAt: null, fingerprint: null })).toBeNull();
    await c.inbox.markFailed(A, bInboxId, "not yours");
    expect(await c.inbox.reopenFailed(A, bInboxId)).toBe(false);
    expect(await c.retryWebhook(A, bInboxId)).toBe("not-retryable");
    expect(await snapshotB()).toEqual(before);
  });

  it("shop A's overview sees only shop A", async () => {
    const a = await c.overview.overview(A, new Date());
    expect(a.ordersByState).toEqual({ received: 1 });
    expect(a.problems).toEqual([]);
    const b = await c.overview.overview(B, new Date());
    expect(b.problems.map((p) => p.id)).toEqual([bInboxId]);
  });

  it("the database refuses a row of shop A that points at shop B's order", async () => {
    const bOrder = await database.db.order.findFirstOrThrow({ where: { shop: B } });
    await expect(
      database.db.timelineEvent.create({ data: { shop: A, orderId: bOrder.id, actor: "test", kind: "x", message: "cross-shop" } }),
    ).rejects.toThrow(/foreign key/i);
  });

  it("shop/redact for shop A leaves shop B untouched", async () => {
    const before = await snapshotB();
    await deliverAndProcess(c, A, "shop/redact", { shop_id: 1, shop_domain: A });
    expect(await database.db.order.count({ where: { shop: A } })).toBe(0);
    expect(await snapshotB()).toEqual(before);
  });
});
