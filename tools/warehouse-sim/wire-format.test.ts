import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWarehouseSim, type WarehouseSim } from "./index";
import { call, orderBody, signIn } from "./test-client";

let sim: WarehouseSim;
let key: string;

beforeEach(async () => {
  sim = await startWarehouseSim({ products: ["WIDGET-1", "GADGET-2"] });
  key = await signIn(sim);
});
afterEach(() => sim.close());

describe("warehouse simulator: Mintsoft wire format", () => {
  it("issues an API key for the right credentials only, and requires it on every other call", async () => {
    expect((await call(sim, "POST", "/api/Auth", { body: { Username: "loadbay", Password: "wrong" } })).status).toBe(401);
    expect((await call(sim, "GET", "/api/Warehouse")).status).toBe(401);
    expect((await call(sim, "GET", "/api/Warehouse", { key: "not-a-key" })).status).toBe(401);
    expect(await call(sim, "GET", "/api/Warehouse", { key })).toMatchObject({ status: 200, body: [{ ID: 3, Name: "Main Warehouse" }] });
    sim.expireApiKeys();
    expect((await call(sim, "GET", "/api/Warehouse", { key })).status).toBe(401);
  });

  it("creates an order, serves it by id and by search, and counts the request", async () => {
    const created = await call(sim, "PUT", "/api/Order", { key, body: orderBody() });
    expect(created).toMatchObject({ status: 200, body: [{ Success: true, OrderStatus: "NEW" }] });
    const id = (created.body as { OrderId: number }[])[0]?.OrderId;
    const order = await call(sim, "GET", `/api/Order/${id}`, { key });
    expect(order.body).toMatchObject({ ID: id, ExternalOrderReference: "LB-1001-LEEDS-0-r0", Town: "Leeds", CountryId: 1, OrderItems: [{ SKU: "WIDGET-1", Quantity: 12 }, { SKU: "GADGET-2", Quantity: 3 }] });
    expect((await call(sim, "GET", "/api/Order/Search?OrderNumber=LB-1001-LEEDS-0-r0", { key })).body).toMatchObject([{ ID: id }]);
    expect(sim.counters).toMatchObject({ createRequests: 1, duplicates: 0 });
    expect(sim.counters.ordersByReference.get("LB-1001-LEEDS-0-r0")).toBe(1);
  });

  it("refuses a duplicate reference, stores the order once and counts the duplicate", async () => {
    await call(sim, "PUT", "/api/Order", { key, body: orderBody() });
    const again = await call(sim, "PUT", "/api/Order", { key, body: orderBody() });
    expect(again).toMatchObject({ status: 200, body: [{ Success: false, Message: expect.stringContaining("already exists") }] });
    expect(sim.orders()).toHaveLength(1);
    expect(sim.counters).toMatchObject({ createRequests: 2, duplicates: 1 });
  });

  it("answers validation problems with a 400 in Mintsoft's style", async () => {
    const bad = await call(sim, "PUT", "/api/Order", { key, body: orderBody({ Town: "", Country: "XX", OrderItems: [{ SKU: "NOPE", Quantity: 1 }] }) });
    expect(bad.status).toBe(400);
    expect((bad.body as { Message: string }).Message).toBe("Country not found: XX; Town is required; Product not found with SKU: NOPE");
    expect(sim.orders()).toHaveLength(0);
  });

  it("lists despatched orders since a date, a partial despatch as two orders with their own tracking", async () => {
    await call(sim, "PUT", "/api/Order", { key, body: orderBody() });
    const since = new Date(Date.now() - 1000).toISOString();
    sim.dispatch("LB-1001-LEEDS-0-r0", { lines: [{ sku: "WIDGET-1", quantity: 12 }], tracking: { number: "TRK1", url: "https://t.test/TRK1" }, courier: "DPD" });
    sim.dispatch("LB-1001-LEEDS-0-r0", { tracking: { number: ["TRK2", "TRK3"] } });
    const list = await call(sim, "GET", `/api/Order/List?SinceDespatchDate=${encodeURIComponent(since)}&IncludeOrderItems=true`, { key });
    expect(list.body).toMatchObject([
      { Part: 1, NumberOfParts: 2, TrackingNumber: "TRK1", TrackingURL: "https://t.test/TRK1", CourierServiceName: "DPD", OrderItems: [{ SKU: "WIDGET-1", Quantity: 12 }] },
      { Part: 2, NumberOfParts: 2, TrackingNumber: "TRK2,TRK3", NumberOfParcels: 2, OrderItems: [{ SKU: "GADGET-2", Quantity: 3 }] },
    ]);
    const later = await call(sim, "GET", `/api/Order/List?SinceDespatchDate=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { key });
    expect(later.body).toEqual([]);
  });

  it("cancels an open order and refuses to cancel a despatched one", async () => {
    const created = await call(sim, "PUT", "/api/Order", { key, body: orderBody() });
    const id = (created.body as { OrderId: number }[])[0]?.OrderId;
    sim.dispatch("LB-1001-LEEDS-0-r0");
    expect((await call(sim, "GET", `/api/Order/${id}/Cancel`, { key })).body).toMatchObject({ Success: false });
  });

  it("serves stock snapshots and the product ids changed since a date", async () => {
    sim.setStock(3, { "WIDGET-1": 40, "GADGET-2": 5 });
    const snapshot = await call(sim, "GET", "/api/Product/StockLevels?WarehouseId=3", { key });
    expect(snapshot.body).toMatchObject([{ SKU: "WIDGET-1", Level: 40, WarehouseId: 3 }, { SKU: "GADGET-2", Level: 5 }]);
    const since = new Date();
    await new Promise((r) => setTimeout(r, 5));
    sim.setStock(3, { "GADGET-2": 4 });
    const changed = await call(sim, "GET", `/api/Product/StockLevels/UpdatedSince?FromDate=${encodeURIComponent(since.toISOString())}`, { key });
    const gadget = (snapshot.body as { SKU: string; ProductId: number }[]).find((r) => r.SKU === "GADGET-2")?.ProductId;
    expect(changed.body).toEqual([gadget]);
  });
});
