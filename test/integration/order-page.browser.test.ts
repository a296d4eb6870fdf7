// One order's page in a real browser (Debian's Chromium): an order sent to the Mintsoft simulator and
// partly despatched shows its state, the shipment as recorded in Shopify with its tracking, and a
// timeline whose entries open onto the payload behind them; Hold asks for a new decision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimShop } from "../../tools/shopify-sim";
import { startWarehouseSim, type WarehouseSim } from "../../tools/warehouse-sim";
import { screenshot, useBrowserPages, waitForHydration, waitForIdleNavigation } from "../support/browser";
import { connectMintsoft, startDemoShopApp, type RunningApp } from "../support/running-app";
import { waitFor } from "../support/wait-for";

const SHOP = "order-page-browser.myshopify.com";
let app: RunningApp;
let wms: WarehouseSim;
let shop: SimShop;
let appUrl: string;
let orderId: string;
let orderName: string;

const pages = useBrowserPages({ context: { timezoneId: "Europe/London", locale: "en-GB" } });

beforeAll(async () => {
  wms = await startWarehouseSim();
  ({ app, shop, appUrl } = await startDemoShopApp("order-page", SHOP, { DISPATCH_POLL_INTERVAL_S: "1" }));
  await connectMintsoft(app, shop, wms);
  const order = shop.scenarios.paidByCard(); // 12 blue widgets and 3 red
  const row = await waitFor(() => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: order.id } }), (o) => o?.state === "in_fulfilment", 30_000, "sent");
  const sent = await app.db.warehouseOrder.findFirstOrThrow({ where: { shop: SHOP, orderId: row!.id } });
  wms.dispatch(sent.idempotencyKey, { lines: [{ sku: "WIDGET-BLUE", quantity: 12 }], tracking: { number: "TRK-P1" }, courier: "DPD" });
  await waitFor(() => app.db.order.findUnique({ where: { id: row!.id } }), (o) => o?.state === "partially_shipped", 30_000, "partially shipped");
  orderId = row!.id;
  orderName = row!.name;
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await wms?.close();
});

describe("order page in a browser", () => {
  it("shows the state, the shipment recorded in Shopify with its tracking, and the payload behind a timeline entry", async () => {
    const page = pages.page;
    expect((await page.goto(`${appUrl}/app/orders/${orderId}`))?.status()).toBe(200);
    await waitForHydration(page);
    expect(await page.getByRole("heading", { name: `Order ${orderName}` }).isVisible()).toBe(true);
    expect(await page.getByText("partially shipped", { exact: true }).first().isVisible()).toBe(true);
    const shipment = page.getByText(/^Shipment \d+, shipped /);
    expect(await shipment.count()).toBe(1);
    expect(await page.getByText("In Shopify", { exact: true }).count()).toBe(1);
    expect(await page.getByText("DPD · tracking TRK-P1").isVisible()).toBe(true);
    await screenshot(page, "order-page-1-shipment");

    const entry = page.locator("details").filter({ hasText: "recorded in Shopify as" });
    expect(await entry.count()).toBe(1);
    expect(await entry.locator("pre").isVisible()).toBe(false);
    await entry.locator("summary").click();
    await expect.poll(() => entry.locator("pre").isVisible()).toBe(true);
    expect(await entry.locator("pre").innerText()).toContain('"TRK-P1"');
    await screenshot(page, "order-page-2-timeline-payload");
    expect(pages.current.problems).toEqual([]);
  });

  it("asks for a new decision from its Hold button", async () => {
    const page = pages.page;
    await page.goto(`${appUrl}/app/orders/${orderId}`);
    await waitForHydration(page);
    const action = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith(`/app/orders/${orderId}`));
    await page.getByRole("button", { name: "Hold" }).click();
    expect((await action).status()).toBe(200);
    await waitForIdleNavigation(page);
    await expect.poll(() => page.getByText(/Hold requested\. Loadbay is evaluating the order again/).isVisible()).toBe(true);
    const held = await app.db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(held.manualHold).toBe(true);
    await screenshot(page, "order-page-3-hold");
  });
});
