// The Mintsoft connector against the warehouse simulator (tools/warehouse-sim): real HTTP, Mintsoft's
// wire format, the simulator's faults and counters.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MintsoftConnector } from "~/connectors/mintsoft/mintsoft-connector.server";
import type { OutboundOrder } from "~/connectors/warehouse-connector";
import { mapOrder } from "~/modules/mapping/map-order";
import { startWarehouseSim, type WarehouseSim } from "../../tools/warehouse-sim";
import { mappingSettings } from "../support/factories/mapping-settings";
import { orderFacts } from "../support/factories/order-facts";

const REF = "LB-1001-LEEDS-0-r0";
let sim: WarehouseSim;

function outbound(facts = orderFacts()): OutboundOrder {
  const draft = mapOrder(facts, mappingSettings(), { orderNumber: "1001", revision: 0 }).warehouseOrders[0];
  if (!draft) throw new Error("fixture did not map");
  return { shop: "acme.myshopify.com", warehouseOrderId: "wo_1", draft };
}

const connector = (over: Record<string, unknown> = {}) =>
  new MintsoftConnector({ baseUrl: sim.url, ...sim.credentials, warehouseId: 3, facilityCode: "LEEDS", timeoutMs: 500, ...over });

beforeEach(async () => {
  sim = await startWarehouseSim({ products: ["WIDGET-1", "WIDGET-2"] });
});
afterEach(() => sim.close());

describe("MintsoftConnector against the simulator", () => {
  it("submits an order mapped to Mintsoft's fields and gets Mintsoft's id back", async () => {
    const result = await connector().submitOrder(outbound(orderFacts({ note: "Gate 3" })));
    const [stored] = sim.orders();
    expect(result).toEqual({ ok: true, value: { accepted: true, alreadyThere: false, warehouseReference: String(stored?.ID) } });
    expect(stored).toMatchObject({
      ExternalOrderReference: REF, OrderNumber: REF, CourierServiceName: "NDAY", WarehouseId: 3, FirstName: "Jo", LastName: "Buyer",
      CompanyName: "Acme Trading", Address1: "1 High St", Town: "Leeds", PostCode: "LS1 1AA", CountryId: 1, Phone: "+441130000000",
      Email: "jo@acme.example", DeliveryNotes: "Gate 3", Comments: "PO: PO-1", OrderItems: [{ SKU: "WIDGET-1", Quantity: 12 }],
    });
    expect(stored?.OrderNameValues).toEqual(expect.arrayContaining([{ Name: "poNumber", Value: "PO-1" }, { Name: "orderNumber", Value: "1001" }]));
  });

  it.each([200, 400] as const)("turns a duplicate-reference refusal (HTTP %i) into alreadyThere; Mintsoft keeps one order", async (duplicateStatus) => {
    await sim.close();
    sim = await startWarehouseSim({ duplicateStatus });
    const first = await connector().submitOrder(outbound());
    const second = await connector().submitOrder(outbound());
    expect(second).toEqual({ ok: true, value: { accepted: true, alreadyThere: true, warehouseReference: first.ok ? first.value.warehouseReference : "?" } });
    expect(sim.orders()).toHaveLength(1);
    expect(sim.counters).toMatchObject({ createRequests: 2, duplicates: 1 });
  });

  it("reports a validation refusal as rejected, in Mintsoft's words", async () => {
    const facts = orderFacts({ lines: [{ lineItemId: "gid://shopify/LineItem/9", sku: "UNKNOWN-9", title: "?", quantity: 1, variantId: null, packSize: null }] });
    const result = await connector().submitOrder(outbound(facts));
    expect(result).toMatchObject({ ok: false, error: { kind: "rejected", message: "Product not found with SKU: UNKNOWN-9" } });
  });

  it("signs in again once when the key expired, and reports refused credentials as auth-failed", async () => {
    const wms = connector();
    expect((await wms.pollStock(null)).ok).toBe(true);
    sim.expireApiKeys();
    expect((await wms.pollStock(null)).ok).toBe(true);
    sim.setPassword("changed");
    sim.expireApiKeys();
    const refused = await wms.submitOrder(outbound());
    expect(refused).toMatchObject({ ok: false, error: { kind: "auth-failed", message: expect.stringContaining("Mintsoft refused the API credentials") } });
    expect(JSON.stringify(refused)).not.toContain("sim-password");
    // The one create was received with the expired key and answered 401; nothing was stored.
    expect(sim.counters.createRequests).toBe(1);
    expect(sim.orders()).toHaveLength(0);
  });

  it("reports 429 as rate-limited with Retry-After", async () => {
    await sim.setFaults({ rateLimit: { retryAfterSeconds: 12 } });
    expect(await connector().submitOrder(outbound())).toMatchObject({ ok: false, error: { kind: "rate-limited", retryAfterMs: 12_000 } });
  });

  it.each([
    ["a 503 outage", { outage: { mode: "503" as const } }, /HTTP 503/],
    ["refused connections", { outage: { mode: "refuse" as const } }, /could not be reached/],
    ["no answer", { hang: {} }, /did not answer at .* within 0.3 s/],
  ])("reports %s as transient", async (_name, faults, message) => {
    await sim.setFaults(faults);
    expect(await connector({ timeoutMs: 300 }).submitOrder(outbound())).toMatchObject({ ok: false, error: { kind: "transient", message: expect.stringMatching(message) } });
  });

  it("polls a partial despatch as two shipments, each with its own tracking", async () => {
    const wms = connector();
    await wms.submitOrder(outbound(orderFacts({ lines: [
      { lineItemId: "gid://shopify/LineItem/1", sku: "WIDGET-1", title: "W1", quantity: 12, variantId: null, packSize: null },
      { lineItemId: "gid://shopify/LineItem/2", sku: "WIDGET-2", title: "W2", quantity: 4, variantId: null, packSize: null },
    ] })));
    const first = sim.dispatch(REF, { lines: [{ sku: "WIDGET-1", quantity: 12 }], tracking: { number: "TRK1", url: "https://t.test/TRK1" }, courier: "DPD" });
    const page = await wms.pollDispatches(null);
    expect(page).toMatchObject({ ok: true, value: { items: [{ shipmentId: String(first.ID), orderReference: REF, trackingNumbers: ["TRK1"], complete: false }] } });
    const second = sim.dispatch(REF, { tracking: { number: ["TRK2", "TRK3"] }, at: new Date(Date.now() + 1000) });
    const next = await wms.pollDispatches(page.ok ? page.value.nextCursor : null);
    const items = next.ok ? next.value.items.filter((i) => i.shipmentId !== String(first.ID)) : [];
    expect(items).toEqual([{
      shipmentId: String(second.ID), orderReference: REF, warehouseReference: String(second.ID), shippedAt: new Date(second.DespatchDate ?? ""),
      carrier: "NDAY", trackingNumbers: ["TRK2", "TRK3"], trackingUrls: ["https://track.example.test/TRK2"], lines: [{ warehouseSku: "WIDGET-2", quantity: 4 }], complete: true,
    }]);
  });

  it("reads a stock snapshot, then only what changed", async () => {
    sim.setStock(3, { "WIDGET-1": 40, "WIDGET-2": 5 });
    sim.setStock(9, { "WIDGET-1": 999 });
    const wms = connector();
    const snapshot = await wms.pollStock(null);
    expect(snapshot.ok && snapshot.value.items.map((i) => [i.facilityCode, i.warehouseSku, i.freeQuantity])).toEqual([["LEEDS", "WIDGET-1", 40], ["LEEDS", "WIDGET-2", 5]]);
    const cursor = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    sim.setStock(3, { "WIDGET-2": 3 });
    const delta = await wms.pollStock(cursor);
    expect(delta.ok && delta.value.items.map((i) => [i.warehouseSku, i.freeQuantity])).toEqual([["WIDGET-2", 3]]);
  });

  it("cancels an open order and refuses once it is despatched", async () => {
    const wms = connector();
    const order = outbound();
    await wms.submitOrder(order);
    expect(await wms.cancelOrder(order, null)).toEqual({ ok: true, value: { cancelled: true } });
    const other = outbound(orderFacts({ name: "#1002" }));
    other.draft = { ...other.draft, idempotencyKey: "LB-1002-LEEDS-0-r0" };
    await wms.submitOrder(other);
    sim.dispatch("LB-1002-LEEDS-0-r0");
    expect(await wms.cancelOrder(other, null)).toMatchObject({ ok: false, error: { kind: "rejected", message: expect.stringContaining("already despatched") } });
  });

  it("tests the connection and says exactly what failed", async () => {
    expect(await connector().testConnection()).toMatchObject({ ok: true, value: { message: expect.stringContaining("Main Warehouse") } });
    expect(await connector({ warehouseId: 99 }).testConnection()).toMatchObject({ ok: false, error: { kind: "rejected", message: expect.stringContaining("no warehouse with id 99") } });
    expect(await connector({ password: "nope" }).testConnection()).toMatchObject({ ok: false, error: { kind: "auth-failed", message: expect.stringContaining("Mintsoft refused the API credentials") } });
    await sim.setFaults({ hang: {} });
    expect(await connector({ timeoutMs: 200 }).testConnection()).toMatchObject({ ok: false, error: { kind: "transient", message: `Mintsoft did not answer at ${sim.url} within 0.2 s.` } });
  });
});
