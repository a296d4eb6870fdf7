// The operations dashboard on the overview page, in a real browser against the built app. Rows are
// written straight into the test database relative to now (the pipeline that makes them is tested
// elsewhere, and waiting 16 working hours is not an option): stuck and not-yet-stuck orders of both
// kinds, open exceptions of two kinds, orders over the last days and dispatches with known times.
// The shop's time zone is Tokyo. Orders are read with `select` only, and dispatch advices written in
// SQL: the generated client may know columns (with defaults) that a newer migration adds.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, useBrowserPages, waitForHydration, waitForIdleNavigation } from "../support/browser";
import { startDemoShopApp, type RunningApp } from "../support/running-app";

const SHOP = "dashboard-browser.myshopify.com";
const HOUR = 3_600_000;
let app: RunningApp;
let appUrl: string;
let connectionId: string;

const pages = useBrowserPages({ context: { timezoneId: "America/New_York", locale: "en-GB" } });

beforeAll(async () => {
  ({ app, appUrl } = await startDemoShopApp("dashboard-browser", SHOP));
  await app.db.shop.update({ where: { domain: SHOP }, data: { dryRun: false, timezone: "Asia/Tokyo" } });
  connectionId = (await app.db.warehouseConnection.create({ data: { shop: SHOP, name: "Mintsoft Leeds", provider: "mintsoft" }, select: { id: true } })).id;
}, 120_000);
afterAll(() => app?.stop());

async function openOverview(page: Page): Promise<void> {
  const response = await page.goto(`${appUrl}/app`);
  expect(response?.status()).toBe(200);
  await waitForHydration(page);
  await expect.poll(() => page.getByRole("heading", { name: "Loadbay overview" }).isVisible()).toBe(true);
}

async function order(name: string, data: { state?: "released" | "in_fulfilment" | "shipped" | "draft_awaiting_completion"; placedAt?: Date; releasedAt?: Date } = {}): Promise<string> {
  const placedAt = data.placedAt ?? new Date();
  await app.db.order.createMany({ data: [{ shop: SHOP, name, state: data.state ?? "released", companyName: `${name} Ltd`, sourceCreatedAt: placedAt, createdAt: placedAt, releasedAt: data.releasedAt ?? null }] });
  return (await app.db.order.findFirstOrThrow({ where: { shop: SHOP, name }, select: { id: true } })).id;
}

async function warehouseOrder(orderId: string, state: "mapped" | "transmitted" | "accepted" | "dispatched", transmittedAt: Date | null = null): Promise<string> {
  // A mapped one carries a permanent failure (no retry time), as after a rejection: the worker's sweeper
  // leaves it where it is instead of trying this test's unconfigured connection.
  const lastError = state === "mapped" ? "rejected: The warehouse refused the order." : null;
  const row = await app.db.warehouseOrder.create({
    data: { shop: SHOP, orderId, connectionId, facilityCode: "LEEDS", idempotencyKey: `key-${orderId}`, state, payload: {}, transmittedAt, lastError },
    select: { id: true },
  });
  return row.id;
}

/** A stored dispatch advice as a connector stores it (payload.shippedAt an ISO string). Plain SQL: see above. */
async function dispatch(warehouseOrderId: string, shipmentId: string, shippedAt: Date): Promise<void> {
  const payload = JSON.stringify({ shipmentId, shippedAt: shippedAt.toISOString() });
  await app.db.$executeRaw`INSERT INTO dispatch_advice (id, shop, "connectionId", "shipmentId", "warehouseOrderId", payload)
    VALUES (gen_random_uuid(), ${SHOP}, ${connectionId}::uuid, ${shipmentId}, ${warehouseOrderId}::uuid, ${payload}::jsonb)`;
}

/** Local midnight in Tokyo (UTC+9, no daylight saving) `daysAgo` days before today there. */
function tokyoMidnight(daysAgo: number): Date {
  const tokyoNow = new Date(Date.now() + 9 * HOUR);
  return new Date(Date.UTC(tokyoNow.getUTCFullYear(), tokyoNow.getUTCMonth(), tokyoNow.getUTCDate() - daysAgo) - 9 * HOUR);
}

const card = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });
const stuckRow = (page: Page, name: string) => card(page, "Stuck orders").getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });

describe("operations dashboard in a browser", () => {
  it("says in sentences that nothing is stuck, no exception is open and there is nothing to chart yet", async () => {
    const page = pages.page;
    await openOverview(page);
    expect(await card(page, "Stuck orders").getByText(/^No order is stuck/).isVisible()).toBe(true);
    expect(await card(page, "Open exceptions by kind").getByText("No open exceptions: no order is waiting for a fix.").isVisible()).toBe(true);
    expect(await card(page, "Orders per day").getByText("No orders arrived in the last 30 days.").isVisible()).toBe(true);
    expect(await card(page, "Median time from order to dispatch").getByText(/^No order was dispatched in the last 30 days/).isVisible()).toBe(true);
    expect(await page.locator("[data-chart] svg").count()).toBe(0);
    await screenshot(page, "dashboard-1-empty");
  });

  it("lists stuck orders of both kinds with how long they have waited, and only those", async () => {
    const now = Date.now();
    const notSent = await order("#2001", { releasedAt: new Date(now - 2 * HOUR - 5 * 60_000) });
    await warehouseOrder(notSent, "mapped");
    await warehouseOrder(await order("#2002", { releasedAt: new Date(now - 5 * 60_000) }), "mapped"); // released 5 minutes ago: not yet
    const atWarehouse = await order("#2003", { state: "in_fulfilment" });
    await warehouseOrder(atWarehouse, "accepted", new Date(now - 30 * 24 * HOUR));
    await warehouseOrder(await order("#2004", { state: "in_fulfilment" }), "transmitted", new Date(now - HOUR)); // an hour ago: not yet
    const dispatched = await warehouseOrder(await order("#2005", { state: "in_fulfilment" }), "accepted", new Date(now - 30 * 24 * HOUR));
    await dispatch(dispatched, "S-2005", new Date(now - 29 * 24 * HOUR)); // has a dispatch: not stuck

    const page = pages.page;
    await openOverview(page);
    const rows = card(page, "Stuck orders").getByRole("row").filter({ has: page.getByRole("link") });
    expect(await rows.getByRole("link").allInnerTexts()).toEqual(["#2003", "#2001"]); // the longest wait first

    const sent = (await stuckRow(page, "#2001").innerText()).replace(/\s+/g, " ");
    expect(sent).toContain("#2001 Ltd");
    expect(sent).toContain("Not sent");
    expect(sent).toContain("2 hours 5 minutes");
    expect(sent).toContain("Released but not yet sent to LEEDS; sending should take less than 30 minutes.");
    expect(await stuckRow(page, "#2001").getByRole("link").getAttribute("href")).toBe(`/app/orders/${notSent}`);

    const held = (await stuckRow(page, "#2003").innerText()).replace(/\s+/g, " ");
    expect(held).toContain("Not dispatched");
    expect(held).toContain("30 days");
    expect(held).toMatch(/Mintsoft Leeds has had it for \d+ working hours without a dispatch; you expect one within 16\./);
    expect(await stuckRow(page, "#2003").getByRole("link").getAttribute("href")).toBe(`/app/orders/${atWarehouse}`);
    await screenshot(page, "dashboard-2-stuck");
  });

  it("counts open exceptions by kind, each linking to the exceptions page filtered to it", async () => {
    const orderId = await order("#2101");
    await app.db.exceptionRecord.createMany({
      data: [
        { shop: SHOP, key: "unmapped-service:1", kind: "unmapped-service", orderId, message: "The shipping method Pallet Express is not mapped." },
        { shop: SHOP, key: "unmapped-service:2", kind: "unmapped-service", message: "The shipping method Courier is not mapped." },
        { shop: SHOP, key: "missing-phone:1", kind: "missing-phone", orderId, message: "The order has no phone number." },
        { shop: SHOP, key: "sku-invalid:1", kind: "sku-invalid", orderId, message: "Fixed.", status: "resolved" },
      ],
    });
    const page = pages.page;
    await openOverview(page);
    const list = card(page, "Open exceptions by kind").getByRole("list");
    expect((await list.getByRole("listitem").allInnerTexts()).map((t) => t.trim())).toEqual(["missing-phone: 1 open", "unmapped-service: 2 open"]);
    expect(await list.getByRole("link", { name: "unmapped-service" }).getAttribute("href")).toBe("/app/exceptions?kind=unmapped-service");
    await screenshot(page, "dashboard-3-exceptions-by-kind");

    await list.getByRole("link", { name: "unmapped-service" }).click();
    await waitForIdleNavigation(page);
    await expect.poll(() => page.getByRole("heading", { name: "Exceptions", exact: true }).isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get("kind")).toBe("unmapped-service");
    await expect.poll(() => page.getByText("The shipping method Courier is not mapped.").isVisible()).toBe(true);
    expect(await page.getByText("The order has no phone number.").count()).toBe(0);
  });

  it("draws orders per day and the median time to first dispatch with Polaris Viz, summed up in sentences", async () => {
    const placed = new Date(tokyoMidnight(3).getTime() + HOUR); // 01:00 in Tokyo, three days ago
    for (const [name, hoursToShip] of [["#2201", [2, 30]], ["#2202", [3]], ["#2203", [7]]] as const) {
      const wo = await warehouseOrder(await order(name, { state: "shipped", placedAt: placed }), "dispatched", placed);
      for (const [i, h] of hoursToShip.entries()) await dispatch(wo, `S-${name}-${i}`, new Date(placed.getTime() + h * HOUR));
    }
    await order("#2301", { placedAt: new Date(Date.now() - 40 * 24 * HOUR) }); // older than 30 days
    await order("#2302", { state: "draft_awaiting_completion" }); // a draft is not an order yet
    const inWindow = await app.db.order.count({ where: { shop: SHOP, state: { not: "draft_awaiting_completion" }, sourceCreatedAt: { gte: tokyoMidnight(29) } } });
    expect(inWindow).toBeGreaterThan(3);

    const page = pages.page;
    await openOverview(page);
    const orders = card(page, "Orders per day");
    expect(await orders.getByText(new RegExp(`^${inWindow} orders in the last 30 days; the busiest day was`)).isVisible()).toBe(true);
    const median = card(page, "Median time from order to dispatch");
    // First dispatches after 2, 3 and 7 hours (the 30-hour second parcel does not count): the median is 3.
    expect(await median.getByText(/the median order had waited 3 hours from being placed to its first dispatch\.$/).isVisible()).toBe(true);
    const shippedDay = new Date(placed.getTime() + 9 * HOUR);
    expect(await median.getByText(new RegExp(`On ${shippedDay.getUTCDate()} [A-Z][a-z]{2},`)).isVisible()).toBe(true);

    // Polaris Viz draws in the browser only: an SVG per chart once the page has hydrated.
    await expect.poll(() => page.locator('[data-chart="Orders"] svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-chart="Median hours to dispatch"] svg').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(800); // let the bars grow in before the picture is taken
    await screenshot(page, "dashboard-4-charts");
  });
});
