// The inventory pages in a real browser against the built app (web and worker). Sync runs, drift rows,
// readings and the item map are written straight into the test database (the sync that makes them is
// tested in inventory-e2e): the progress bar must follow a running run as its `done` moves, and stop
// asking once it finished; the drift report pages and judges "corrected" from Shopify's newest reading;
// the settings page saves into shop.settings.inventory only, and a refused value comes back under its field.
// The shop's schedule is off (cadence 0) so the worker's scheduler starts no real sync during the test.
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DRIFT_PAGE_SIZE } from "~/modules/inventory/inventory-page.use-case";
import { screenshot, useBrowserPages, waitForHydration, waitForIdleNavigation } from "../support/browser";
import { startDemoShopApp, type RunningApp } from "../support/running-app";

const SHOP = "inventory-browser.myshopify.com";
const HOUR = 3_600_000;
const LEEDS_LOCATION = "gid://shopify/Location/101";
let app: RunningApp;
let appUrl: string;

const pages = useBrowserPages();

beforeAll(async () => {
  ({ app, appUrl } = await startDemoShopApp("inventory-browser", SHOP));
  const connectionId = (await app.db.warehouseConnection.create({ data: { shop: SHOP, name: "Mintsoft Leeds", provider: "mintsoft" }, select: { id: true } })).id;
  const facilities = [
    { code: "LEEDS", name: "Leeds", connectionId, shopifyLocationId: LEEDS_LOCATION },
    { code: "BRIS", name: "Bristol", connectionId, shopifyLocationId: "gid://shopify/Location/999" },
  ];
  await app.db.shop.update({ where: { domain: SHOP }, data: { settings: { mapping: { facilities }, operations: { stuck: { releasedNotSentMinutes: 45 } }, inventory: { fullSyncEveryMinutes: 0 } } } });
}, 120_000);
afterAll(() => app?.stop());

const stored = async () => (await app.db.shop.findUniqueOrThrow({ where: { domain: SHOP }, select: { settings: true } })).settings as Record<string, unknown>;

async function open(page: Page, path: string, heading: string): Promise<void> {
  const response = await page.goto(`${appUrl}${path}`);
  expect(response?.status()).toBe(200);
  await waitForHydration(page);
  await expect.poll(() => page.getByRole("heading", { name: heading, exact: true }).isVisible()).toBe(true);
}

const progressValue = (page: Page) => page.locator('[aria-label="Full sync progress"] progress').evaluate((el) => (el as HTMLProgressElement).value);
const counts = (page: Page) => page.locator("#sync-counts").innerText();

/** The problem written under a field (Polaris links it with aria-describedby), or null. */
async function fieldError(field: Locator): Promise<string | null> {
  if ((await field.getAttribute("aria-invalid")) !== "true") return null;
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter((id) => id.endsWith("Error"));
  const error = field.page().locator(ids.map((id) => `[id="${id}"]`).join(", ") || "#none");
  return (await error.count()) === 0 ? null : (await error.first().innerText()).trim();
}

describe("inventory page in a browser", () => {
  it("is linked from the overview and says when no sync has run and nothing drifts", async () => {
    const page = pages.page;
    await open(page, "/app", "Loadbay overview");
    await page.getByRole("link", { name: "Inventory and drift" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Inventory", exact: true }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/app/inventory");
    await waitForHydration(page);
    expect(await page.getByText(/^No full sync has run yet/).isVisible()).toBe(true);
    expect(await page.getByText(/^No drift:/).isVisible()).toBe(true);
  });

  it("lists drift a page at a time with its age, judging corrected from the newest reading", async () => {
    const seenAt = new Date(Date.now() - 3 * HOUR - 10 * 60_000);
    const firstSeenAt = (i: number) => new Date(seenAt.getTime() - (i === 0 ? 2 * 24 * HOUR : 0) - i * 1000);
    const n = DRIFT_PAGE_SIZE + 2;
    const item = (i: number) => `gid://shopify/InventoryItem/${1000 + i}`;
    await app.db.inventoryDrift.createMany({
      data: Array.from({ length: n }, (_, i) => ({ shop: SHOP, inventoryItemId: item(i), locationId: LEEDS_LOCATION, sku: `SKU-${i}`, baseSku: `SKU-${i}`, shopifyQuantity: 20, warehouseQuantity: 10, demandQuantity: 3, firstSeenAt: firstSeenAt(i), lastSeenAt: seenAt })),
    });
    await app.db.inventoryItemMap.create({ data: { shop: SHOP, inventoryItemId: item(0), variantId: "gid://shopify/ProductVariant/1", sku: "SKU-0", title: "Blue widget - Single", tracked: true, readAt: seenAt } });
    // Item 0: written since the sync and now where the warehouse says (corrected). Item 1: read again, still above.
    await app.db.shopifyStockReading.createMany({
      data: [
        { shop: SHOP, inventoryItemId: item(0), locationId: LEEDS_LOCATION, quantity: 8, generation: 2n, readAt: new Date(seenAt.getTime() + 60_000) },
        { shop: SHOP, inventoryItemId: item(1), locationId: LEEDS_LOCATION, quantity: 20, generation: 2n, readAt: new Date(seenAt.getTime() + 60_000) },
        { shop: SHOP, inventoryItemId: item(2), locationId: "gid://shopify/Location/202", quantity: 5, generation: 1n, readAt: seenAt },
      ],
    });

    const page = pages.page;
    await open(page, "/app/inventory", "Inventory");
    const rows = page.getByRole("row").filter({ has: page.getByRole("cell") });
    expect(await rows.count()).toBe(DRIFT_PAGE_SIZE);
    const first = (await rows.nth(0).innerText()).replace(/\s+/g, " ");
    expect(first).toContain("Blue widget - Single");
    expect(first).toContain("Leeds (LEEDS)");
    expect(first).toMatch(/ 20 10 3 2 days 3 hours (Success )?Corrected$/);
    const second = (await rows.nth(1).innerText()).replace(/\s+/g, " ");
    expect(second).toMatch(/ 20 10 3 3 hours 10 minutes (Warning )?Open$/);
    expect(await page.getByText(`${n} items drifting; page 1 of 2.`).isVisible()).toBe(true);
    await screenshot(page, "inventory-1-drift");

    await page.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("page")).toBe("2");
    await waitForIdleNavigation(page);
    // Remix moves the URL when the loader answers, a render before the rows change: wait for page 2's own words.
    await page.getByText(`${n} items drifting; page 2 of 2.`).waitFor({ timeout: 10_000 });
    expect(await rows.count()).toBe(n - DRIFT_PAGE_SIZE);
  });

  it("follows a running full sync every second, refuses a second one, and stops asking once it finished", async () => {
    const run = await app.db.inventorySyncRun.create({ data: { shop: SHOP, kind: "full", status: "running", phase: "writing", total: 400, done: 0, points: 110, writeCalls: 0 }, select: { id: true } });
    const page = pages.page;
    await open(page, "/app/inventory", "Inventory");
    expect(await progressValue(page)).toBe(0);
    expect(await counts(page)).toContain("0 of 400 changed quantities written (0%)");

    await app.db.inventorySyncRun.update({ where: { id: run.id }, data: { done: 100, writeCalls: 1, points: 210 } });
    await expect.poll(() => progressValue(page), { timeout: 5_000 }).toBe(25);
    await app.db.inventorySyncRun.update({ where: { id: run.id }, data: { done: 300, writeCalls: 3 } });
    await expect.poll(() => progressValue(page), { timeout: 5_000 }).toBe(75);
    expect(await counts(page)).toContain("300 of 400 changed quantities written (75%)");
    await screenshot(page, "inventory-2-running");

    await page.getByRole("button", { name: "Run full sync now" }).click();
    await expect.poll(() => page.getByText(/^A full sync is already running/).isVisible()).toBe(true);

    await app.db.inventorySyncRun.update({ where: { id: run.id }, data: { done: 400, status: "done", phase: "done", finishedAt: new Date() } });
    await expect.poll(() => progressValue(page), { timeout: 5_000 }).toBe(100);
    expect(await page.getByText("Done", { exact: true }).isVisible()).toBe(true);
    let asked = 0;
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.startsWith("/app/inventory")) asked++;
    });
    await page.waitForTimeout(2_500);
    expect(asked).toBe(0);
    await screenshot(page, "inventory-3-done");
  });
});

describe("inventory settings page in a browser", () => {
  it("is linked from the settings overview and checks the location map against Shopify's last read", async () => {
    const page = pages.page;
    await open(page, "/app/settings", "Mapping settings");
    await page.getByRole("link", { name: "Edit inventory settings" }).click();
    await waitForIdleNavigation(page);
    await expect.poll(() => page.getByRole("heading", { name: "Inventory settings", exact: true }).isVisible()).toBe(true);
    expect(await page.getByText(`LEEDS writes to Shopify location ${LEEDS_LOCATION}.`).isVisible()).toBe(true);
    expect(await page.getByText(/^BRIS points at gid:\/\/shopify\/Location\/999, which Shopify's last read did not show/).isVisible()).toBe(true);
    expect(await page.getByText(/Shopify locations no facility feeds .*gid:\/\/shopify\/Location\/202\./).isVisible()).toBe(true);
  });

  it("saves cadence and buffers into shop.settings.inventory only, and answers a bad value under its field", async () => {
    const page = pages.page;
    await open(page, "/app/settings/inventory", "Inventory settings");
    await page.getByLabel("Run a full sync every (minutes)").fill("45");
    await page.getByLabel("Global buffer").selectOption("percent");
    await page.getByLabel("Percent").fill("2.5");
    await page.getByRole("button", { name: "Add SKU buffer" }).click();
    await page.getByLabel("SKU, row 1").fill("WIDGET-BLUE");
    await page.getByLabel("Buffer, row 1").fill("4");
    const save = async () => {
      const answer = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/app/settings/inventory"));
      await page.getByRole("button", { name: "Save", exact: true }).click();
      expect((await answer).status()).toBe(200);
      await waitForIdleNavigation(page);
    };
    await save();
    await expect.poll(() => page.getByText(/^The inventory settings are saved/).isVisible()).toBe(true);
    const saved = await stored();
    expect(saved.inventory).toEqual({ fullSyncEveryMinutes: 45, clockSkewSeconds: 60, globalBuffer: { kind: "percent", value: 2.5 }, skuBuffers: [{ sku: "WIDGET-BLUE", buffer: { kind: "units", value: 4 } }] });
    expect(saved.operations).toEqual({ stuck: { releasedNotSentMinutes: 45 } });
    expect((saved.mapping as { facilities: unknown[] }).facilities).toHaveLength(2);

    await page.getByRole("button", { name: "Add SKU buffer" }).click();
    await page.getByLabel("SKU, row 2").fill("GADGET");
    await page.getByLabel("Buffer, row 2").fill("-3");
    await save();
    await expect.poll(() => page.getByText("Nothing was saved").isVisible()).toBe(true);
    expect(await fieldError(page.getByLabel("Buffer, row 2"))).toBe("Enter a number of at least 0.");
    expect(await fieldError(page.getByLabel("Buffer, row 1"))).toBeNull();
    expect(await page.getByLabel("SKU, row 2").inputValue()).toBe("GADGET");
    expect((await stored()).inventory).toEqual(saved.inventory);
    await screenshot(page, "inventory-settings-error");
  });
});
