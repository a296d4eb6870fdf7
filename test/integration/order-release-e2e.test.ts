// Release decisions end to end: simulator → webhooks → web → inbox → worker → Shopify read →
// decision → Shopify hold, with echo recognition, the reconciliation sweep and go-live.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCatalog, type SimShop } from "../../tools/shopify-sim";
import { startRunningApp, type RunningApp } from "../support/running-app";
import { installShop } from "../support/simulator";
import { waitFor } from "../support/wait-for";

const SHOP = "release-e2e.myshopify.com";
let app: RunningApp;
let shop: SimShop;

beforeAll(async () => {
  app = await startRunningApp("release");
  ({ shop } = await installShop(app.sim, app.db, SHOP));
  demoCatalog(shop);
  await app.db.shop.update({ where: { domain: SHOP }, data: { dryRun: false } });
}, 120_000);
afterAll(() => app.stop());

const orderRow = (gid: string) => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: gid } });
const waitForState = (gid: string, state: string) =>
  waitFor(() => orderRow(gid), (o) => o?.state === state && !o.pendingEvaluation, 30_000, `${gid} to be ${state}`);
const ourHolds = (orderId: string) =>
  shop.fulfillmentOrders(orderId).flatMap((fo) => fo.holds.filter((h) => h.handle === "loadbay"));
const settle = async () => {
  await app.sim.webhooksIdle();
  await waitFor(() => app.db.webhookInbox.count({ where: { shop: SHOP, status: "received" } }), (n) => n === 0, 30_000, "the inbox to drain");
  await waitFor(() => app.db.order.count({ where: { shop: SHOP, pendingEvaluation: true } }), (n) => n === 0, 30_000, "decisions to settle");
};

describe("release decisions", () => {
  it("holds an unapproved pay-on-account order with its reason and a Shopify hold; the approval tag releases it; echoes cost no fetches", async () => {
    const order = shop.scenarios.payOnAccount({ buyer: 2 }); // Cobalt Retail: no credit left
    const held = await waitForState(order.id, "held");
    expect(held?.holdReasons.join(" ")).toMatch(/Pay on Account order awaiting approval/);
    await waitFor(async () => ourHolds(order.id).length, (n) => n > 0, 10_000, "Loadbay's Shopify hold");
    await settle();
    // Every echo of Loadbay's own hold write was recognised (noted, no fetch). Creating the order may
    // cost one or two fetches (orders/create and the draft's completion race), so count echoes, not fetches.
    const fetchesAfterHold = shop.operations("OrderForRelease").length;
    const heldRow = await orderRow(order.id);
    expect(heldRow!.ownWriteStamps.length).toBeGreaterThanOrEqual(1);
    // An echo is recognised at intake ("already handled") or, when it beat Loadbay's record of its own
    // write, at evaluation ("Loadbay's own write"); neither fetches the order.
    const timelineAfterHold = await app.db.timelineEvent.findMany({ where: { shop: SHOP, orderId: heldRow!.id }, select: { message: true } });
    const echoes = timelineAfterHold.filter((e) => /already handled|Loadbay's own write/.test(e.message)).length;
    expect(echoes).toBeGreaterThanOrEqual(heldRow!.ownWriteStamps.length);

    shop.updateOrder(order.id, { tags: [...(shop.getOrder(order.id)?.tags ?? []), "approved"] });
    await waitForState(order.id, "released");
    await settle();
    expect(ourHolds(order.id)).toEqual([]);
    expect(shop.operations("OrderForRelease").length).toBe(fetchesAfterHold + 1); // the tag, not the release echo

    const row = await orderRow(order.id);
    const timeline = await app.db.timelineEvent.findMany({ where: { shop: SHOP, orderId: row!.id }, orderBy: { at: "asc" } });
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(["webhook", "decision", "transition", "shopify-hold"]));
    expect(timeline.some((e) => /already handled|Loadbay's own write/.test(e.message))).toBe(true);
  }, 60_000);

  it("releases a pay-on-account order that fits in the customer's remaining credit", async () => {
    const order = shop.scenarios.payOnAccount({ buyer: 0 }); // Acme: 5,000 limit, 1,250 balance
    await waitForState(order.id, "released");
    const events = await app.db.timelineEvent.findMany({ where: { shop: SHOP, order: { shopifyOrderId: order.id }, kind: "decision" } });
    expect(events.length).toBeGreaterThanOrEqual(1);
    for (const e of events) expect(e.message).toMatch(/within the customer's remaining credit/);
  }, 30_000);

  it("releases a paid card order without a hold", async () => {
    const order = shop.scenarios.paidByCard();
    await waitForState(order.id, "released");
    expect(ourHolds(order.id)).toEqual([]);
  }, 30_000);

  it("a sweep recovers an order whose webhooks were all dropped", async () => {
    shop.webhookMode.hold = true; // deliveries queue up in the simulator and never reach the app
    const order = shop.scenarios.paidByCard();
    shop.webhookMode.hold = false;
    await new Promise((r) => setTimeout(r, 500));
    expect(await orderRow(order.id)).toBeNull();
    await app.runMaintenance("reconcile");
    await waitForState(order.id, "released");
    const row = await orderRow(order.id);
    const events = await app.db.timelineEvent.findMany({ where: { shop: SHOP, orderId: row!.id } });
    expect(events.some((e) => e.actor === "sweep:reconciliation")).toBe(true);
  }, 30_000);

  it("an order created before the go-live date is held, not sent, and the sweep leaves older ones alone", async () => {
    const early = shop.scenarios.paidByCard();
    await waitForState(early.id, "released");
    shop.webhookMode.hold = true;
    const missed = shop.scenarios.paidByCard();
    shop.webhookMode.hold = false;
    await app.db.shop.update({ where: { domain: SHOP }, data: { goLiveAt: new Date(Date.now() + 60_000) } });
    const beforeGoLive = shop.scenarios.paidByCard();
    const held = await waitForState(beforeGoLive.id, "held");
    expect(held?.holdReasons.join(" ")).toMatch(/before the go-live date/);
    await app.runMaintenance("reconcile");
    await settle();
    expect(await orderRow(missed.id)).toBeNull();
  }, 60_000);
});
