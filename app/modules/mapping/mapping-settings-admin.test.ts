import { beforeEach, describe, expect, it } from "vitest";
import { mappingSettingsInput } from "../../../test/support/factories/mapping-settings";
import { describeCsvError, exportRows } from "./mapping-csv";
import { sectionForm, type RoutingForm } from "./mapping-sections";
import { mappingSettingsAdmin, type MappingSettingsAdmin } from "./mapping-settings-admin";
import type { MappingSettingsStore } from "./mapping-settings.ports";
import { mappingSettingsSchema, type MappingSettings } from "./mapping-settings.schema";
import { describeIssueView } from "./settings-issue-view";

const SHOP = "a.myshopify.com";

/** shop.settings.mapping in memory; `writes` counts what a save stored. */
class MemoryStore implements MappingSettingsStore {
  writes = 0;
  constructor(public stored: unknown) {}
  async read(shop: string) {
    return shop === SHOP ? { stored: this.stored } : null;
  }
  async update<T>(shop: string, change: (stored: unknown) => { write: MappingSettings | null; result: T }) {
    if (shop !== SHOP) return null;
    const { write, result } = change(structuredClone(this.stored));
    if (write) {
      this.stored = JSON.parse(JSON.stringify(write));
      this.writes++;
    }
    return result;
  }
}

let store: MemoryStore;
let admin: MappingSettingsAdmin;
const OPEN = [{ kind: "unmapped-service", count: 2 }, { kind: "protected-data", count: 1 }];

beforeEach(() => {
  store = new MemoryStore(mappingSettingsSchema.parse(mappingSettingsInput()));
  admin = mappingSettingsAdmin({
    store,
    exceptions: { countsByKind: async () => OPEN },
    connections: { list: async () => [{ id: "gxo", name: "GXO Leeds", provider: "mintsoft", enabled: true, createdAt: new Date(), hasCredentials: true }] },
  });
});

const stored = () => mappingSettingsSchema.parse(store.stored);
const routingForm = () => sectionForm(stored(), { section: "routing" });
const addRule = (form: RoutingForm, facilityCode: string): RoutingForm => ({
  ...form,
  routing: { ...form.routing, rules: [...form.routing.rules, { name: "North", facilityCode, country: "GB", postcodePrefix: "LS;BD", postcodePattern: "", customerGroup: "", company: "", tag: "", skuPrefix: "" }] },
});

describe("saving a section", () => {
  it("stores the section and leaves the rest of the document as it was", async () => {
    const before = stored();
    const result = await admin.save({ shop: SHOP, form: addRule(routingForm(), "mk") });
    expect(result).toEqual({ ok: true, openExceptions: [{ kind: "unmapped-service", count: 2 }] });
    expect(stored().routing.rules).toEqual([
      { name: "North", facilityCode: "MK", conditions: { country: ["GB"], postcodePrefix: ["LS", "BD"], postcodePattern: null, customerGroup: [], company: [], tag: [], skuPrefix: [] } },
    ]);
    expect({ ...stored(), routing: before.routing }).toEqual(before);
  });

  it("refuses a rule to a facility that does not exist, saying where, and stores nothing", async () => {
    const result = await admin.save({ shop: SHOP, form: addRule(routingForm(), "NOWHERE") });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("invalid");
    expect(result.message).toBe("Nothing was saved: fix the one problem below, then save again.");
    expect(result.issues).toEqual([
      { message: "There is no facility NOWHERE.", where: "Routing rules, row 1, Facility", section: "routing", connectionId: null, cell: { kind: "routing-rules", row: 0, field: "facilityCode" }, field: null },
    ]);
    expect(store.writes).toBe(0);
  });

  it("lists every problem at once: a bad cell does not hide an unknown facility or a bad default", async () => {
    const form = addRule(addRule(routingForm(), "NOWHERE"), "MK");
    form.routing.rules[1]!.country = "GB;Britain";
    form.routing.defaultFacilityCode = "ELSEWHERE";
    form.facilities[1]!.name = "";
    const result = await admin.save({ shop: SHOP, form });
    expect(!result.ok && result.issues.map(describeIssueView)).toEqual([
      "Facilities, row 2, Name: This cannot be empty.",
      "Routing rules, row 2, Countries: “Britain” is not a two-letter country code.",
      "Routing rules, row 1, Facility: There is no facility NOWHERE.",
      "Default facility: There is no facility ELSEWHERE.",
    ]);
  });

  it("refuses a page that shows an older version of the section", async () => {
    const form = routingForm();
    expect((await admin.save({ shop: SHOP, form: addRule(form, "MK") })).ok).toBe(true);
    const again = await admin.save({ shop: SHOP, form: addRule(form, "LEEDS") });
    expect(again).toMatchObject({ ok: false, reason: "stale" });
    expect(stored().routing.rules.map((r) => r.facilityCode)).toEqual(["MK"]);
  });

  it("gives a connection without a profile one, with the merchant's values", async () => {
    const form = sectionForm(stored(), { section: "connection", connectionId: "new-wms" });
    expect(form).toMatchObject({ name: "", orderKeyPrefix: "LB", sku: { maxLength: "50", mode: "reject" }, references: { poNumber: "poNumber" } });
    const result = await admin.save({
      shop: SHOP,
      form: { ...form, name: "New WMS", serviceCodes: { rows: [{ matchOn: "code", value: "STANDARD", serviceCode: "STD" }], defaultCode: "" }, references: { ...form.references, poNumber: "" } },
    });
    expect(result.ok).toBe(true);
    expect(stored().connections.find((c) => c.connectionId === "new-wms")).toMatchObject({
      name: "New WMS",
      serviceCodes: { rows: [{ matchOn: "code", value: "STANDARD", serviceCode: "STD" }], defaultCode: null },
      references: { poNumber: null, orderNumber: "orderNumber" },
    });
  });

  it("places a connection's problems on its own fields and tables", async () => {
    const form = sectionForm(stored(), { section: "connection", connectionId: "whistl" });
    form.sku.maxLength = "0";
    form.sku.aliases = [{ sku: "A", warehouseSku: "B" }, { sku: "B", warehouseSku: "A" }];
    form.serviceCodes.rows.push({ matchOn: "title", value: "express  b2b", serviceCode: "X" });
    const result = await admin.save({ shop: SHOP, form });
    expect(!result.ok && result.issues.map((i) => [i.where, i.field ?? i.cell, i.message])).toEqual([
      ["Longest SKU of Whistl", "sku.maxLength", "“0” is too small: use at least 1."],
      ["Service codes of Whistl, row 2, Shipping method", { kind: "service-codes", row: 1, field: "value" }, "There is more than one service code for title EXPRESS B2B."],
      ["SKU aliases of Whistl", { kind: "sku-aliases", row: null, field: null }, "The aliases loop: A → B → A."],
    ]);
  });

  it("keeps a form built from the stored settings unchanged when saved as it is", async () => {
    const before = stored();
    for (const ref of [{ section: "routing" }, { section: "units" }, { section: "connection", connectionId: "whistl" }] as const) {
      expect((await admin.save({ shop: SHOP, form: sectionForm(stored(), ref) })).ok).toBe(true);
    }
    expect(stored()).toEqual(before);
  });
});

describe("importing a table", () => {
  it("replaces the table when every row is good", async () => {
    const result = await admin.importTable({ shop: SHOP, table: { kind: "units-of-measure", connectionId: null }, text: "sku,baseSku,factor\nCASE-6,W,6\nCASE-24,W,24\n" });
    expect(result).toMatchObject({ ok: true, count: 2, message: "Imported 2 rows: the units of measure now match the file." });
    expect(stored().unitsOfMeasure.rows.map((r) => r.sku)).toEqual(["CASE-6", "CASE-24"]);
  });

  it("changes nothing when a row is bad, listing each by its row in the file", async () => {
    const before = JSON.stringify(store.stored);
    const result = await admin.importTable({ shop: SHOP, table: { kind: "units-of-measure", connectionId: null }, text: "sku,baseSku,factor\nCASE-6,W,6\n\nCASE-0,W,0\ncase-6,W,2\n" });
    expect(!result.ok && result.errors.map(describeCsvError)).toEqual(["Row 4, factor: “0” is too small: use at least 1."]);
    expect(!result.ok && result.message).toBe("Nothing was imported: one row needs fixing. The units of measure are unchanged.");
    // Row errors come first; cross-row problems (the duplicate on row 5) follow once every row reads.
    const second = await admin.importTable({ shop: SHOP, table: { kind: "units-of-measure", connectionId: null }, text: "sku,baseSku,factor\nCASE-6,W,6\n\ncase-6,W,2\n" });
    expect(!second.ok && second.errors.map(describeCsvError)).toEqual(["Row 4, sku: There is more than one unit-of-measure row for SKU CASE-6."]);
    expect(JSON.stringify(store.stored)).toBe(before);
  });

  it("reports a rule to an unknown facility on the file's row", async () => {
    const result = await admin.importTable({ shop: SHOP, table: { kind: "routing-rules", connectionId: null }, text: "name,facilityCode\nA,LEEDS\nB,NOWHERE\n" });
    expect(!result.ok && result.errors.map(describeCsvError)).toEqual(["Row 3, facilityCode: There is no facility NOWHERE."]);
  });

  it("refuses facilities that would leave settings elsewhere pointing at nothing, saying where", async () => {
    await admin.save({ shop: SHOP, form: addRule(routingForm(), "MK") });
    const text = "code,name,connectionId,shopifyLocationId\nLEEDS,GXO Leeds,gxo,gid://shopify/Location/1\n";
    const result = await admin.importTable({ shop: SHOP, table: { kind: "facilities", connectionId: null }, text });
    expect(!result.ok && result.errors.map(describeCsvError)).toEqual(["Routing rules, row 1, Facility: There is no facility MK."]);
    expect(!result.ok && result.message).toBe("Nothing was imported: the file would leave other settings with problems. The facilities are unchanged.");
  });

  it("refuses a connection's table for a connection that does not exist", async () => {
    const result = await admin.importTable({ shop: SHOP, table: { kind: "sku-aliases", connectionId: "nobody" }, text: "sku,warehouseSku\nA,B\n" });
    expect(result).toEqual({ ok: false, message: "This warehouse connection does not exist. Open the settings from the list of warehouses and try again.", errors: [] });
    expect(store.writes).toBe(0);
  });

  it("imports a connection's service codes into its own profile only", async () => {
    const result = await admin.importTable({ shop: SHOP, table: { kind: "service-codes", connectionId: "gxo" }, text: "value,serviceCode\nPallet Express Next Day,PALLET\n" });
    expect(result.ok).toBe(true);
    const [gxo, whistl] = stored().connections;
    expect(gxo?.serviceCodes.rows).toEqual([{ matchOn: "title", value: "Pallet Express Next Day", serviceCode: "PALLET" }]);
    expect(whistl?.serviceCodes.rows).toEqual([{ matchOn: "title", value: "Express B2B", serviceCode: "WHI_EXP" }]);
  });
});

describe("reading and exporting", () => {
  it("exports a table with a file name saying what it holds", async () => {
    const file = await admin.exportTable({ shop: SHOP, table: { kind: "service-codes", connectionId: "gxo" } });
    expect(file).toEqual({ filename: "loadbay-service-codes-gxo-leeds.csv", text: exportRows({ kind: "service-codes", connectionId: "gxo" }, stored()) });
    expect(await admin.exportTable({ shop: "other.myshopify.com", table: { kind: "facilities", connectionId: null } })).toBeNull();
  });

  it("shows stored settings that no longer validate as they are, with their problems", async () => {
    store.stored = { ...mappingSettingsInput(), unitsOfMeasure: { rows: [{ sku: "CASE-6", baseSku: "W", factor: 6 }, { sku: "CASE-X", baseSku: "W", factor: 0 }] } };
    const view = await admin.read(SHOP);
    expect(view?.problems.map(describeIssueView)).toEqual(["Units of measure, row 2, Units per pack: “0” is too small: use at least 1."]);
    expect(sectionForm(view!.doc, { section: "units" }).unitsOfMeasure.rows).toEqual([
      { sku: "CASE-6", variantId: "", baseSku: "W", factor: "6" },
      { sku: "CASE-X", variantId: "", baseSku: "W", factor: "0" },
    ]);
    expect(view?.connections).toEqual([{ id: "gxo", name: "GXO Leeds", provider: "mintsoft" }]);
  });
});
