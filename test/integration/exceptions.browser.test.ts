// The exceptions page in a real browser against the built app and worker: open exceptions counted by
// kind and filtered; a selected exception retried. A retry before the mapping is fixed evaluates the
// order again and the exception stays (seen twice); after the merchant adds the missing service code
// on the warehouse's settings page, the same retry clears it and the order is mapped with that code.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimShop } from "../../tools/shopify-sim";
import { screenshot, useBrowserPages, waitForHydration, waitForIdleNavigation } from "../support/browser";
import { startDemoShopApp, type RunningApp } from "../support/running-app";
import { waitFor } from "../support/wait-for";

const SHOP = "exceptions-browser.myshopify.com";
const PALLET = "Pallet Express Next Day";
let app: RunningApp;
let shop: SimShop;
let appUrl: string;
let connectionId: string;

const pages = useBrowserPages();

beforeAll(async () => {
  ({ app, shop, appUrl } = await startDemoShopApp("exceptions-browser", SHOP));
  connectionId = (await app.db.warehouseConnection.create({ data: { shop: SHOP, name: "Mintsoft Leeds", provider: "mintsoft" } })).id;
  const mapping = {
    facilities: [{ code: "LEEDS", name: "Mintsoft Leeds", connectionId, shopifyLocationId: shop.locations()[0]!.id }],
    routing: { defaultFacilityCode: "LEEDS" },
    connections: [{ connectionId, name: "Mintsoft Leeds", serviceCodes: { rows: [{ matchOn: "title", value: "Standard Delivery", serviceCode: "STD" }] }, requiredFields: { phone: true } }],
  };
  await app.db.shop.update({ where: { domain: SHOP }, data: { settings: { mapping } } });
}, 120_000);
afterAll(() => app?.stop());

const orderOf = (gid: string) =>
  waitFor(() => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: gid } }), (o) => o?.state === "released" && !o.pendingEvaluation, 30_000, `${gid} to be released`).then((o) => o!);
const exceptionOf = (orderId: string, kind: string) => app.db.exceptionRecord.findFirst({ where: { shop: SHOP, orderId, kind } });

async function openExceptions(page: Page, query = ""): Promise<void> {
  const response = await page.goto(`${appUrl}/app/exceptions${query}`);
  expect(response?.status()).toBe(200);
  await waitForHydration(page);
  await expect.poll(() => page.getByRole("heading", { name: "Exceptions", exact: true }).isVisible()).toBe(true);
}

/** The exception rows on the page: each has its own selection checkbox. */
const rows = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("checkbox", { name: "Select exception" }) });

async function retrySelected(page: Page, orderName: string): Promise<void> {
  const row = rows(page).filter({ hasText: orderName });
  expect(await row.count()).toBe(1);
  await row.getByRole("checkbox", { name: "Select exception" }).check({ force: true });
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/app/exceptions"));
  await page.getByRole("button", { name: "Retry selected" }).click();
  expect((await answer).status()).toBe(200);
  await waitForIdleNavigation(page);
  await expect.poll(() => page.getByText("1 order queued to be evaluated again.").isVisible()).toBe(true);
}

describe("exceptions page in a browser", () => {
  it("counts and filters by kind; a selected retry clears an exception once the service code is fixed in the settings", async () => {
    const unmappedGid = shop.scenarios.unmappedShipping().id;
    const unmapped = await orderOf(unmappedGid);
    const noPhone = await orderOf(shop.scenarios.noPhone().id);
    const service = await waitFor(() => exceptionOf(unmapped.id, "unmapped-service"), (e) => e?.status === "open", 10_000, "the unmapped-service exception");
    await waitFor(() => exceptionOf(noPhone.id, "missing-phone"), (e) => e?.status === "open", 10_000, "the missing-phone exception");
    expect(await app.db.warehouseOrder.count({ where: { shop: SHOP, orderId: unmapped.id } })).toBe(0);

    const page = pages.page;
    await openExceptions(page);
    expect(await page.getByText("2 open exceptions", { exact: true }).isVisible()).toBe(true);
    const kind = page.getByRole("combobox", { name: "Kind" });
    expect(await kind.locator("option").allInnerTexts()).toEqual(["All kinds", "missing-phone (1)", "unmapped-service (1)"]);
    expect(await rows(page).count()).toBe(2);

    await kind.selectOption("unmapped-service");
    await expect.poll(() => new URL(page.url()).searchParams.get("kind")).toBe("unmapped-service");
    await waitForIdleNavigation(page);
    await expect.poll(() => rows(page).count()).toBe(1);
    const only = await rows(page).first().innerText();
    expect(only).toContain(unmapped.name);
    expect(only).toContain(PALLET);
    expect(only).not.toContain(noPhone.name);
    await screenshot(page, "exceptions-1-filtered");

    // Retried before anything is fixed: the order is evaluated again and the exception stays, seen twice.
    await retrySelected(page, unmapped.name);
    await waitFor(() => exceptionOf(unmapped.id, "unmapped-service"), (e) => e?.count === 2, 30_000, "the exception to be seen again");
    await orderOf(unmappedGid);
    expect((await exceptionOf(unmapped.id, "unmapped-service"))?.status).toBe("open");
    await page.reload();
    await waitForHydration(page);
    expect(await rows(page).filter({ hasText: unmapped.name }).innerText()).toContain("2×");

    // The fix, made where a merchant makes it: the warehouse's settings page.
    const settings = await page.goto(`${appUrl}/app/settings/connections/${connectionId}`);
    expect(settings?.status()).toBe(200);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Add service code" }).click();
    await page.getByRole("textbox", { name: "Shipping method, row 2", exact: true }).fill(PALLET);
    await page.getByRole("textbox", { name: "Warehouse service code, row 2", exact: true }).fill("PALLET");
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/app/settings"));
    await page.getByRole("button", { name: "Save", exact: true }).click();
    expect((await saved).status()).toBe(200);
    await waitForIdleNavigation(page);
    await expect.poll(() => page.getByText("2 open exceptions wait for a mapping fix.", { exact: false }).isVisible()).toBe(true);
    await screenshot(page, "exceptions-2-service-code-saved");
    expect(await exceptionOf(unmapped.id, "unmapped-service")).toMatchObject({ status: "open" }); // nothing re-mapped on save

    await page.getByRole("link", { name: "unmapped-service (1)" }).click();
    await waitForIdleNavigation(page);
    await expect.poll(() => new URL(page.url()).searchParams.get("kind")).toBe("unmapped-service");
    await expect.poll(() => rows(page).count()).toBe(1);
    await retrySelected(page, unmapped.name);

    const resolved = await waitFor(() => exceptionOf(unmapped.id, "unmapped-service"), (e) => e?.status === "resolved", 30_000, "the exception to clear");
    expect(resolved?.id).toBe(service!.id);
    const [warehouseOrder] = await waitFor(() => app.db.warehouseOrder.findMany({ where: { shop: SHOP, orderId: unmapped.id } }), (w) => w.length === 1, 30_000, "the warehouse order");
    expect(warehouseOrder).toMatchObject({ state: "mapped", facilityCode: "LEEDS", connectionId });
    expect((warehouseOrder!.payload as { serviceCode: string }).serviceCode).toBe("PALLET");
    expect(await exceptionOf(noPhone.id, "missing-phone")).toMatchObject({ status: "open" }); // untouched

    await page.reload();
    await waitForHydration(page);
    expect(await page.getByText("No open unmapped-service exceptions", { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText("1 open exception", { exact: true }).isVisible()).toBe(true);
    // The filter still shows what it applies, now with nothing left of that kind.
    expect(await kind.locator("option").allInnerTexts()).toEqual(["All kinds", "missing-phone (1)", "unmapped-service (0)"]);
    expect(await kind.inputValue()).toBe("unmapped-service");
    await screenshot(page, "exceptions-3-cleared");

    await page.getByRole("combobox", { name: "Status" }).selectOption("resolved");
    await waitForIdleNavigation(page);
    await expect.poll(() => rows(page).filter({ hasText: unmapped.name }).count()).toBe(1);
    expect(await rows(page).filter({ hasText: unmapped.name }).innerText()).toContain("unmapped-service");

    // The order moved on: its page shows what would be sent with the new code.
    await rows(page).filter({ hasText: unmapped.name }).getByRole("link", { name: unmapped.name }).click();
    await waitForIdleNavigation(page);
    await expect.poll(() => page.getByText("What would be sent (dry run)").isVisible()).toBe(true);
    expect(await page.getByText(warehouseOrder!.idempotencyKey).first().isVisible()).toBe(true);
    await screenshot(page, "exceptions-4-order-mapped");
  });
});
