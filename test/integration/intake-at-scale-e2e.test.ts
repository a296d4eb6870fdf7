// Issue 4's acceptance run: about 10,000 webhooks for 2,500 orders, 30% duplicated and shuffled,
// through the running app, give exactly 2,500 orders, each with the right release decision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCatalog, type SimShop } from "../../tools/shopify-sim";
import { startRunningApp, type RunningApp } from "../support/running-app";
import { installShop } from "../support/simulator";
import { waitFor } from "../support/wait-for";

const SHOP = "scale-e2e.myshopify.com";
const ORDERS = 2_500;
let app: RunningApp;
let shop: SimShop;

beforeAll(async () => {
  // Correctness at volume, not rate limits (tested elsewhere): a bucket that never runs dry.
  app = await startRunningApp("scale", { sim: { plan: { restoreRate: 1_000_000, bucketSize: 1_000_000 } }, env: { WORKER_CONCURRENCY: "16" } });
  ({ shop } = await installShop(app.sim, app.db, SHOP));
  demoCatalog(shop);
}, 120_000);
afterAll(() => app.stop());

/** Four kinds of order whose decision is known by construction. */
function placeOrder(i: number): { id: string; expected: "released" | "held" } {
  const s = shop.scenarios;
  switch (i % 4) {
    case 0:
      return { id: s.paidByCard().id, expected: "released" };
    case 1:
      return { id: s.payOnAccount({ tags: ["approved"] }).id, expected: "released" };
    case 2:
      return { id: s.payOnAccount({ tags: ["hold"] }).id, expected: "held" };
    default:
      return { id: s.paidByCard({ tags: ["loadbay-hold"] }).id, expected: "held" };
  }
}

describe("intake at scale", () => {
  it("10,000 shuffled webhooks with 30% duplicates make exactly 2,500 orders with the right decisions", async () => {
    Object.assign(shop.webhookMode, { hold: true, duplicates: 0.3, reorder: true });
    const placed = Array.from({ length: ORDERS }, (_, i) => placeOrder(i));
    for (const [i, order] of placed.entries()) {
      shop.updateOrder(order.id, { note: `first update ${i}` });
      shop.updateOrder(order.id, { note: `second update ${i}` });
      if (i % 10 === 0) shop.updateOrder(order.id, { note: `third update ${i}` });
    }
    while (app.sim.releaseWebhooks(400) > 0) await app.sim.webhooksIdle();

    const deliveries = app.sim.deliveries.filter((d) => d.shop === SHOP);
    expect(deliveries.length).toBeGreaterThanOrEqual(10_000);
    expect(deliveries.every((d) => d.state === "delivered")).toBe(true);

    await waitFor(() => app.db.webhookInbox.count({ where: { shop: SHOP, status: "received" } }), (n) => n === 0, 120_000, "the inbox to drain");
    await waitFor(() => app.db.order.count({ where: { shop: SHOP, pendingEvaluation: true } }), (n) => n === 0, 120_000, "every decision");

    const rows = await app.db.order.findMany({ where: { shop: SHOP }, select: { shopifyOrderId: true, state: true } });
    expect(rows).toHaveLength(ORDERS);
    const state = new Map(rows.map((r) => [r.shopifyOrderId, r.state]));
    const wrong = placed.filter((o) => state.get(o.id) !== o.expected);
    expect(wrong).toEqual([]);
    const unique = new Set(deliveries.map((d) => d.webhookId)).size;
    expect(await app.db.webhookInbox.count({ where: { shop: SHOP } })).toBe(unique);
  }, 300_000);
});
