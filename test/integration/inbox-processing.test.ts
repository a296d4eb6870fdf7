// What each webhook does to the system of record, through the real repository and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContainer, type Container } from "~/composition.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { deliverAndProcess } from "../support/deliver";
import { testEnv } from "../support/env";
import { deletePrefix, testQueuePrefix } from "../support/redis";
import { waitFor } from "../support/wait-for";
import { orderBody } from "../support/webhooks";

const SHOP = "process-shop.myshopify.com";
let database: TestDatabase;
let c: Container;
let prefix: string;

beforeAll(async () => {
  database = await createTestDatabase("process");
  prefix = testQueuePrefix("process");
  c = createContainer(testEnv({ DATABASE_URL: database.url, QUEUE_PREFIX: prefix }));
});
afterAll(async () => {
  await c.close();
  await database.drop();
  await deletePrefix(process.env.REDIS_URL!, prefix);
});

const orderByGid = (gid: string) => database.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: gid } });
const timeline = (orderId: string) => database.db.timelineEvent.findMany({ where: { shop: SHOP, orderId }, orderBy: { at: "asc" } });

describe("inbox processing", () => {
  it("orders/create creates the order, marks it for evaluation and writes a timeline event", async () => {
    const { result } = await deliverAndProcess(c, SHOP, "orders/create", orderBody(2001));
    expect(result).toMatchObject({ status: "processed" });
    const order = await orderByGid("gid://shopify/Order/2001");
    expect(order).toMatchObject({ name: "#2001", state: "received", pendingEvaluation: true });
    expect((await timeline(order!.id)).map((e) => e.message)).toEqual(["Shopify sent orders/create"]);
  });

  it("orders/updated for the same order touches the same row", async () => {
    await deliverAndProcess(c, SHOP, "orders/updated", orderBody(2001, { updated_at: "2026-11-21T10:00:00Z" }));
    const order = await orderByGid("gid://shopify/Order/2001");
    expect(await database.db.order.count({ where: { shop: SHOP, shopifyOrderId: "gid://shopify/Order/2001" } })).toBe(1);
    expect(order?.sourceUpdatedAt?.toISOString()).toBe("2026-11-21T10:00:00.000Z");
    expect(await timeline(order!.id)).toHaveLength(2);
  });

  it("a webhook for a version already evaluated is processed with no new revision, and says so on the timeline", async () => {
    const before = await orderByGid("gid://shopify/Order/2001");
    await database.db.order.update({
      where: { id: before!.id },
      data: { evaluatedUpdatedAt: new Date("2026-11-21T10:00:30Z"), pendingEvaluation: false, financialStatus: "pending", facts: { tags: [] } },
    });
    const { result } = await deliverAndProcess(c, SHOP, "orders/updated", orderBody(2001, { updated_at: "2026-11-21T10:00:10Z" }));
    expect(result).toMatchObject({ status: "processed", note: expect.stringContaining("already handled") });
    expect(result).not.toHaveProperty("evaluate");
    const after = await orderByGid("gid://shopify/Order/2001");
    expect(after).toMatchObject({ evaluationRevision: before!.evaluationRevision, pendingEvaluation: false });
    expect((await timeline(after!.id)).at(-1)?.message).toBe("Shopify sent orders/updated for a version Loadbay already handled: no work needed");
    // A newer version is a change: a new revision to evaluate.
    const newer = await deliverAndProcess(c, SHOP, "orders/updated", orderBody(2001, { updated_at: "2026-11-21T10:01:00Z" }));
    expect(newer.result).toMatchObject({ status: "processed", evaluate: [{ orderId: after!.id, revision: before!.evaluationRevision + 1 }] });
  });

  it("tracks a draft as awaiting completion, then links it to the order it became", async () => {
    await deliverAndProcess(c, SHOP, "draft_orders/create", { id: 71, name: "#D71", order_id: null });
    const draft = await database.db.order.findFirst({ where: { shop: SHOP, shopifyDraftOrderId: "gid://shopify/DraftOrder/71" } });
    expect(draft).toMatchObject({ state: "draft_awaiting_completion", shopifyOrderId: null });
    // orders/create for the completed order arrives before the draft update (webhooks are unordered)
    await deliverAndProcess(c, SHOP, "orders/create", orderBody(3001));
    await deliverAndProcess(c, SHOP, "draft_orders/update", { id: 71, name: "#D71", order_id: 3001 });
    const rows = await database.db.order.findMany({ where: { shop: SHOP, OR: [{ shopifyDraftOrderId: "gid://shopify/DraftOrder/71" }, { shopifyOrderId: "gid://shopify/Order/3001" }] } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ shopifyOrderId: "gid://shopify/Order/3001", shopifyDraftOrderId: "gid://shopify/DraftOrder/71", state: "received" });
    expect((await timeline(rows[0]!.id)).length).toBe(3); // the draft's history moved with it
  });

  it("a draft completed while the order's own orders/create is still committing links to that order, first time", async () => {
    await deliverAndProcess(c, SHOP, "draft_orders/create", { id: 73, name: "#D73", order_id: null });
    // Another worker's orders/create has inserted the order row but not yet committed.
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let inserted!: () => void;
    const insertDone = new Promise<void>((resolve) => (inserted = resolve));
    const otherWorker = database.db.$transaction(async (tx) => {
      await tx.order.create({ data: { shop: SHOP, shopifyOrderId: "gid://shopify/Order/3003", name: "#3003", pendingEvaluation: true, evaluationRevision: 1 } });
      inserted();
      await committed;
    });
    await insertDone;
    const linking = deliverAndProcess(c, SHOP, "draft_orders/update", { id: 73, name: "#D73", order_id: 3003 });
    // The link now waits on the uncommitted row's unique key.
    await waitFor(
      () => database.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ${`%${database.schema}%`}`,
      (r) => r[0]!.n > 0,
      10_000,
      "the draft link to wait on the order row's lock",
    );
    commit();
    await otherWorker;
    const { result } = await linking;
    expect(result).toMatchObject({ status: "processed" });
    const rows = await database.db.order.findMany({ where: { shop: SHOP, OR: [{ shopifyDraftOrderId: "gid://shopify/DraftOrder/73" }, { shopifyOrderId: "gid://shopify/Order/3003" }] } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ shopifyOrderId: "gid://shopify/Order/3003", shopifyDraftOrderId: "gid://shopify/DraftOrder/73" });
    expect((await timeline(rows[0]!.id)).map((e) => e.message)).toEqual(["Draft #D73 is waiting for completion; drafts are never sent", "Draft completed as order gid://shopify/Order/3003"]);
  });

  it("a draft deleted before completion is cancelled, not released", async () => {
    await deliverAndProcess(c, SHOP, "draft_orders/create", { id: 72, name: "#D72" });
    await deliverAndProcess(c, SHOP, "draft_orders/delete", { id: 72 });
    expect(await database.db.order.findFirst({ where: { shop: SHOP, shopifyDraftOrderId: "gid://shopify/DraftOrder/72" } })).toMatchObject({ state: "cancelled" });
  });

  it("customers/redact strips stored payloads and facts for the listed orders", async () => {
    await database.db.order.updateMany({ where: { shop: SHOP, shopifyOrderId: "gid://shopify/Order/2001" }, data: { facts: { email: "buyer@example.com" } } });
    const orderWebhooks = () => database.db.webhookInbox.findMany({ where: { shop: SHOP, topic: { startsWith: "orders/" } } });
    const about2001 = (await orderWebhooks()).filter((p) => (p.payload as { id?: number } | null)?.id === 2001).map((p) => p.id);
    expect(about2001.length).toBeGreaterThanOrEqual(2);
    await deliverAndProcess(c, SHOP, "customers/redact", { customer: { id: 9 }, orders_to_redact: [2001] });
    const order = await orderByGid("gid://shopify/Order/2001");
    expect(order?.facts).toEqual({ redacted: true });
    const purged = (await orderWebhooks()).filter((p) => p.payloadPurged);
    expect(purged.map((p) => p.id).sort()).toEqual(about2001.sort());
    expect(purged.every((p) => p.payload === null)).toBe(true);
  });

  it("customers/data_request records what Loadbay holds for the merchant", async () => {
    await deliverAndProcess(c, SHOP, "customers/data_request", { customer: { id: 9 }, orders_requested: [3001, 999] });
    const event = await database.db.timelineEvent.findFirst({ where: { shop: SHOP, actor: "webhook:customers/data_request" } });
    expect(event?.message).toMatch(/holds 1 of the requested orders/);
  });

  it("app/uninstalled stops outbound work and removes sessions, but later webhooks are still recorded", async () => {
    await database.db.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", accessToken: "t" } });
    await deliverAndProcess(c, SHOP, "app/uninstalled", { id: 1, domain: SHOP });
    expect((await database.db.shop.findUnique({ where: { domain: SHOP } }))?.uninstalledAt).toBeInstanceOf(Date);
    expect(await database.db.session.count({ where: { shop: SHOP } })).toBe(0);
    const { result } = await deliverAndProcess(c, SHOP, "orders/create", orderBody(4001));
    expect(result).toMatchObject({ status: "processed" });
  });

  it("shop/redact deletes every row the shop owns", async () => {
    const { result } = await deliverAndProcess(c, SHOP, "shop/redact", { shop_id: 1, shop_domain: SHOP });
    expect(result).toMatchObject({ status: "deleted" });
    for (const count of [
      database.db.shop.count({ where: { domain: SHOP } }),
      database.db.order.count({ where: { shop: SHOP } }),
      database.db.webhookInbox.count({ where: { shop: SHOP } }),
      database.db.timelineEvent.count({ where: { shop: SHOP } }),
    ]) {
      expect(await count).toBe(0);
    }
  });

  it("purges raw payloads after the shop's retention period", async () => {
    const shop = "retention-shop.myshopify.com";
    await deliverAndProcess(c, shop, "orders/create", orderBody(5001));
    await database.db.shop.update({ where: { domain: shop }, data: { retentionDays: 7 } });
    expect(await c.inbox.purgePayloads(new Date(Date.now() + 6 * 86_400_000))).toBe(0);
    expect(await c.inbox.purgePayloads(new Date(Date.now() + 8 * 86_400_000))).toBe(1);
    const row = await database.db.webhookInbox.findFirst({ where: { shop } });
    expect(row).toMatchObject({ payload: null, payloadPurged: true, status: "processed" });
  });
});
