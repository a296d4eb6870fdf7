// Order to warehouse, end to end: a Mintsoft connection set up through the admin page (credentials
// sealed, "test connection"), a released order mapped and sent to the Mintsoft simulator exactly once,
// even when the warehouse answers 500 after storing it.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimShop } from "../../tools/shopify-sim";
import { startWarehouseSim, type WarehouseSim } from "../../tools/warehouse-sim";
import { startDemoShopApp, type RunningApp } from "../support/running-app";
import { waitFor } from "../support/wait-for";

const SHOP = "transmit-e2e.myshopify.com";
let app: RunningApp;
let wms: WarehouseSim;
let shop: SimShop;
let appUrl: string;

const post = (path: string, form: Record<string, string>) => fetch(`${appUrl}${path}`, { method: "POST", body: new URLSearchParams(form) });

beforeAll(async () => {
  wms = await startWarehouseSim();
  ({ app, shop, appUrl } = await startDemoShopApp("transmit", SHOP));
}, 120_000);
afterAll(async () => {
  await app.stop();
  await wms.close();
});

describe("transmission to Mintsoft", () => {
  it("a connection saved in the admin keeps its password sealed, and its test reports what failed", async () => {
    const bad = await post("/app/connections", { provider: "mintsoft", name: "Bad creds", baseUrl: wms.url, username: "loadbay", password: "wrong", warehouseId: "3" });
    expect(bad.status).toBe(200);
    const row = await app.db.warehouseConnection.findFirstOrThrow({ where: { shop: SHOP, name: "Bad creds" } });
    expect(row.secrets).not.toContain("wrong");
    expect(JSON.stringify(row.config)).not.toContain("wrong");
    const tested = await (await post("/app/connections", { intent: "test", id: row.id })).text();
    expect(tested).toContain("Mintsoft refused the API credentials for user");
  });

  it("sends a released order once, with 2 cases as 24 units, despite a lost answer", async () => {
    await post("/app/connections", { provider: "mintsoft", name: "Mintsoft Leeds", baseUrl: wms.url, username: wms.credentials.username, password: wms.credentials.password, warehouseId: "3" });
    const connection = await app.db.warehouseConnection.findFirstOrThrow({ where: { shop: SHOP, name: "Mintsoft Leeds" } });
    const tested = await (await post("/app/connections", { intent: "test", id: connection.id })).text();
    expect(tested).toContain("Connected to Mintsoft");
    const mapping = {
      facilities: [{ code: "LEEDS", name: "Mintsoft Leeds", connectionId: connection.id, shopifyLocationId: shop.locations()[0]!.id }],
      routing: { defaultFacilityCode: "LEEDS" },
      unitsOfMeasure: { rows: [{ sku: "CASE-12-WIDGET", variantId: null, baseSku: "WIDGET-BLUE", factor: 12 }] },
      connections: [{ connectionId: connection.id, serviceCodes: { rows: [{ matchOn: "title", value: "Standard Delivery", serviceCode: "STD" }] } }],
    };
    await app.db.shop.update({ where: { domain: SHOP }, data: { dryRun: false, settings: { mapping } } });
    // A first order signs the worker's connector in, so the fault below hits the order call itself.
    const first = shop.scenarios.paidByCard();
    const firstRow = await waitFor(() => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: first.id } }), (o) => o?.state === "in_fulfilment", 30_000, "the first order sent");
    expect(firstRow).not.toBeNull();
    wms.setFaults({ errorRate: 1, errorPhase: "after" }, 1); // stores the order, then answers 500
    const order = shop.scenarios.caseOf12();
    const row = await waitFor(() => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: order.id } }), (o) => o?.state === "released", 30_000, "release");
    await waitFor(() => app.db.warehouseOrder.findFirst({ where: { shop: SHOP, orderId: row!.id } }), (w) => w?.lastError !== null && w?.lastError !== undefined, 30_000, "the lost answer");
    wms.clearFaults();
    const sent = await waitFor(() => app.db.warehouseOrder.findFirst({ where: { shop: SHOP, orderId: row!.id } }), (w) => w?.state === "accepted", 30_000, "acceptance");
    expect(await app.db.order.findUnique({ where: { id: row!.id } })).toMatchObject({ state: "in_fulfilment" });
    const stored = wms.ordersFor(sent!.idempotencyKey);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.OrderItems).toEqual([expect.objectContaining({ SKU: "WIDGET-BLUE", Quantity: 24 })]);
    expect(wms.counters.duplicates).toBeGreaterThanOrEqual(1); // the retry was refused as a duplicate…
    expect(wms.orders().filter((o) => o.ExternalOrderReference === sent!.idempotencyKey)).toHaveLength(1); // …so one order
  }, 60_000);

  it("after sending: an edit becomes a to-do for the warehouse, done by hand; a cancellation is cancelled at Mintsoft", async () => {
    const order = shop.scenarios.paidByCard();
    const row = await waitFor(() => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: order.id } }), (o) => o?.state === "in_fulfilment", 30_000, "sent");
    const [sent] = await app.db.warehouseOrder.findMany({ where: { shop: SHOP, orderId: row!.id } });
    const line = order.lineItems[0]!;
    const sentUnits = (sent!.payload as { lines: { quantity: number }[] }).lines[0]!.quantity;

    // Edit: one pack of 6 fewer. Mintsoft cannot amend, so the merchant gets the exact change to make.
    shop.editOrder(order.id, [{ lineItemId: line.id, quantity: line.quantity - 6 }]);
    const key = `warehouse-change-needed:${row!.id}`;
    const exception = await waitFor(() => app.db.exceptionRecord.findFirst({ where: { shop: SHOP, key, status: "open" } }), (e) => e !== null, 30_000, "the change to make");
    expect(exception!.message).toContain(`change ${line.sku} from ${sentUnits} to ${sentUnits - 6}`);
    expect(wms.ordersFor(sent!.idempotencyKey)).toHaveLength(1); // nothing re-sent
    const done = await (await post(`/app/orders/${row!.id}`, { intent: "done-at-warehouse" })).text();
    expect(done).toContain("updated by hand");
    expect(await app.db.exceptionRecord.findFirst({ where: { shop: SHOP, key } })).toMatchObject({ status: "resolved" });
    const amended = await app.db.warehouseOrder.findUniqueOrThrow({ where: { id: sent!.id } });
    expect((amended.payload as { lines: { quantity: number }[] }).lines[0]!.quantity).toBe(sentUnits - 6);

    // A later unrelated change (a tag) raises nothing again: the record now matches the warehouse.
    shop.updateOrder(order.id, { tags: ["checked"] });
    await waitFor(() => app.db.timelineEvent.findFirst({ where: { shop: SHOP, orderId: row!.id, kind: "manual" }, orderBy: { at: "desc" } }), (t) => t !== null, 5_000, "the note");
    await waitFor(() => app.db.order.findUnique({ where: { id: row!.id } }), (o) => o?.pendingEvaluation === false && (o.facts as { tags?: string[] }).tags?.includes("checked") === true, 30_000, "the tag evaluated");
    expect(await app.db.exceptionRecord.findFirst({ where: { shop: SHOP, key } })).toMatchObject({ status: "resolved" });

    // Cancel in Shopify: Mintsoft is asked, cancels, and the order ends cancelled.
    shop.cancelOrder(order.id);
    await waitFor(() => app.db.order.findUnique({ where: { id: row!.id } }), (o) => o?.state === "cancelled", 30_000, "cancelled");
    expect(await app.db.warehouseOrder.findUnique({ where: { id: sent!.id } })).toMatchObject({ state: "cancelled" });
    expect(wms.ordersFor(sent!.idempotencyKey).map((o) => o.OrderStatusId)).toEqual([7]); // CANCELLED
  }, 90_000);

  it("a despatched order cancelled in Shopify: Mintsoft refuses, and the merchant is told what to do", async () => {
    const order = shop.scenarios.paidByCard();
    const row = await waitFor(() => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: order.id } }), (o) => o?.state === "in_fulfilment", 30_000, "sent");
    const [sent] = await app.db.warehouseOrder.findMany({ where: { shop: SHOP, orderId: row!.id } });
    wms.dispatch(sent!.idempotencyKey, { tracking: { number: "TRK-9" } });
    shop.cancelOrder(order.id);
    const exception = await waitFor(
      () => app.db.exceptionRecord.findFirst({ where: { shop: SHOP, key: `warehouse-cancel-failed:${sent!.idempotencyKey}`, status: "open" } }),
      (e) => e !== null, 30_000, "the refusal",
    );
    expect(exception!.message).toMatch(/already despatched.*Cancel it at the warehouse by hand/);
    expect(await app.db.warehouseOrder.findUnique({ where: { id: sent!.id } })).toMatchObject({ state: "accepted" });
    expect(await app.db.order.findUnique({ where: { id: row!.id } })).toMatchObject({ state: "in_fulfilment" });
  }, 60_000);

  it("moves the fulfillment order to the routed facility's location when the merchant chose 'move', then sends it", async () => {
    const settings = (await app.db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).settings as { mapping: { facilities: { shopifyLocationId: string }[]; routing: object } };
    const [, second] = shop.locations();
    settings.mapping.facilities[0]!.shopifyLocationId = second!.id;
    settings.mapping.routing = { ...settings.mapping.routing, onLocationMismatch: "move" };
    await app.db.shop.update({ where: { domain: SHOP }, data: { settings } });

    const order = shop.scenarios.paidByCard();
    expect(shop.fulfillmentOrders(order.id).map((fo) => fo.assignedLocationId)).not.toContain(second!.id);
    const row = await waitFor(() => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: order.id } }), (o) => o?.state === "in_fulfilment", 30_000, "sent");
    const open = shop.fulfillmentOrders(order.id).filter((fo) => fo.status !== "CLOSED");
    expect(open.map((fo) => fo.assignedLocationId)).toEqual([second!.id]);
    expect(shop.operations("MoveFulfillmentOrder")).toHaveLength(1);
    const [sent] = await app.db.warehouseOrder.findMany({ where: { shop: SHOP, orderId: row!.id } });
    expect((sent!.payload as { fulfillmentOrderIds: string[]; needsMove: unknown[] })).toMatchObject({ fulfillmentOrderIds: open.map((fo) => fo.id), needsMove: [] });
    const timeline = await app.db.timelineEvent.findMany({ where: { shop: SHOP, orderId: row!.id, kind: "shopify-move" } });
    expect(timeline.map((t) => t.message)).toEqual(["Moved 1 fulfillment order(s) to the routed facility's location"]);
  }, 60_000);

  it("a move Shopify refuses (the location stocks nothing) is an exception naming Shopify's reason; nothing is sent", async () => {
    const empty = shop.addLocation({ name: "Empty Overflow" });
    const settings = (await app.db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).settings as { mapping: { facilities: { shopifyLocationId: string }[] } };
    settings.mapping.facilities[0]!.shopifyLocationId = empty.id;
    await app.db.shop.update({ where: { domain: SHOP }, data: { settings } });
    const before = wms.counters.createRequests;
    const order = shop.scenarios.paidByCard();
    const row = await waitFor(() => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: order.id } }), (o) => o?.state === "released" && !o.pendingEvaluation, 30_000, "the decision");
    const exception = await app.db.exceptionRecord.findFirst({ where: { shop: SHOP, orderId: row!.id, kind: "location-move-failed", status: "open" } });
    expect(exception?.message).toMatch(/could not move .* doesn't stock the requested inventory item/);
    expect(await app.db.warehouseOrder.count({ where: { shop: SHOP, orderId: row!.id } })).toBe(0);
    expect(wms.counters.createRequests).toBe(before);
  }, 60_000);

  it("takes pushed despatches on the connection's authenticated endpoint, once; refuses anything unsigned", async () => {
    const connection = await app.db.warehouseConnection.findFirstOrThrow({ where: { shop: SHOP, name: "Mintsoft Leeds" } });
    const setUp = await (await post(`/app/connections/${connection.id}/push`, { mode: "hmac-sha256", header: "X-Mintsoft-Signature", encoding: "hex" })).text();
    const secret = /data-testid="push-secret">([A-Za-z0-9_-]+)</.exec(setUp)?.[1];
    expect(secret).toBeDefined();
    expect(setUp).toContain(`/inbound/${connection.id}/dispatches`);
    const stored = await app.db.warehouseConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(`${stored.secrets}${JSON.stringify(stored.config)}`).not.toContain(secret!); // sealed, never in plain config

    const [sent] = await app.db.warehouseOrder.findMany({ where: { shop: SHOP, state: "accepted" }, take: 1 });
    const despatch = JSON.stringify({ ID: 9001, OrderNumber: "1001", ExternalOrderReference: sent!.idempotencyKey, DespatchDate: "2026-11-22T10:00:00Z", TrackingNumber: "TRK-PUSH", OrderItems: [{ SKU: "WIDGET-BLUE", Quantity: 12 }] });
    const push = (body: string, headers: Record<string, string> = {}, id = connection.id) =>
      fetch(`${appUrl}/inbound/${id}/dispatches`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const signed = (body: string) => ({ "X-Mintsoft-Signature": createHmac("sha256", secret!).update(body).digest("hex") });

    expect((await push(despatch)).status).toBe(401);
    expect((await push(despatch, { "X-Mintsoft-Signature": "00".repeat(32) })).status).toBe(401);
    expect((await push(despatch, signed(despatch), "00000000-0000-0000-0000-000000000000")).status).toBe(401);
    const first = await push(despatch, signed(despatch));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ received: { newDispatches: 1 } });
    expect(await (await push(despatch, signed(despatch))).json()).toMatchObject({ received: { newDispatches: 0 } });
    const advice = await app.db.dispatchAdvice.findFirstOrThrow({ where: { shop: SHOP, connectionId: connection.id, shipmentId: "9001" } });
    expect(advice).toMatchObject({ warehouseOrderId: sent!.id });
    expect(advice.payload).toMatchObject({ trackingNumbers: ["TRK-PUSH"], lines: [{ warehouseSku: "WIDGET-BLUE", quantity: 12 }] });
    expect(await app.db.dispatchAdvice.count({ where: { shop: SHOP, connectionId: connection.id } })).toBe(1);

    const garbled = "{ not json";
    const refused = await push(garbled, signed(garbled));
    expect(refused.status).toBe(422);
    const exception = await app.db.exceptionRecord.findFirst({ where: { shop: SHOP, kind: "inbound-unreadable", status: "open" } });
    expect(exception?.message).toMatch(/could not read the dispatches that “Mintsoft Leeds” pushed: The Mintsoft callback was not valid JSON/);
  }, 60_000);
});

