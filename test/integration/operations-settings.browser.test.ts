// The operations settings page in a real browser against the built app: reached from the settings
// overview, it saves every kind of field into shop.settings.operations (and nothing else), and a value
// the schema refuses comes back as a sentence under its field, with nothing saved and the typed values
// kept. LOADBAY_DEMO_SHOP stands in for Shopify's session token (App Bridge cannot load here).
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationsSettingsSchema } from "~/modules/fulfilments/operations-settings.schema";
import { screenshot, useBrowserPages, waitForHydration, waitForIdleNavigation } from "../support/browser";
import { startDemoShopApp, type RunningApp } from "../support/running-app";

const SHOP = "ops-settings-browser.myshopify.com";
let app: RunningApp;
let appUrl: string;
let leeds: string;
let bristol: string;

const pages = useBrowserPages();

beforeAll(async () => {
  ({ app, appUrl } = await startDemoShopApp("ops-settings-browser", SHOP));
  leeds = (await app.db.warehouseConnection.create({ data: { shop: SHOP, name: "Mintsoft Leeds", provider: "mintsoft" }, select: { id: true } })).id;
  bristol = (await app.db.warehouseConnection.create({ data: { shop: SHOP, name: "Bristol 3PL", provider: "csv_sftp" }, select: { id: true } })).id;
  await app.db.shop.update({ where: { domain: SHOP }, data: { settings: { release: { approvalTag: "ok-to-ship" }, operations: { stuck: { cutOffTimes: { [bristol]: "12:30" } } } } } });
}, 120_000);
afterAll(() => app?.stop());

const stored = async () => (await app.db.shop.findUniqueOrThrow({ where: { domain: SHOP }, select: { settings: true } })).settings as Record<string, unknown>;

async function open(page: Page): Promise<void> {
  const response = await page.goto(`${appUrl}/app/settings/operations`);
  expect(response?.status()).toBe(200);
  await waitForHydration(page);
  await expect.poll(() => page.getByRole("heading", { name: "Operations settings", exact: true }).isVisible()).toBe(true);
}

/** The problem written under a field (Polaris links it with aria-describedby), or null. */
async function fieldError(field: Locator): Promise<string | null> {
  if ((await field.getAttribute("aria-invalid")) !== "true") return null;
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter((id) => id.endsWith("Error"));
  const error = field.page().locator(ids.map((id) => `[id="${id}"]`).join(", ") || "#none");
  return (await error.count()) === 0 ? null : (await error.first().innerText()).trim();
}

async function save(page: Page): Promise<void> {
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/app/settings/operations"));
  await page.getByRole("button", { name: "Save", exact: true }).click();
  expect((await answer).status()).toBe(200);
  await waitForIdleNavigation(page);
}

describe("operations settings page in a browser", () => {
  it("is linked from the settings overview and shows the stored values and defaults", async () => {
    const page = pages.page;
    expect((await page.goto(`${appUrl}/app/settings`))?.status()).toBe(200);
    await waitForHydration(page);
    await page.getByRole("link", { name: "Edit operations settings" }).click();
    await waitForIdleNavigation(page);
    await expect.poll(() => page.getByRole("heading", { name: "Operations settings", exact: true }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/app/settings/operations");

    expect(await page.getByLabel("Minutes to send a released order").inputValue()).toBe("30");
    expect(await page.getByLabel("Working hours to dispatch").inputValue()).toBe("16");
    expect(await page.getByLabel("Cut-off", { exact: true }).inputValue()).toBe("14:00");
    expect(await page.getByLabel("Cut-off for Bristol 3PL").inputValue()).toBe("12:30");
    expect(await page.getByLabel("Cut-off for Mintsoft Leeds").inputValue()).toBe("");
    expect(await page.getByRole("checkbox", { name: "Notify the customer" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Friday" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Saturday" }).isChecked()).toBe(false);
    await screenshot(page, "operations-settings-1-defaults");
  });

  it("saves every kind of field into shop.settings.operations and leaves the other settings alone", async () => {
    const page = pages.page;
    await open(page);
    await page.getByRole("checkbox", { name: "Notify the customer" }).uncheck({ force: true });
    await page.getByRole("checkbox", { name: "Show the warehouse status as a tag" }).check({ force: true });
    await page.getByRole("checkbox", { name: "Show the warehouse status in a metafield" }).check({ force: true });
    await page.getByLabel("Tag prefix").fill("wh-status");
    await page.getByLabel("Minutes to send a released order").fill("45");
    await page.getByLabel("Working hours to dispatch").fill("24");
    await page.getByRole("checkbox", { name: "Saturday" }).check({ force: true });
    await page.getByRole("checkbox", { name: "Monday" }).uncheck({ force: true });
    await page.getByLabel("Working day starts").fill("07:30");
    await page.getByLabel("Cut-off for Mintsoft Leeds").fill("16:15");
    await page.getByLabel("Cut-off for Bristol 3PL").fill("");
    await save(page);
    await expect.poll(() => page.getByText("The operations settings are saved.").isVisible()).toBe(true);

    const settings = await stored();
    expect(settings.release).toEqual({ approvalTag: "ok-to-ship" });
    expect(settings.operations).toEqual(
      operationsSettingsSchema.parse({
        fulfilment: { notifyCustomer: false, statusTag: true, statusTagPrefix: "wh-status", statusMetafield: true, statusMetafieldKey: "loadbay.warehouse_status" },
        stuck: { releasedNotSentMinutes: 45, notDispatchedWorkingHours: 24, workingDays: [2, 3, 4, 5, 6], workdayStart: "07:30", workdayEnd: "18:00", defaultCutOff: "14:00", cutOffTimes: { [leeds]: "16:15" } },
      }),
    );
    await screenshot(page, "operations-settings-2-saved");

    await page.reload();
    await waitForHydration(page);
    expect(await page.getByLabel("Minutes to send a released order").inputValue()).toBe("45");
    expect(await page.getByLabel("Cut-off for Mintsoft Leeds").inputValue()).toBe("16:15");
    expect(await page.getByRole("checkbox", { name: "Monday" }).isChecked()).toBe(false);
  });

  it("writes what is wrong under each refused field, saves nothing and keeps what was typed", async () => {
    const page = pages.page;
    await open(page);
    const before = await stored();
    const minutes = page.getByLabel("Minutes to send a released order");
    const prefix = page.getByLabel("Tag prefix");
    await minutes.fill("0");
    await prefix.fill("Warehouse Status");
    for (const day of ["Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]) await page.getByRole("checkbox", { name: day }).uncheck({ force: true });
    await save(page);

    await expect.poll(() => page.getByText("Nothing was saved").isVisible()).toBe(true);
    expect(await page.getByText("3 fields need attention; each says what is wrong below it.").isVisible()).toBe(true);
    expect(await fieldError(minutes)).toBe("Enter a whole number of at least 1.");
    expect(await fieldError(prefix)).toBe("Use 1 to 40 lower-case letters, digits and dashes, starting with a letter or a digit, such as warehouse.");
    expect(await page.getByText("Choose at least one working day.").isVisible()).toBe(true);
    expect(await fieldError(page.getByLabel("Working hours to dispatch"))).toBeNull();
    expect(await minutes.inputValue()).toBe("0");
    expect(await prefix.inputValue()).toBe("Warehouse Status");
    expect(await stored()).toEqual(before);
    await screenshot(page, "operations-settings-3-errors");
  });
});
