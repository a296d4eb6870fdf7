// Mapping end to end (issue 5): a released "Case of 12" order with a shipping method the warehouse
// has no code for raises exactly one exception, naming the method, and nothing is mapped. Once the
// merchant adds the service code and presses retry, the order maps: 2 cases become 24 base units.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimShop } from "../../tools/shopify-sim";
import { startDemoShopApp, type RunningApp } from "../support/running-app";
import { waitFor } from "../support/wait-for";

const SHOP = "mapping-e2e.myshopify.com";
const PALLET = { title: "Pallet Express Next Day", code: "PALLET-X-ND", price: 45 };
let app: RunningApp;
let shop: SimShop;
let appUrl: string;
let connectionId: string;

function mapping(extraServices: { matchOn: string; value: string; serviceCode: string }[] = []) {
  return {
    facilities: [{ code: "LEEDS", name: "Mintsoft Leeds", connectionId, shopifyLocationId: shop.locations()[0]!.id }],
    routing: { defaultFacilityCode: "LEEDS", onLocationMismatch: "exception" },
    unitsOfMeasure: { rows: [{ sku: "CASE-12-WIDGET", variantId: null, baseSku: "WIDGET-BLUE", factor: 12 }] },
    connections: [{ connectionId, name: "Mintsoft Leeds", serviceCodes: { rows: [{ matchOn: "title", value: "Standard Delivery", serviceCode: "STD" }, ...extraServices] } }],
  };
}

beforeAll(async () => {
  ({ app, shop, appUrl } = await startDemoShopApp("mapping", SHOP));
  connectionId = (await app.db.warehouseConnection.create({ data: { shop: SHOP, name: "Mintsoft Leeds", provider: "mintsoft" } })).id;
  await app.db.shop.update({ where: { domain: SHOP }, data: { settings: { mapping: mapping() } } });
}, 120_000);
afterAll(() => app.stop());

describe("mapping", () => {
  it("an unmapped service and a case of 12: one exception, then one correct conversion after fix and retry", async () => {
    const order = shop.scenarios.caseOf12({ shipping: [PALLET] });
    const row = await waitFor(() => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: order.id } }), (o) => o?.state === "released" && !o.pendingEvaluation, 30_000, "release");
    const open = await waitFor(() => app.db.exceptionRecord.findMany({ where: { shop: SHOP, orderId: row!.id, status: "open" } }), (e) => e.length > 0, 10_000, "the exception");
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ kind: "unmapped-service" });
    expect(open[0]!.message).toContain("Pallet Express Next Day");
    expect(await app.db.warehouseOrder.count({ where: { shop: SHOP, orderId: row!.id } })).toBe(0); // nothing half-mapped

    await app.db.shop.update({ where: { domain: SHOP }, data: { settings: { mapping: mapping([{ matchOn: "title", value: "Pallet Express Next Day", serviceCode: "PALLET" }]) } } });
    const res = await fetch(`${appUrl}/app/exceptions?kind=unmapped-service`, { method: "POST", body: new URLSearchParams({ intent: "retry-kind", kind: "unmapped-service" }) });
    expect(res.status).toBe(200);

    const [warehouseOrder] = await waitFor(() => app.db.warehouseOrder.findMany({ where: { shop: SHOP, orderId: row!.id } }), (w) => w.length === 1, 30_000, "the warehouse order");
    expect(warehouseOrder).toMatchObject({ state: "mapped", facilityCode: "LEEDS", connectionId, split: 0 });
    const payload = warehouseOrder!.payload as { serviceCode: string; lines: unknown[]; idempotencyKey: string; totals: unknown };
    expect(payload.serviceCode).toBe("PALLET");
    expect(payload.lines).toEqual([expect.objectContaining({ warehouseSku: "WIDGET-BLUE", quantity: 24, orderedQuantity: 2, factor: 12, sourceSku: "CASE-12-WIDGET" })]);
    expect(warehouseOrder!.idempotencyKey).toBe(payload.idempotencyKey);
    expect(await app.db.exceptionRecord.findMany({ where: { shop: SHOP, orderId: row!.id, status: "open" } })).toEqual([]);

    // The order page previews exactly what would be sent (the shop is in dry run) and the timeline.
    const page = await (await fetch(`${appUrl}/app/orders/${row!.id}`)).text();
    expect(page).toContain("What would be sent (dry run)");
    expect(page).toContain(warehouseOrder!.idempotencyKey);
    expect(page).toMatch(/&quot;warehouseSku&quot;: &quot;WIDGET-BLUE&quot;|"warehouseSku": "WIDGET-BLUE"/);
    expect(page).toContain("Retry requested");
    expect((await fetch(`${appUrl}/app/orders/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
  }, 60_000);
});
