// End to end: SparkLayer-style orders created in the Shopify simulator reach the running app (the
// production web server and the worker, as separate processes) as signed webhooks, duplicates and
// reordering included, and each becomes exactly one Loadbay order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANDLED_TOPICS } from "~/shopify/webhook-payloads.schema";
import { demoCatalog, type ShopifySimulator } from "../../tools/shopify-sim";
import { signedWebhook } from "../../tools/bench/signed-webhook";
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
let webOrigin: string;

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
  webOrigin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${webOrigin}/healthz`);
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

describe("the production web server's webhook answer", () => {
  const url = (topic: string) => `${webOrigin}/webhooks/${topic}`;
  const post = (topic: string, payload: unknown, secret: string = TEST_ENV.SHOPIFY_API_SECRET) => {
    const signed = signedWebhook(secret, SHOP, topic, payload);
    return fetch(url(topic), { method: "POST", headers: signed.headers, body: signed.body });
  };

  it("is 401 for a bad signature, and nothing is recorded", async () => {
    const before = await database.db.webhookInbox.count({ where: { shop: SHOP } });
    expect((await post("orders/create", { id: 9001 }, "not-the-secret")).status).toBe(401);
    expect(await database.db.webhookInbox.count({ where: { shop: SHOP } })).toBe(before);
  });

  it("is 200 for a signed body that is not an order, recorded as rejected with its reason", async () => {
    const response = await post("orders/create", { hello: "world" });
    expect(response.status).toBe(200);
    const rejected = await database.db.webhookInbox.findFirst({ where: { shop: SHOP, status: "rejected" }, orderBy: { receivedAt: "desc" } });
    expect(rejected?.reason).toMatch(/orders\/create/);
  });

  it("is 413 for a body over 10 MB, without reading the rest", async () => {
    const response = await fetch(url("orders/create"), { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(10 * 1024 * 1024 + 1) }).catch((error: unknown) => error);
    // The server answers and closes; a client still sending may see the reset instead of the answer.
    if (response instanceof Response) expect(response.status).toBe(413);
    else expect(String((response as Error).cause ?? response)).toMatch(/ECONNRESET|EPIPE|other side closed/);
    expect((await fetch(`${webOrigin}/healthz`)).status).toBe(200);
  });

  it("leaves other methods on /webhooks to the app", async () => {
    // Remix answers a GET to a route with an action and no loader with 400 (the bare handler would say 401).
    expect((await fetch(url("orders/create"))).status).toBe(400);
  });
});
