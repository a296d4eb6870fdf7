// OrderWise through the running app: the merchant adds the connection and its credentials in the admin;
// the OrderWise simulator pulls the released order from Loadbay's endpoint, acknowledges it, despatches it
// in two deliveries and pushes free stock; Shopify gets one fulfillment per delivery.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimShop } from "../../tools/shopify-sim";
import { OrderWiseSim } from "../../tools/warehouse-sim/orderwise";
import { startDemoShopApp, type RunningApp } from "../support/running-app";
import { waitFor } from "../support/wait-for";

const SHOP = "orderwise-e2e.myshopify.com";
let app: RunningApp;
let shop: SimShop;
let appUrl: string;
let connectionId: string;
let ow: OrderWiseSim;

const post = (path: string, form: Record<string, string>) => fetch(`${appUrl}${path}`, { method: "POST", body: new URLSearchParams(form) });

beforeAll(async () => {
  ({ app, shop, appUrl } = await startDemoShopApp("orderwise", SHOP));
  expect((await post("/app/connections", { provider: "orderwise", name: "OrderWise Derby", facilityCode: "DERBY" })).status).toBe(200);
  connectionId = (await app.db.warehouseConnection.findFirstOrThrow({ where: { shop: SHOP, name: "OrderWise Derby" } })).id;
  const setUp = await (await post(`/app/connections/${connectionId}/push`, { mode: "basic", username: "orderwise" })).text();
  const secret = /data-testid="push-secret">([A-Za-z0-9_-]+)</.exec(setUp)?.[1];
  expect(secret).toBeDefined();
  const mapping = {
    facilities: [{ code: "DERBY", name: "OrderWise Derby", connectionId, shopifyLocationId: shop.locations()[0]!.id }],
    routing: { defaultFacilityCode: "DERBY" },
    connections: [{ connectionId, serviceCodes: { rows: [{ matchOn: "title", value: "Standard Delivery", serviceCode: "DPD-NEXT" }] } }],
  };
  await app.db.shop.update({ where: { domain: SHOP }, data: { dryRun: false, settings: { mapping } } });
  ow = new OrderWiseSim({ baseUrl: `${appUrl}/inbound/${connectionId}`, username: "orderwise", password: secret! });
}, 120_000);
afterAll(async () => {
  ow?.stop();
  await app?.stop();
});

describe("OrderWise through the app", () => {
  it("an order is pulled once acknowledged, comes back in two deliveries as two fulfillments, and free stock is stored", async () => {
    const order = shop.scenarios.paidByCard(); // 12 blue widgets and 3 red
    const row = await waitFor(() => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: order.id } }), (o) => o?.state === "in_fulfilment", 30_000, "queued for OrderWise");
    const [queued] = await app.db.warehouseOrder.findMany({ where: { shop: SHOP, orderId: row!.id } });
    expect(queued!.state).toBe("transmitted"); // waiting to be pulled

    // A lost acknowledgement: the next pull offers the same order again; OrderWise holds it once.
    ow.faults.loseAcknowledgements = 1;
    expect((await ow.pullOnce()).references).toEqual([queued!.idempotencyKey]);
    expect((await ow.pullOnce()).references).toEqual([queued!.idempotencyKey]);
    const accepted = await waitFor(() => app.db.warehouseOrder.findUniqueOrThrow({ where: { id: queued!.id } }), (w) => w.state === "accepted", 10_000, "accepted");
    expect(accepted.warehouseReference).toBeTruthy();
    expect(ow.received(queued!.idempotencyKey)).toBe(2);
    expect(ow.ordersFor(queued!.idempotencyKey)).toHaveLength(1);
    expect((await ow.pullOnce()).references).toEqual([]);
    const held = ow.ordersFor(queued!.idempotencyKey)[0]!;
    expect(held.lines.map((l) => [l.productCode, l.quantity]).sort()).toEqual([["WIDGET-BLUE", 12], ["WIDGET-RED", 3]]);

    const deliveries = await ow.despatch(queued!.idempotencyKey, { parts: 2 });
    await ow.pushAgain(deliveries[0]!); // delivered twice, applied once
    const made = await waitFor(async () => shop.fulfillments(order.id), (f) => f.length === 2, 30_000, "two fulfillments");
    expect(made.map((f) => f.tracking.map((t) => t.number)).flat().sort()).toEqual(deliveries.flatMap((d) => d.consignmentNumbers).sort());
    await waitFor(() => app.db.order.findUniqueOrThrow({ where: { id: row!.id } }), (o) => o.state === "shipped", 30_000, "shipped");
    expect(await app.db.dispatchAdvice.count({ where: { shop: SHOP, connectionId } })).toBe(2);

    await ow.pushFreeStock({ "WIDGET-BLUE": 40, "WIDGET-RED": 7 });
    const stock = await waitFor(
      () => app.db.stockLevel.findMany({ where: { shop: SHOP, connectionId }, orderBy: { baseSku: "asc" } }),
      (s) => s.length === 2,
      10_000,
      "free stock stored",
    );
    expect(stock.map((s) => [s.facilityCode, s.baseSku, s.freeQuantity])).toEqual([["DERBY", "WIDGET-BLUE", 40], ["DERBY", "WIDGET-RED", 7]]);
  }, 90_000);

  it("answers anything without the connection's credentials with 401", async () => {
    const anonymous = await fetch(`${appUrl}/inbound/${connectionId}/orders`);
    expect(anonymous.status).toBe(401);
    const wrong = await fetch(`${appUrl}/inbound/${connectionId}/orders`, { headers: { authorization: `Basic ${Buffer.from("orderwise:nope").toString("base64")}` } });
    expect(wrong.status).toBe(401);
  });
});
