// The admin overview in a real browser (Debian's Chromium via playwright-core): the built app and
// worker run against the Shopify simulator; LOADBAY_DEMO_SHOP stands in for Shopify's session token,
// since App Bridge cannot load here. Orders arrive as the simulator's webhooks and are decided by the
// worker; the page shows them, releases a held one, and lists a webhook it could not use.
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimShop } from "../../tools/shopify-sim";
import { screenshot, useBrowserPages, waitForHydration, waitForIdleNavigation } from "../support/browser";
import { startDemoShopApp, type RunningApp } from "../support/running-app";
import { signedWebhookRequest } from "../support/webhooks";
import { waitFor } from "../support/wait-for";

const SHOP = "admin-browser.myshopify.com";
let app: RunningApp;
let shop: SimShop;
let appUrl: string;
let heldOrderGid: string;
let cardOrderGid: string;

// A merchant far from the server's locale and time zone: dates must hydrate the same way.
const pages = useBrowserPages({ context: { timezoneId: "America/New_York", locale: "en-GB" } });

beforeAll(async () => {
  ({ app, shop, appUrl } = await startDemoShopApp("admin-browser", SHOP));
  await app.db.shop.update({ where: { domain: SHOP }, data: { dryRun: false } });
  cardOrderGid = shop.scenarios.paidByCard().id;
  heldOrderGid = shop.scenarios.payOnAccount({ buyer: 2 }).id; // Cobalt Retail: no credit left
  await waitForState(cardOrderGid, "released");
  await waitForState(heldOrderGid, "held");
  await settle();
}, 60_000);
afterAll(() => app?.stop());

const orderRow = (gid: string) => app.db.order.findFirst({ where: { shop: SHOP, shopifyOrderId: gid } });
const waitForState = (gid: string, state: string) =>
  waitFor(() => orderRow(gid), (o) => o?.state === state && !o.pendingEvaluation, 30_000, `${gid} to be ${state}`);
const settle = async () => {
  await app.sim.webhooksIdle();
  await waitFor(() => app.db.webhookInbox.count({ where: { shop: SHOP, status: "received" } }), (n) => n === 0, 30_000, "the inbox to drain");
  await waitFor(() => app.db.order.count({ where: { shop: SHOP, pendingEvaluation: true } }), (n) => n === 0, 30_000, "decisions to settle");
};

async function openOverview(page: Page): Promise<void> {
  const response = await page.goto(`${appUrl}/app`);
  expect(response?.status()).toBe(200);
  await waitForHydration(page);
  await expect.poll(() => page.getByRole("heading", { name: "Loadbay overview" }).isVisible()).toBe(true);
}

/** The number on the state card whose heading is exactly `label`. */
const stateCount = (page: Page, label: string) =>
  page.getByRole("heading", { name: label, exact: true }).locator("xpath=following-sibling::p[1]").innerText();

/** The table with a column headed `column` (each table on the page has one of its own). */
const tableWithColumn = (page: Page, column: string): Locator =>
  page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: column, exact: true }) });

describe("admin overview in a browser", () => {
  it("shows the orders by state and the held order with the reason it is held", async () => {
    const page = pages.page;
    await openOverview(page);
    const held = await orderRow(heldOrderGid);
    expect(held?.holdReasons.length).toBeGreaterThan(0);

    expect(await stateCount(page, "Held")).toBe("1");
    expect(await stateCount(page, "Released")).toBe("1");
    expect(await stateCount(page, "Shipped")).toBe("0");
    await expect.poll(() => page.getByText("Dry run", { exact: true }).count()).toBe(0); // dryRun is off for this shop

    const heldTable = tableWithColumn(page, "Why it is held");
    const rows = heldTable.getByRole("row").filter({ hasText: held!.name });
    expect(await rows.count()).toBe(1);
    const rowText = await rows.first().innerText();
    expect(rowText).toContain(held!.holdReasons.join(" "));
    expect(rowText).toMatch(/Pay on Account order awaiting approval/);
    await screenshot(page, "admin-overview-1-held");
  });

  it("releases the held order from its Release button", async () => {
    const page = pages.page;
    await openOverview(page);
    const held = await orderRow(heldOrderGid);
    const row = tableWithColumn(page, "Why it is held").getByRole("row").filter({ hasText: held!.name });
    const release = row.getByRole("button", { name: "Release" });
    // Remix submits the form with fetch and revalidates the page; a full-page POST would navigate.
    const action = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/app"));
    await release.click();
    expect((await action).status()).toBe(200);
    await waitForIdleNavigation(page);
    await expect.poll(() => page.getByText(/Release requested\. Loadbay is evaluating the order again/).isVisible()).toBe(true);
    await screenshot(page, "admin-overview-2-release-clicked");

    const released = await waitForState(heldOrderGid, "released");
    const decisions = await app.db.timelineEvent.findMany({ where: { shop: SHOP, orderId: released!.id } });
    expect(decisions.some((e) => e.actor === `user:${SHOP}`)).toBe(true);

    await page.reload();
    await waitForHydration(page);
    expect(await stateCount(page, "Held")).toBe("0");
    expect(await stateCount(page, "Released")).toBe("2");
    // Gone from the held list (it may appear under open exceptions: this shop has no warehouse mapping).
    expect(await tableWithColumn(page, "Why it is held").count()).toBe(0);
    expect(await page.getByText("No order is held.").isVisible()).toBe(true);
    await screenshot(page, "admin-overview-3-released");
  });

  it("lists a webhook Loadbay could not use, with its reason", async () => {
    const page = pages.page;
    await openOverview(page);
    expect(await page.getByText("None. Every webhook received was recorded and processed.").isVisible()).toBe(true);

    const webhookId = "browser-malformed-1";
    const res = await fetch(
      signedWebhookRequest({ topic: "orders/create", shop: SHOP, body: null, rawBody: "{not json", webhookId }, `${appUrl}/webhooks/orders/create`),
    );
    expect(res.status).toBe(200);
    const rejected = await app.db.webhookInbox.findFirst({ where: { shop: SHOP, webhookId } });
    expect(rejected).toMatchObject({ status: "rejected", reason: "The orders/create webhook body was not valid JSON." });

    await page.reload();
    await waitForHydration(page);
    expect(await page.getByRole("heading", { name: "Webhooks Loadbay could not use" }).isVisible()).toBe(true);
    const rows = tableWithColumn(page, "Reason").getByRole("row").filter({ hasText: "orders/create" });
    expect(await rows.count()).toBe(1);
    const rowText = await rows.first().innerText();
    expect(rowText).toContain("rejected");
    expect(rowText).toContain("The orders/create webhook body was not valid JSON.");
    expect(await rows.first().getByRole("button", { name: "Retry" }).count()).toBe(0); // only failed ones can be retried
    expect(await page.getByText(/1 rejected/).isVisible()).toBe(true);
    await screenshot(page, "admin-overview-4-rejected-webhook");
  });
});
