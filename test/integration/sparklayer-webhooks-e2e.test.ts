// End to end: SparkLayer-style orders created in the Shopify simulator reach the running app (the
// production web server and the worker, as separate processes) as signed webhooks, duplicates and
// reordering included, and each becomes exactly one Loadbay order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANDLED_TOPICS } from "~/shopify/webhook-payloads.schema";
import { demoCatalog, type ShopifySimulator } from "../../tools/shopify-sim";
import { freePort } from "../../tools/stack/isolated-env";
import { ensureBuilt, startWeb, startWorker, waitForHttp, type ManagedProcess } from "../../tools/stack/processes";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { installShop, startTestSimulator } from "../support/simulator";
import { TEST_ENV } from "../support/test-env";
import { deletePrefix, testQueuePrefix } from "../support/redis";
import { waitFor } from "../support/wait-for";

const SHOP = "sparklayer-e2e.myshopify.com";
let database: TestDatabase;
let sim: ShopifySimulator;
let prefix: string;
const processes: ManagedProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  database = await createTestDatabase("e2e");
  prefix = testQueuePrefix("e2e");
  const port = await freePort();
  sim = await startTestSimulator({
    webhookUrl: (topic) => (HANDLED_TOPICS.includes(topic) ? `http://127.0.0.1:${port}/webhooks/${topic}` : undefined),
  });
  await installShop(sim, database.db, SHOP);
  const env = { ...TEST_ENV, DATABASE_URL: database.url, QUEUE_PREFIX: prefix, PORT: String(port), SHOPIFY_ADMIN_ORIGIN: sim.url };
  processes.push(startWeb(env), startWorker(env));
  await waitForHttp(`http://127.0.0.1:${port}/healthz`);
}, 120_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await sim.close();
  await database.drop();
  await deletePrefix(process.env.REDIS_URL!, prefix);
});

describe("SparkLayer orders from the simulator to the running app", () => {
  it("arrive signed, are recorded once each despite duplicates and reordering, and become orders", async () => {
    const shop = sim.shop(SHOP);
    demoCatalog(shop);
    shop.webhookMode.duplicates = 1; // every delivery is sent twice with the same webhook id
    shop.webhookMode.reorder = true;
    const s = shop.scenarios;
    const orders = [s.paidByCard(), s.payOnAccount(), s.caseOf12(), s.noPo(), s.oddSku(), s.otherCurrency(), ...s.companies(2)];
    const later = s.draftCompletedLater();
    const completed = later.complete();
    await sim.webhooksIdle();

    const delivered = sim.deliveries.filter((d) => d.shop === SHOP && d.state === "delivered");
    expect(delivered.length).toBeGreaterThan(orders.length * 2); // originals and their duplicates
    expect(delivered.every((d) => d.attempts.at(-1)?.status === 200)).toBe(true);

    const expectedOrderIds = [...orders, completed].map((o) => o.id);
    await waitFor(
      () => database.db.webhookInbox.count({ where: { shop: SHOP, status: "received" } }),
      (n) => n === 0,
      30_000,
      "every recorded webhook to be processed",
    );
    const rows = await database.db.order.findMany({ where: { shop: SHOP, shopifyOrderId: { not: null } } });
    expect(rows.map((r) => r.shopifyOrderId).sort()).toEqual([...expectedOrderIds].sort());
    // The draft and the order it became are one row.
    expect(rows.find((r) => r.shopifyOrderId === completed.id)?.shopifyDraftOrderId).toBe(later.draft.id);

    const uniqueDeliveries = new Set(delivered.map((d) => d.webhookId)).size;
    expect(await database.db.webhookInbox.count({ where: { shop: SHOP } })).toBe(uniqueDeliveries);
    expect(await database.db.webhookInbox.count({ where: { shop: SHOP, status: { in: ["rejected", "failed"] } } })).toBe(0);
  }, 60_000);
});
