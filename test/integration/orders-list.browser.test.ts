// The orders list in a real browser (Debian's Chromium via playwright-core) against the built app. The
// orders are written straight into the test database (the pipeline that makes them is tested elsewhere):
// 55 orders, so paging shows; a few held, one with an open and one with a resolved exception, distinct
// PO numbers and companies to search for. The shop's time zone is Tokyo, so dates must be shifted.
// Every read of an order selects its columns: the generated client may know columns a newer migration
// adds, and a bare findFirst would ask for them.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, useBrowserPages, waitForHydration, waitForIdleNavigation } from "../support/browser";
import { startDemoShopApp, type RunningApp } from "../support/running-app";

const SHOP = "orders-list-browser.myshopify.com";
const TOTAL = 55;
let app: RunningApp;
let appUrl: string;

const pages = useBrowserPages();

/** Order n: created n hours after the first (so #1055 is the newest); every 10th is held. */
const seeded = Array.from({ length: TOTAL }, (_, i) => {
  const n = i + 1;
  return {
    shop: SHOP,
    name: `#${1000 + n}`,
    state: n % 10 === 0 ? ("held" as const) : n === 3 ? ("shipped" as const) : ("released" as const),
    poNumber: n === 7 ? "PO-7788-B" : n === 12 ? "100%-prepaid" : `PO-${n}`,
    companyName: n % 2 === 0 ? "Cobalt Retail Ltd" : "Acme Trading",
    createdAt: new Date(Date.UTC(2026, 10, 20, n)),
    sourceCreatedAt: new Date(Date.UTC(2026, 10, 20, n)),
  };
});

beforeAll(async () => {
  ({ app, appUrl } = await startDemoShopApp("orders-list-browser", SHOP));
  await app.db.shop.update({ where: { domain: SHOP }, data: { timezone: "Asia/Tokyo" } });
  await app.db.order.createMany({ data: seeded });
  const byName = async (name: string) => (await app.db.order.findFirstOrThrow({ where: { shop: SHOP, name }, select: { id: true } })).id;
  await app.db.exceptionRecord.createMany({
    data: [
      { shop: SHOP, key: "unmapped-service:a", kind: "unmapped-service", orderId: await byName("#1005"), message: "The shipping method is not mapped." },
      { shop: SHOP, key: "missing-phone:a", kind: "missing-phone", orderId: await byName("#1005"), message: "The phone number is missing." },
      { shop: SHOP, key: "unmapped-service:b", kind: "unmapped-service", orderId: await byName("#1006"), message: "Fixed since.", status: "resolved" },
    ],
  });
  // Another shop's order that matches every search: it must never show.
  await app.db.shop.create({ data: { domain: "other-shop.myshopify.com" } });
  await app.db.order.createMany({ data: [{ shop: "other-shop.myshopify.com", name: "#1007", poNumber: "PO-7788-B", companyName: "Cobalt Retail Ltd", createdAt: new Date() }] });
}, 120_000);
afterAll(() => app?.stop());

async function open(page: Page, query = ""): Promise<void> {
  const response = await page.goto(`${appUrl}/app/orders${query}`);
  expect(response?.status()).toBe(200);
  await waitForHydration(page);
  await expect.poll(() => page.getByRole("heading", { name: "Orders", exact: true }).isVisible()).toBe(true);
}

/** The order rows on the page: each links to its order. */
const rows = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("link") });
const names = async (page: Page) => (await rows(page).getByRole("link").allInnerTexts()).map((t) => t.trim());
const cellsOf = async (page: Page, name: string) =>
  (await rows(page).filter({ has: page.getByRole("link", { name, exact: true }) }).getByRole("cell").allInnerTexts()).map((c) => c.replace(/\s+/g, " ").trim());
const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

describe("orders list in a browser", () => {
  it("shows 50 orders a page, newest first, and pages with next and previous", async () => {
    const page = pages.page;
    await open(page);
    const first = await names(page);
    expect(first).toHaveLength(50);
    expect(first[0]).toBe("#1055");
    expect(first[49]).toBe("#1006");
    // The row links to the order's page; its cells carry company, PO, state, exceptions and the Tokyo date.
    const row = rows(page).filter({ hasText: "#1010" });
    expect(await row.getByRole("link").getAttribute("href")).toBe(`/app/orders/${(await app.db.order.findFirstOrThrow({ where: { shop: SHOP, name: "#1010" }, select: { id: true } })).id}`);
    // Badges read their tone to screen readers first ("Warning held").
    expect(await cellsOf(page, "#1010")).toEqual(["#1010", "Cobalt Retail Ltd", "PO-10", "Warning held", "0", "—", "20 Nov 2026, 19:00"]); // 10:00 UTC is 19:00 in Tokyo
    expect((await cellsOf(page, "#1006"))[4]).toBe("0"); // its only exception is resolved
    await screenshot(page, "orders-list-1-first-page");

    await page.getByRole("button", { name: "Next" }).click();
    await waitForIdleNavigation(page);
    await expect.poll(() => names(page)).toEqual(["#1005", "#1004", "#1003", "#1002", "#1001"]);
    expect(params(page)).toEqual({ page: "2" });
    expect((await cellsOf(page, "#1005"))[4]).toBe("Critical 2"); // two open exceptions
    expect(await page.getByRole("button", { name: "Next" }).isDisabled()).toBe(true);
    await page.reload();
    await waitForHydration(page);
    expect(await names(page)).toEqual(["#1005", "#1004", "#1003", "#1002", "#1001"]);
    await screenshot(page, "orders-list-2-second-page");

    await page.getByRole("button", { name: "Previous" }).click();
    await waitForIdleNavigation(page);
    await expect.poll(async () => (await names(page)).length).toBe(50);
    expect(params(page)).toEqual({});
  });

  it("filters by state and by open exceptions, and keeps the filter in the URL", async () => {
    const page = pages.page;
    await open(page);
    await page.getByLabel("Show").selectOption({ label: "Held" });
    await waitForIdleNavigation(page);
    await expect.poll(() => names(page)).toEqual(["#1050", "#1040", "#1030", "#1020", "#1010"]);
    expect(params(page)).toEqual({ state: "held" });
    expect(await page.getByRole("button", { name: "Next" }).count()).toBe(0);

    await page.reload();
    await waitForHydration(page);
    expect(await names(page)).toEqual(["#1050", "#1040", "#1030", "#1020", "#1010"]);
    expect(await page.getByLabel("Show").inputValue()).toBe("held");

    await page.getByLabel("Show").selectOption({ label: "With open exceptions" });
    await waitForIdleNavigation(page);
    await expect.poll(() => names(page)).toEqual(["#1005"]); // #1006's exception is resolved
    await screenshot(page, "orders-list-3-open-exceptions");

    await page.getByLabel("Show").selectOption({ label: "Cancelled" });
    await waitForIdleNavigation(page);
    await expect.poll(() => page.getByText("There are no orders in “Cancelled” at the moment.").isVisible()).toBe(true);
    expect(await rows(page).count()).toBe(0);
  });

  it("searches PO numbers and company names, partly and in any case, within the chosen filter", async () => {
    const page = pages.page;
    await open(page);
    await page.getByLabel("Search").fill("po-7788");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await waitForIdleNavigation(page);
    await expect.poll(() => names(page)).toEqual(["#1007"]); // not the other shop's #1007
    expect(params(page)).toEqual({ state: "all", q: "po-7788" });
    await screenshot(page, "orders-list-4-search-po");

    await open(page, "?state=held&q=COBALT");
    expect(await names(page)).toEqual(["#1050", "#1040", "#1030", "#1020", "#1010"]); // every held one is even, so Cobalt
    expect(await page.getByLabel("Search").inputValue()).toBe("COBALT");
    await open(page, "?q=acme%20trad");
    expect(await names(page)).toHaveLength(28); // the odd numbers, 1 to 55
    expect((await names(page)).every((n) => Number(n.slice(1)) % 2 === 1)).toBe(true);
    await open(page, "?q=1042");
    expect(await names(page)).toEqual(["#1042"]);
  });

  it("treats % and _ as plain characters, and says so in a sentence when nothing matches", async () => {
    const page = pages.page;
    await open(page, "?q=100%25");
    expect(await names(page)).toEqual(["#1012"]); // "100%-prepaid"; a live wildcard would match #1001…#1055
    await open(page, "?q=PO_1");
    expect(await names(page)).toEqual([]);
    expect(await page.getByText("No orders match “PO_1”. Search looks in order names, PO numbers and company names.").isVisible()).toBe(true);
    await screenshot(page, "orders-list-5-nothing-found");
  });
});
