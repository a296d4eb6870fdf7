// Dispatches back into Shopify, end to end: orders sent to the Mintsoft simulator are despatched there
// (in parts, over time); the worker polls them, and each shipment becomes exactly one fulfillment in the
// Shopify simulator, with its lines and tracking — also when the warehouse reports it again, and when
// Shopify's answer to fulfillmentCreate is lost.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimShop } from "../../tools/shopify-sim";
import { displayFulfillmentStatus } from "../../tools/shopify-sim/state/order-status";
import { startWarehouseSim, type WarehouseSim } from "../../tools/warehouse-sim";
import { ORDER_STATUS } from "../../tools/warehouse-sim/wire-types";
import { connectMintsoft, startDemoShopApp, type RunningApp } from "../support/running-app";
import { waitFor } from "../support/wait-for";

const SHOP = "dispatch-e2e.myshopify.com";
let app: RunningApp;
let wms: WarehouseSim;
let shop: SimShop;
let appUrl: string;
let connectionId: string;

const post = (path: string, form: Record<string, string>) => fetch(`${appUrl}${path}`, { method: "POST", body: new URLSearchParams(form) });
const orderRow = (gid: string) => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: gid } });

/** The order's warehouse order once Mintsoft accepted it. */
async function accepted(gid: string) {
  const row = await waitFor(() => orderRow(gid), (o) => o?.state === "in_fulfilment", 30_000, `${gid} sent`);
  return app.db.warehouseOrder.findFirstOrThrow({ where: { shop: SHOP, orderId: row!.id, state: "accepted" } });
}
const fulfilmentsOf = (gid: string, n: number) => waitFor(async () => shop.fulfillments(gid), (f) => f.length >= n, 30_000, `${n} fulfillment(s) of ${gid}`);
const status = (gid: string) => displayFulfillmentStatus(shop.state, shop.state.orders.get(gid)!);

beforeAll(async () => {
  wms = await startWarehouseSim();
  ({ app, shop, appUrl } = await startDemoShopApp("dispatch", SHOP, { DISPATCH_POLL_INTERVAL_S: "1" }));
  connectionId = await connectMintsoft(app, shop, wms);
  // The warehouse status as a tag is the merchant's choice (off by default).
  const { settings } = await app.db.shop.findUniqueOrThrow({ where: { domain: SHOP } });
  await app.db.shop.update({ where: { domain: SHOP }, data: { settings: { ...(settings as object), operations: { fulfilment: { statusTag: true } } } } });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await wms?.close();
});

describe("dispatches into Shopify", () => {
  it("a 40-line order shipped in 3 parts over time gives exactly 3 fulfillments, partially fulfilled until the last", async () => {
    const skus = Array.from({ length: 40 }, (_, i) => `PART-${String(i + 1).padStart(2, "0")}`);
    for (const sku of skus) shop.addVariant({ sku, price: 2 });
    const order = shop.scenarios.paidByCard({ lines: skus.map((sku, i) => ({ sku, quantity: 1 + (i % 3) })) });
    const sent = await accepted(order.id);
    const quantity = (sku: string) => order.lineItems.find((l) => l.sku === sku)!.quantity;
    const tags = () => shop.state.orders.get(order.id)!.tags.filter((t) => t.startsWith("warehouse-"));
    await waitFor(async () => tags(), (t) => t.length > 0, 30_000, "the status tag");
    expect(tags()).toEqual(["warehouse-at-warehouse"]);
    const reads = shop.operations("OrderForRelease").length;

    wms.dispatch(sent.idempotencyKey, { lines: skus.slice(0, 15).map((sku) => ({ sku, quantity: quantity(sku) })), tracking: { number: "TRK-A", url: "https://track.example/TRK-A" }, courier: "DPD" });
    await fulfilmentsOf(order.id, 1);
    await waitFor(() => orderRow(order.id), (o) => o?.state === "partially_shipped", 30_000, "partially shipped");
    expect(status(order.id)).toBe("PARTIALLY_FULFILLED");

    wms.dispatch(sent.idempotencyKey, { lines: skus.slice(15, 30).map((sku) => ({ sku, quantity: quantity(sku) })), tracking: { number: ["TRK-B1", "TRK-B2"] }, courier: "DPD" });
    await fulfilmentsOf(order.id, 2);
    expect(status(order.id)).toBe("PARTIALLY_FULFILLED");
    expect((await orderRow(order.id))!.state).toBe("partially_shipped");

    wms.dispatch(sent.idempotencyKey, { tracking: { number: "TRK-C" }, courier: "Royal Mail" });
    await fulfilmentsOf(order.id, 3);
    await waitFor(() => orderRow(order.id), (o) => o?.state === "shipped", 30_000, "shipped");
    expect(status(order.id)).toBe("FULFILLED");
    await waitFor(async () => tags(), (t) => t.includes("warehouse-shipped"), 30_000, "the shipped tag");
    expect(tags()).toEqual(["warehouse-shipped"]);
    // Recorded just after Shopify answered.
    await waitFor(() => orderRow(order.id), (o) => o?.warehouseStatus === "shipped", 30_000, "the status recorded");
    // Loadbay's own writes (fulfillments, tags) came back as orders/updated; none was read again.
    await app.sim.webhooksIdle();
    expect(shop.operations("OrderForRelease")).toHaveLength(reads);

    const made = shop.fulfillments(order.id);
    expect(made).toHaveLength(3);
    const skuOf = (lineItemId: string) => order.lineItems.find((l) => l.id === lineItemId)!.sku;
    const shipped = made.map((f) => f.lines.map((l) => [skuOf(l.lineItemId), l.quantity]).sort());
    expect(shipped).toEqual([
      skus.slice(0, 15).map((sku) => [sku, quantity(sku)]),
      skus.slice(15, 30).map((sku) => [sku, quantity(sku)]),
      skus.slice(30).map((sku) => [sku, quantity(sku)]),
    ]);
    expect(made.map((f) => f.tracking.map((t) => [t.company, t.number, t.url]))).toEqual([
      [["DPD", "TRK-A", "https://track.example/TRK-A"]],
      // Mintsoft has one URL field per part: it goes with the first number.
      [["DPD", "TRK-B1", "https://track.example.test/TRK-B1"], ["DPD", "TRK-B2", null]],
      [["Royal Mail", "TRK-C", "https://track.example.test/TRK-C"]],
    ]);
    const warehouseOrders = await app.db.warehouseOrder.findMany({ where: { shop: SHOP, orderId: sent.orderId } });
    expect(warehouseOrders.map((w) => w.state)).toEqual(["dispatched"]);
    const timeline = await app.db.timelineEvent.findMany({ where: { shop: SHOP, orderId: sent.orderId, kind: "dispatch" }, orderBy: { at: "asc" } });
    expect(timeline).toHaveLength(3);
    const page = await (await fetch(`${appUrl}/app/orders/${sent.orderId}`)).text();
    for (const text of ["Shipment 1000", "tracking TRK-A", "tracking TRK-B1, TRK-B2", "Royal Mail · tracking TRK-C"]) expect(page).toContain(text);
    expect(page.match(/In Shopify/g)).toHaveLength(3);

    // Every poll reads the last despatch again (Mintsoft's date filter includes the cursor): still 3.
    const polls = shop.operations("OrderFulfillmentOrdersPage").length;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await app.db.dispatchAdvice.count({ where: { shop: SHOP, warehouseOrderId: sent.id } })).toBe(3);
    expect(shop.fulfillments(order.id)).toHaveLength(3);
    expect(shop.operations("OrderFulfillmentOrdersPage")).toHaveLength(polls); // and no Shopify reads for them
  }, 120_000);

  it("a case-of-12 line shipped as 24 units fulfils 2 cases, once, although Shopify's answer was lost", async () => {
    const order = shop.scenarios.caseOf12();
    const sent = await accepted(order.id);
    shop.faults.fulfillmentCreateTimeout = 1; // Shopify makes the fulfillment, the answer never arrives
    wms.dispatch(sent.idempotencyKey, { tracking: { number: "TRK-CASE" } });
    const advice = await waitFor(
      () => app.db.dispatchAdvice.findFirst({ where: { shop: SHOP, warehouseOrderId: sent.id } }),
      (d) => d?.status === "applied",
      30_000,
      "the dispatch applied",
    );
    expect(advice!.attempts).toBe(1); // the retry found the fulfillment instead of making another
    const made = shop.fulfillments(order.id);
    expect(made).toHaveLength(1);
    expect(made[0]!.lines.map((l) => l.quantity)).toEqual([2]);
    expect(advice!.shopifyFulfillmentId).toBe(made[0]!.id);
    const event = await app.db.timelineEvent.findFirstOrThrow({ where: { shop: SHOP, orderId: sent.orderId, kind: "dispatch" } });
    expect(event.message).toContain("not created twice");
    await waitFor(() => orderRow(order.id), (o) => o?.state === "shipped", 30_000, "shipped");
  }, 60_000);

  it("a fulfillment order moved after transmission (new ids) still receives the shipment, on the fulfillment order as it is now", async () => {
    for (const sku of ["MOVE-A", "MOVE-B"]) shop.addVariant({ sku, price: 3 });
    const order = shop.scenarios.paidByCard({ lines: [{ sku: "MOVE-A", quantity: 6 }, { sku: "MOVE-B", quantity: 4 }] });
    const sent = await accepted(order.id);
    const [facility, elsewhere] = shop.locations();
    const original = shop.fulfillmentOrders(order.id).find((f) => f.status === "OPEN")!;
    expect(original.assignedLocationId).toBe(facility!.id);
    // The merchant moves 2 of MOVE-A to the other location, then back: Shopify replaces both with a new one.
    const away = shop.moveFulfillmentOrder(original.id, elsewhere!.id, [{ id: original.lineItems[0]!.id, quantity: 2 }]);
    const now = shop.moveFulfillmentOrder(away, facility!.id);
    expect(now).not.toBe(original.id);
    expect(shop.state.fulfillmentOrders.get(original.id)!.status).toBe("CLOSED");

    wms.dispatch(sent.idempotencyKey, { tracking: { number: "TRK-MOVED" } });
    const [made] = await fulfilmentsOf(order.id, 1);
    const skuOf = (lineItemId: string) => order.lineItems.find((l) => l.id === lineItemId)?.sku ?? lineItemId;
    // The merged fulfillment order may carry a line item in two parts: count units per SKU.
    const units = new Map<string, number>();
    for (const l of made!.lines) units.set(skuOf(l.lineItemId), (units.get(skuOf(l.lineItemId)) ?? 0) + l.quantity);
    expect(Object.fromEntries(units)).toEqual({ "MOVE-A": 6, "MOVE-B": 4 });
    expect(made!.fulfillmentOrderIds).toEqual([now]);
    expect(made!.tracking.map((t) => t.number)).toEqual(["TRK-MOVED"]);
    expect(status(order.id)).toBe("FULFILLED");
    await waitFor(() => orderRow(order.id), (o) => o?.state === "shipped", 30_000, "shipped");
    expect(await app.db.exceptionRecord.count({ where: { shop: SHOP, orderId: sent.orderId, status: "open" } })).toBe(0);
  }, 60_000);

  it("a pushed despatch delivered twice is applied once; one for a SKU not on the order is an exception, never a fulfillment", async () => {
    const setUp = await (await post(`/app/connections/${connectionId}/push`, { mode: "hmac-sha256", header: "X-Mintsoft-Signature", encoding: "hex" })).text();
    const secret = /data-testid="push-secret">([A-Za-z0-9_-]+)</.exec(setUp)![1]!;
    const push = (body: object) => {
      const text = JSON.stringify(body);
      return fetch(`${appUrl}/inbound/${connectionId}/dispatches`, {
        method: "POST",
        headers: { "content-type": "application/json", "X-Mintsoft-Signature": createHmac("sha256", secret).update(text).digest("hex") },
        body: text,
      });
    };
    const order = shop.scenarios.paidByCard();
    const sent = await accepted(order.id);
    const despatch = { ID: 77001, OrderNumber: "x", ExternalOrderReference: sent.idempotencyKey, DespatchDate: new Date().toISOString(), TrackingNumber: "TRK-PUSH", OrderItems: [{ SKU: "WIDGET-BLUE", Quantity: 12 }] };
    expect((await push(despatch)).status).toBe(200);
    expect((await push(despatch)).status).toBe(200);
    await fulfilmentsOf(order.id, 1);
    await waitFor(() => app.db.dispatchAdvice.findFirst({ where: { shop: SHOP, shipmentId: "77001" } }), (d) => d?.status === "applied", 30_000, "applied");
    expect(shop.fulfillments(order.id)).toHaveLength(1);
    expect(status(order.id)).toBe("PARTIALLY_FULFILLED"); // the 3 red widgets are still to come

    const wrong = { ...despatch, ID: 77002, TrackingNumber: "TRK-WRONG", OrderItems: [{ SKU: "MYSTERY-9", Quantity: 1 }, { SKU: "WIDGET-RED", Quantity: 5 }] };
    expect((await push(wrong)).status).toBe(200);
    const exceptions = await waitFor(
      () => app.db.exceptionRecord.findMany({ where: { shop: SHOP, orderId: sent.orderId, status: "open" }, orderBy: { kind: "asc" } }),
      (e) => e.length >= 2,
      30_000,
      "the exceptions",
    );
    expect(exceptions.map((e) => [e.kind, e.message])).toEqual([
      ["dispatch-over-shipment", "The warehouse shipped 5 units of WIDGET-RED, but only 3 are still to be fulfilled for WIDGET-RED. Check the shipment with the warehouse."],
      ["dispatch-unknown-sku", "The warehouse shipped 1 × MYSTERY-9, which is not on the order it was sent."],
    ]);
    expect(shop.fulfillments(order.id)).toHaveLength(1);
    expect(await app.db.dispatchAdvice.findFirst({ where: { shop: SHOP, shipmentId: "77002" } })).toMatchObject({ status: "failed" });

    // The warehouse corrects the shipment and sends it again: the correction is applied, the exceptions clear.
    const corrected = { ...wrong, OrderItems: [{ SKU: "WIDGET-RED", Quantity: 3 }] };
    expect((await push(corrected)).status).toBe(200);
    await fulfilmentsOf(order.id, 2);
    expect(status(order.id)).toBe("FULFILLED");
    // Shopify shows the fulfillment a moment before Loadbay's record of it (and the cleared exceptions) commits.
    await waitFor(() => app.db.exceptionRecord.count({ where: { shop: SHOP, orderId: sent.orderId, status: "open" } }), (n) => n === 0, 10_000, "the exceptions cleared");
  }, 90_000);

  it("a shipment for a fulfillment order the merchant holds waits as an exception; Retry applies it once released; new tracking updates the fulfillment", async () => {
    const order = shop.scenarios.paidByCard();
    const sent = await accepted(order.id);
    const fo = shop.fulfillmentOrders(order.id).find((f) => f.status === "OPEN")!;
    shop.placeMerchantHold(fo.id);
    const despatched = wms.dispatch(sent.idempotencyKey, { tracking: { number: "TRK-H1" } });
    const exception = await waitFor(
      () => app.db.exceptionRecord.findFirst({ where: { shop: SHOP, orderId: sent.orderId, kind: "dispatch-not-fulfillable", status: "open" } }),
      (e) => e !== null,
      30_000,
      "the held exception",
    );
    expect(exception!.message).toBe("WIDGET-BLUE is on hold in Shopify, so its shipment cannot be recorded. Release the hold in Shopify, then retry.");
    expect(shop.fulfillments(order.id)).toHaveLength(0);

    // Retrying before the hold is released changes nothing…
    expect((await post("/app/exceptions", { intent: "retry-kind", kind: "dispatch-not-fulfillable" })).status).toBe(200);
    await waitFor(() => app.db.exceptionRecord.findUniqueOrThrow({ where: { id: exception!.id } }), (e) => e.count > exception!.count, 30_000, "the retry seen");
    expect(shop.fulfillments(order.id)).toHaveLength(0);
    // …after it, the shipment is recorded and the exception closes.
    Object.assign(shop.state.fulfillmentOrders.get(fo.id)!, { holds: [], status: "OPEN" });
    expect((await post("/app/exceptions", { intent: "retry-kind", kind: "dispatch-not-fulfillable" })).status).toBe(200);
    await fulfilmentsOf(order.id, 1);
    await waitFor(() => app.db.exceptionRecord.findUniqueOrThrow({ where: { id: exception!.id } }), (e) => e.status === "resolved", 30_000, "the exception resolved");

    // The warehouse corrects the tracking number of that parcel: the fulfillment's tracking follows, nothing else.
    despatched.TrackingNumber = "TRK-H2";
    await waitFor(async () => shop.fulfillments(order.id)[0]!.tracking.map((t) => t.number), (n) => n.includes("TRK-H2"), 30_000, "the tracking update");
    expect(shop.fulfillments(order.id)).toHaveLength(1);
    expect(shop.operations("UpdateFulfillmentTracking")).toHaveLength(1);
  }, 90_000);

  it("Cancel at the warehouse, from the order page, cancels it there and never sends it again", async () => {
    const order = shop.scenarios.paidByCard();
    const sent = await accepted(order.id);
    const created = wms.counters.createRequests;
    const page = await (await fetch(`${appUrl}/app/orders/${sent.orderId}`)).text();
    expect(page).toContain("Cancel at the warehouse");

    const answer = await (await post(`/app/orders/${sent.orderId}`, { intent: "cancel-at-warehouse" })).text();
    expect(answer).toContain("Asked the warehouse to cancel 1 warehouse order(s).");
    await waitFor(() => orderRow(order.id), (o) => o?.state === "cancelled", 30_000, "the order cancelled");
    expect(await app.db.warehouseOrder.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ state: "cancelled" });
    expect(wms.ordersFor(sent.idempotencyKey).map((o) => o.OrderStatusId)).toEqual([ORDER_STATUS.CANCELLED]);
    const tags = () => shop.state.orders.get(order.id)!.tags.filter((t) => t.startsWith("warehouse-"));
    await waitFor(async () => tags(), (t) => t.includes("warehouse-cancelled"), 30_000, "the cancelled tag");
    expect(tags()).toEqual(["warehouse-cancelled"]);

    // Shopify still has the order open; a later change to it sends nothing.
    shop.updateOrder(order.id, { note: "customer called" });
    await app.sim.webhooksIdle();
    await waitFor(() => orderRow(order.id), (o) => o?.pendingEvaluation === false, 30_000, "the change decided");
    expect(wms.counters.createRequests).toBe(created);
    expect(await app.db.warehouseOrder.count({ where: { shop: SHOP, orderId: sent.orderId } })).toBe(1);
    expect(await (await post(`/app/orders/${sent.orderId}`, { intent: "cancel-at-warehouse" })).text()).toContain("nothing of this order that it could still cancel");
  }, 60_000);
});
