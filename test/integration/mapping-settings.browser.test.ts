// The mapping settings pages in a real browser (Debian's Chromium via playwright-core) against the built
// app: inline validation with the shared row schemas, saving through the server's validation, and CSV
// export and import of every table, including the round trip export → import → export giving the very
// same bytes. LOADBAY_DEMO_SHOP stands in for Shopify's session token (App Bridge cannot load here).
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mappingSettingsSchema, type MappingSettings } from "~/modules/mapping/mapping-settings.schema";
import type { SimShop } from "../../tools/shopify-sim";
import { screenshot, useBrowserPages, waitForHydration, waitForIdleNavigation } from "../support/browser";
import { startDemoShopApp, type RunningApp } from "../support/running-app";

const SHOP = "settings-browser.myshopify.com";
let app: RunningApp;
let shop: SimShop;
let appUrl: string;
let connectionId: string;

const pages = useBrowserPages();

beforeAll(async () => {
  ({ app, shop, appUrl } = await startDemoShopApp("settings-browser", SHOP));
  connectionId = (await app.db.warehouseConnection.create({ data: { shop: SHOP, name: "Mintsoft Leeds", provider: "mintsoft" } })).id;
}, 120_000);
afterAll(() => app?.stop());

/** Puts the shop's mapping settings back to a known start, as a merchant might have left them. */
async function resetMapping(): Promise<void> {
  const mapping = {
    facilities: [{ code: "LEEDS", name: "Mintsoft Leeds", connectionId, shopifyLocationId: shop.locations()[0]!.id }],
    routing: { defaultFacilityCode: "LEEDS", rules: [{ name: "Ireland", facilityCode: "LEEDS", conditions: { country: ["IE"] } }] },
    unitsOfMeasure: { rows: [{ sku: "CASE-12-WIDGET", variantId: null, baseSku: "WIDGET-BLUE", factor: 12 }] },
    connections: [
      {
        connectionId,
        name: "Mintsoft Leeds",
        serviceCodes: { rows: [{ matchOn: "title", value: "Standard Delivery", serviceCode: "STD" }, { matchOn: "code", value: "EXPRESS, B2B", serviceCode: "NDAY" }] },
        sku: { aliases: [{ sku: "WIDGET BLUE", warehouseSku: "WIDGET-BLUE" }] },
      },
    ],
  };
  await app.db.shop.update({ where: { domain: SHOP }, data: { settings: { mapping } } });
}

const storedMapping = async () => ((await app.db.shop.findUniqueOrThrow({ where: { domain: SHOP } })).settings as { mapping: MappingSettings }).mapping;

async function open(page: Page, path: string, heading: string): Promise<void> {
  const response = await page.goto(`${appUrl}${path}`);
  expect(response?.status()).toBe(200);
  await waitForHydration(page);
  await expect.poll(() => page.getByRole("heading", { name: heading, exact: true }).first().isVisible()).toBe(true);
}

const textbox = (page: Page, label: string, row: number) => page.getByRole("textbox", { name: `${label}, row ${row}`, exact: true });

/** The problem written under a field (Polaris links it with aria-describedby), or null. */
async function fieldError(field: Locator): Promise<string | null> {
  if ((await field.getAttribute("aria-invalid")) !== "true") return null;
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter((id) => id.endsWith("Error"));
  const error = field.page().locator(ids.map((id) => `[id="${id}"]`).join(", ") || "#none");
  return (await error.count()) === 0 ? null : (await error.first().innerText()).trim();
}

async function save(page: Page): Promise<void> {
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/app/settings"));
  await page.getByRole("button", { name: "Save", exact: true }).click();
  expect((await answer).status()).toBe(200);
  await waitForIdleNavigation(page);
}

async function exportCsv(page: Page, noun: string): Promise<Buffer> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: `Export ${noun} (CSV)` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^loadbay-[a-z0-9-]+\.csv$/);
  return readFile((await file.path())!);
}

async function importCsv(page: Page, noun: string, content: Buffer | string): Promise<void> {
  await page.getByLabel(`CSV file of ${noun} to import`).setInputFiles({ name: "import.csv", mimeType: "text/csv", buffer: Buffer.from(content) });
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/app/settings/csv/"));
  await page.getByRole("button", { name: `Import ${noun} (CSV)` }).click();
  expect((await answer).status()).toBe(200);
  await waitForIdleNavigation(page);
}

/** The items of the banner titled `title`. */
async function bannerItems(page: Page, title: string | RegExp): Promise<string[]> {
  const banner = page.locator(".Polaris-Banner").filter({ has: page.getByText(title) });
  await expect.poll(() => banner.count()).toBe(1);
  return (await banner.getByRole("listitem").allInnerTexts()).map((t) => t.trim());
}

describe("mapping settings pages in a browser", () => {
  it("marks a rule to an unknown facility on its cell, refuses to save it, then saves the fixed rules in their order", async () => {
    await resetMapping();
    const page = pages.page;
    await open(page, "/app/settings/routing", "Routing");
    const before = await storedMapping();

    await page.getByRole("button", { name: "Add rule" }).click();
    await textbox(page, "Rule name", 2).fill("North");
    await textbox(page, "Facility", 2).fill("NOWHERE");
    await textbox(page, "Countries", 2).fill("gb;uk");
    await textbox(page, "Postcodes starting with", 2).fill("LS;BD1");
    // Checked in the browser as it is typed, with the same schemas the server uses.
    await expect.poll(() => fieldError(textbox(page, "Facility", 2))).toBe("There is no facility NOWHERE.");
    expect(await textbox(page, "Facility", 2).getAttribute("aria-invalid")).toBe("true");
    await textbox(page, "Countries", 2).fill("gb;Britain");
    await expect.poll(() => fieldError(textbox(page, "Countries", 2))).toBe("“Britain” is not a two-letter country code.");
    await screenshot(page, "mapping-settings-1-inline-errors");

    // The server validates again and refuses, naming each problem; nothing is stored.
    await save(page);
    expect(await bannerItems(page, "Nothing was saved: fix the 2 problems below, then save again.")).toEqual([
      "Routing rules, row 2, Countries: “Britain” is not a two-letter country code.",
      "Routing rules, row 2, Facility: There is no facility NOWHERE.",
    ]);
    expect(await storedMapping()).toEqual(before);

    await textbox(page, "Facility", 2).fill("leeds");
    await textbox(page, "Countries", 2).fill("gb;uk");
    await expect.poll(() => fieldError(textbox(page, "Facility", 2))).toBeNull();
    await expect.poll(() => fieldError(textbox(page, "Countries", 2))).toBeNull();
    // Order matters: the new rule goes first.
    await page.getByRole("button", { name: "Move row 2 up" }).click();
    expect(await textbox(page, "Rule name", 1).inputValue()).toBe("North");
    await save(page);
    await expect.poll(() => page.getByText("Settings saved. New orders use them from now on.").isVisible()).toBe(true);
    await screenshot(page, "mapping-settings-2-saved");

    const saved = await storedMapping();
    expect(saved.routing.rules.map((r) => [r.name, r.facilityCode, r.conditions.country, r.conditions.postcodePrefix])).toEqual([
      ["North", "LEEDS", ["GB", "GB"], ["LS", "BD1"]],
      ["Ireland", "LEEDS", ["IE"], []],
    ]);
    // The page now shows what is stored (normalised), not what was typed.
    expect(await textbox(page, "Facility", 1).inputValue()).toBe("LEEDS");
    const normalised = mappingSettingsSchema.parse(before);
    expect({ ...saved, routing: normalised.routing }).toEqual(normalised);
  });

  it("exports every table, imports the same file and exports identical bytes again", async () => {
    await resetMapping();
    const page = pages.page;
    const tables = [
      { path: "/app/settings/routing", heading: "Routing", noun: "facilities" },
      { path: "/app/settings/routing", heading: "Routing", noun: "routing rules" },
      { path: "/app/settings/units", heading: "Units of measure", noun: "units of measure" },
      { path: `/app/settings/connections/${connectionId}`, heading: "Mintsoft Leeds", noun: "service codes" },
      { path: `/app/settings/connections/${connectionId}`, heading: "Mintsoft Leeds", noun: "SKU aliases" },
    ];
    const before = await storedMapping();
    for (const table of tables) {
      await open(page, table.path, table.heading);
      const first = await exportCsv(page, table.noun);
      expect(first.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // the BOM Excel needs for UTF-8
      expect(first.toString("utf8").split("\r\n").filter(Boolean).length).toBeGreaterThan(1); // a header and rows
      await importCsv(page, table.noun, first);
      await expect.poll(() => page.getByText(/^Imported \d+ rows?: the .* now match the file\./).isVisible()).toBe(true);
      const second = await exportCsv(page, table.noun);
      expect(second.equals(first), `${table.noun}: second export differs:\n${second.toString()}\n---\n${first.toString()}`).toBe(true);
    }
    // The stored settings are what they were (now with every default written out).
    expect(await storedMapping()).toEqual(mappingSettingsSchema.parse(before));
    const services = (await exportCsv(page, "service codes")).toString("utf8");
    expect(services).toBe(`\uFEFFmatchOn,value,serviceCode\r\ntitle,Standard Delivery,STD\r\ncode,"EXPRESS, B2B",NDAY\r\n`);
    await screenshot(page, "mapping-settings-3-round-trip");
  });

  it("lists every bad row of a CSV and changes nothing", async () => {
    await resetMapping();
    const page = pages.page;
    await open(page, "/app/settings/units", "Units of measure");
    const before = await storedMapping();
    const csv = ["sku,variantId,baseSku,factor", "CASE-6,,WIDGET-BLUE,6", "CASE-0,,WIDGET-BLUE,0", ",,WIDGET-BLUE,2", "", "CASE-X,,,twelve"].join("\r\n");
    await importCsv(page, "units of measure", csv);
    expect(await bannerItems(page, "Nothing was imported: 3 rows need fixing. The units of measure are unchanged.")).toEqual([
      "Row 3, factor: “0” is too small: use at least 1.",
      "Row 4, sku: Give a SKU or a variant id.",
      "Row 6, baseSku: This cannot be empty.",
      "Row 6, factor: “twelve” is not a number.",
    ]);
    await screenshot(page, "mapping-settings-4-bad-import");
    expect(await storedMapping()).toEqual(before);
    expect(await textbox(page, "Pack SKU", 1).inputValue()).toBe("CASE-12-WIDGET");
    expect(await textbox(page, "Pack SKU", 2).count()).toBe(0);

    // Rows that are fine alone but not together: a duplicate, and (on the routing page) an unknown facility.
    await importCsv(page, "units of measure", "sku,baseSku,factor\nCASE-6,W,6\ncase-6,W,12\n");
    expect(await bannerItems(page, /^Nothing was imported: one row needs fixing/)).toEqual(["Row 3, sku: There is more than one unit-of-measure row for SKU CASE-6."]);
    await open(page, "/app/settings/routing", "Routing");
    await importCsv(page, "routing rules", "name,facilityCode,country\nNorth,MK,GB\n");
    expect(await bannerItems(page, /^Nothing was imported: one row needs fixing/)).toEqual(["Row 2, facilityCode: There is no facility MK."]);
    await importCsv(page, "routing rules", "name,facility,country\nNorth,LEEDS,GB\n");
    expect(await bannerItems(page, /^Nothing was imported/)).toEqual([
      "Row 1: “facility” is not a column of routing rules. The columns are: name, facilityCode, country, postcodePrefix, postcodePattern, customerGroup, company, tag, skuPrefix.",
      "Row 1, facilityCode: The column facilityCode is missing; routing rules need it.",
    ]);
    expect(await storedMapping()).toEqual(before);
  });

  it("replaces a table with a good CSV: its rows appear a page at a time and can be found", async () => {
    await resetMapping();
    const page = pages.page;
    await open(page, "/app/settings/units", "Units of measure");
    const rows = Array.from({ length: 30 }, (_, i) => `CASE-${i + 1},,WIDGET-BLUE,${i + 2}`);
    // As Excel writes it: BOM, CRLF, a blank line at the end.
    await importCsv(page, "units of measure", `\uFEFFsku,variantId,baseSku,factor\r\n${rows.join("\r\n")}\r\n\r\n`);
    await expect.poll(() => page.getByText("Imported 30 rows: the units of measure now match the file. New orders use them from now on.").isVisible()).toBe(true);
    expect((await storedMapping()).unitsOfMeasure.rows).toHaveLength(30);
    expect(await textbox(page, "Pack SKU", 1).inputValue()).toBe("CASE-1");
    expect(await textbox(page, "Pack SKU", 25).inputValue()).toBe("CASE-25");
    expect(await textbox(page, "Pack SKU", 26).count()).toBe(0); // 25 rows a page
    await page.getByRole("button", { name: "Next" }).click();
    expect(await textbox(page, "Pack SKU", 30).inputValue()).toBe("CASE-30");
    await page.getByRole("textbox", { name: "Find packs" }).fill("case-17");
    expect(await textbox(page, "Units per pack", 17).inputValue()).toBe("18");
    await expect.poll(() => page.getByRole("textbox", { name: /^Pack SKU, row/ }).count()).toBe(1);

    // Edited in place and checked while typing; saved with the rest.
    await textbox(page, "Units per pack", 17).fill("0");
    await expect.poll(() => fieldError(textbox(page, "Units per pack", 17))).toBe("“0” is too small: use at least 1.");
    await textbox(page, "Units per pack", 17).fill("24");
    await page.getByRole("checkbox", { name: /Split backorders/ }).check();
    await save(page);
    await expect.poll(() => page.getByText("Settings saved. New orders use them from now on.").isVisible()).toBe(true);
    const saved = await storedMapping();
    expect(saved.unitsOfMeasure.rows[16]).toEqual({ sku: "CASE-17", variantId: null, baseSku: "WIDGET-BLUE", factor: 24 });
    expect(saved.backorderSplit).toBe(true);
    await screenshot(page, "mapping-settings-5-good-import");
  });

  it("edits a warehouse's profile: inline errors on its values, then service codes, SKU rules and required fields saved", async () => {
    await resetMapping();
    const page = pages.page;
    await open(page, `/app/settings/connections/${connectionId}`, "Mintsoft Leeds");
    const longest = page.getByRole("spinbutton", { name: "Longest SKU" });
    await longest.fill("0");
    await expect.poll(() => fieldError(longest)).toBe("“0” is too small: use at least 1.");
    const prefix = page.getByRole("textbox", { name: "Order key prefix" });
    await prefix.fill("LB-01");
    await expect.poll(() => fieldError(prefix)).toBe("“LB-01” is not 1 to 6 letters or digits.");
    await screenshot(page, "mapping-settings-6-connection-errors");
    await save(page);
    expect(await bannerItems(page, /^Nothing was saved/)).toEqual([
      "Order key prefix of Mintsoft Leeds: “LB-01” is not 1 to 6 letters or digits.",
      "Longest SKU of Mintsoft Leeds: “0” is too small: use at least 1.",
    ]);

    await longest.fill("20");
    await prefix.fill("LB01");
    await page.getByRole("button", { name: "Add service code" }).click();
    await page.getByRole("combobox", { name: "Match on, row 3" }).selectOption("carrier");
    await textbox(page, "Shipping method", 3).fill("DPD");
    await textbox(page, "Warehouse service code", 3).fill("DPD-NEXT");
    await page.getByRole("combobox", { name: "Characters the warehouse accepts" }).selectOption({ label: "Letters and digits only" });
    await page.getByRole("checkbox", { name: "Phone number" }).check();
    await page.getByRole("table", { name: "SKU aliases" }).getByRole("button", { name: "Remove row 1" }).click();
    await save(page);
    await expect.poll(() => page.getByText("Settings saved. New orders use them from now on.").isVisible()).toBe(true);
    await screenshot(page, "mapping-settings-7-connection-saved");

    const profile = (await storedMapping()).connections.find((c) => c.connectionId === connectionId);
    expect(profile).toMatchObject({
      orderKeyPrefix: "LB01",
      serviceCodes: { rows: [{ matchOn: "title", value: "Standard Delivery", serviceCode: "STD" }, { matchOn: "code", value: "EXPRESS, B2B", serviceCode: "NDAY" }, { matchOn: "carrier", value: "DPD", serviceCode: "DPD-NEXT" }] },
      sku: { maxLength: 20, allowedCharacters: "A-Za-z0-9", aliases: [] },
      requiredFields: { phone: true, poNumber: false },
    });
  });

  it("shows what is mapped on the overview and leads to each part", async () => {
    await resetMapping();
    const page = pages.page;
    await open(page, "/app/settings", "Mapping settings");
    expect(await page.getByText("1 facility, 1 routing rule.").isVisible()).toBe(true);
    expect(await page.getByText("1 pack mapped to base units.").isVisible()).toBe(true);
    expect(await page.getByText("2 service codes, 1 SKU alias").isVisible()).toBe(true);
    expect(await page.getByText("None: no order waits for a mapping fix.").isVisible()).toBe(true);
    await screenshot(page, "mapping-settings-8-overview");
    await page.getByRole("link", { name: "Edit settings of Mintsoft Leeds" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Service codes" }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe(`/app/settings/connections/${connectionId}`);
    expect((await fetch(`${appUrl}/app/settings/connections/no-such-connection`)).status).toBe(404);
  });
});
