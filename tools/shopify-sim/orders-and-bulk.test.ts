import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock, type ShopifySimulator, type SimShop } from "./index";
import { at, gql, startTestSimulator } from "./test-support";

const SWEEP = `query($after: String, $q: String) { orders(first: 2, after: $after, query: $q, sortKey: UPDATED_AT) { nodes { id updatedAt } pageInfo { hasNextPage endCursor } } }`;

describe("reconciliation sweeps, bulk operations, edits and refunds", () => {
  const clock = manualClock();
  let sim: ShopifySimulator;
  let shop: SimShop;
  let token: string;

  beforeAll(async () => {
    sim = await startTestSimulator({ clock });
    shop = sim.createShop("sweep.myshopify.com");
    token = sim.issueOfflineToken(shop.domain).accessToken;
  });
  afterAll(() => sim.close());

  it("pages orders updated after a time, oldest update first, with cursors", async () => {
    const orders = shop.scenarios.companies(4);
    const since = new Date(clock.now()).toISOString();
    clock.advance(1_000);
    for (const o of [orders[2], orders[0], orders[3]]) {
      clock.advance(1_000);
      if (o) shop.updateOrder(o.id, { note: "changed" });
    }
    const q = `updated_at:>'${since}'`;
    const page1 = await gql(sim, token, SWEEP, { q });
    expect(at(page1.body.data, "orders", "nodes")).toHaveLength(2);
    expect(at(page1.body.data, "orders", "pageInfo", "hasNextPage")).toBe(true);
    const page2 = await gql(sim, token, SWEEP, { q, after: at(page1.body.data, "orders", "pageInfo", "endCursor") });
    const ids = [page1, page2].flatMap((p) => (at(p.body.data, "orders", "nodes") as { id: string }[]).map((n) => n.id));
    expect(ids).toEqual([orders[2]?.id, orders[0]?.id, orders[3]?.id]);
    expect(at(page2.body.data, "orders", "pageInfo", "hasNextPage")).toBe(false);
  });

  it("runs a bulk query to a JSONL file with status progression", async () => {
    const run = await gql(sim, token, `mutation { bulkOperationRunQuery(groupObjects: false, query: "{ orders { edges { node { id name lineItems { edges { node { sku quantity } } } } } } }") { bulkOperation { id status } userErrors { code message } } }`);
    const id = String(at(run.body.data, "bulkOperationRunQuery", "bulkOperation", "id"));
    expect(at(run.body.data, "bulkOperationRunQuery", "bulkOperation", "status")).toBe("CREATED");
    const poll = `query($id: ID!) { node(id: $id) { ... on BulkOperation { status objectCount rootObjectCount url } } }`;
    expect(at((await gql(sim, token, poll, { id })).body.data, "node", "status")).toBe("RUNNING");
    clock.advance(1_000);
    const done = await gql(sim, token, poll, { id });
    expect(at(done.body.data, "node")).toMatchObject({ status: "COMPLETED", rootObjectCount: "4", objectCount: "12" });
    const file = await (await fetch(String(at(done.body.data, "node", "url")))).text();
    const lines = file.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ id: expect.stringContaining("Order"), name: "#1001" });
    expect(lines[1]).toMatchObject({ sku: "WIDGET-BLUE", quantity: 12, __parentId: lines[0]?.id });
  });

  it("limits bulk operations to five at a time per shop", async () => {
    const start = () => gql(sim, token, `mutation { bulkOperationRunQuery(groupObjects: false, query: "{ orders { edges { node { id } } } }") { bulkOperation { id } userErrors { code } } }`);
    for (let i = 0; i < 5; i++) expect(at((await start()).body.data, "bulkOperationRunQuery", "userErrors")).toEqual([]);
    expect(at((await start()).body.data, "bulkOperationRunQuery", "userErrors", 0, "code")).toBe("LIMIT_REACHED");
    clock.advance(1_000);
    await gql(sim, token, `{ currentBulkOperation { status } }`);
    expect(at((await start()).body.data, "bulkOperationRunQuery", "userErrors")).toEqual([]);
  });

  it("edits and refunds lines with orders/edited, refunds/create and orders/updated, and open quantities follow", async () => {
    const order = shop.scenarios.paidByCard();
    const line = order.lineItems[0];
    const before = sim.webhookEvents.length;
    shop.editOrder(order.id, [{ lineItemId: line?.id ?? "", quantity: 10 }]);
    shop.refund(order.id, { lines: [{ lineItemId: line?.id ?? "", quantity: 4, restock: true }], note: "damaged" });
    expect(sim.webhookEvents.slice(before).map((e) => e.topic)).toEqual(["inventory_levels/update", "orders/edited", "orders/updated", "inventory_levels/update", "refunds/create", "orders/updated"]);
    expect(shop.fulfillmentOrders(order.id)[0]?.lineItems[0]).toMatchObject({ totalQuantity: 6, remainingQuantity: 6 });
    const read = await gql(sim, token, `query($id: ID!) { order(id: $id) { displayFinancialStatus lineItems(first: 5) { nodes { quantity currentQuantity } } } }`, { id: order.id });
    expect(at(read.body.data, "order", "displayFinancialStatus")).toBe("PARTIALLY_REFUNDED");
    expect(at(read.body.data, "order", "lineItems", "nodes", 0)).toEqual({ quantity: 12, currentQuantity: 6 });
  });
});
