// The mapping settings store on PostgreSQL: a save replaces only shop.settings.mapping, moves the shop
// row's updatedAt on (so every process compiles the new settings), keeps concurrent saves of
// different sections, and never touches another shop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sectionForm } from "~/modules/mapping/mapping-sections";
import { mappingSettingsAdmin } from "~/modules/mapping/mapping-settings-admin";
import type { MappingSettings } from "~/modules/mapping/mapping-settings.schema";
import { loadMappingSettings } from "~/persistence/mapping-settings.server";
import { PrismaMappingSettingsStore } from "~/persistence/mapping-settings.repo.server";
import { mappingSettingsInput } from "../support/factories/mapping-settings";
import { createTestDatabase, type TestDatabase } from "../support/database";

const A = "settings-a.myshopify.com";
const B = "settings-b.myshopify.com";
let database: TestDatabase;
let store: PrismaMappingSettingsStore;

beforeAll(async () => {
  database = await createTestDatabase("settings_store");
  store = new PrismaMappingSettingsStore(database.db);
  await database.db.shop.createMany({
    data: [
      { domain: A, settings: asJson({ release: { approvalTag: "approved" }, mapping: mappingSettingsInput() }) },
      { domain: B, settings: asJson({ mapping: mappingSettingsInput({ backorderSplit: true }) }) },
    ],
  });
});
afterAll(() => database?.drop());

/** Plain JSON, as Prisma's Json input wants it. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
const admin = () => mappingSettingsAdmin({ store, exceptions: { countsByKind: async () => [] }, connections: { list: async () => [] } });
const shopRow = (domain: string) => database.db.shop.findUniqueOrThrow({ where: { domain } });

describe("mapping settings store", () => {
  it("replaces only the mapping, keeps other settings and moves updatedAt on", async () => {
    const before = await shopRow(A);
    const b = await shopRow(B);
    const read = await store.read(A);
    const form = sectionForm(read!.stored as Record<string, unknown>, { section: "units" });
    const saved = await admin().save({ shop: A, form: { ...form, backorderSplit: true, unitsOfMeasure: { ...form.unitsOfMeasure, rows: [{ sku: "CASE-6", variantId: "", baseSku: "W", factor: "6" }] } } });
    expect(saved.ok).toBe(true);

    const after = await shopRow(A);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    const settings = after.settings as { release: unknown; mapping: { backorderSplit: boolean; unitsOfMeasure: { rows: unknown[] }; facilities: unknown[] } };
    expect(settings.release).toEqual({ approvalTag: "approved" });
    expect(settings.mapping.backorderSplit).toBe(true);
    expect(settings.mapping.unitsOfMeasure.rows).toEqual([{ sku: "CASE-6", variantId: null, baseSku: "W", factor: 6 }]);
    expect(settings.mapping.facilities).toHaveLength(2);
    expect(await shopRow(B)).toEqual(b);

    // What the order pipeline compiles follows the save, because the version (updatedAt) moved.
    const compiled = loadMappingSettings(A, before.settings, before.updatedAt);
    const fresh = loadMappingSettings(A, after.settings, after.updatedAt);
    expect(compiled.ok && compiled.value.settings.backorderSplit).toBe(false);
    expect(fresh.ok && fresh.value.settings.backorderSplit).toBe(true);
  });

  it("moves updatedAt on even for two saves within one millisecond", async () => {
    const stamps: number[] = [];
    for (let i = 0; i < 5; i++) {
      await store.update(A, (stored) => ({ write: stored as MappingSettings, result: null }));
      stamps.push((await shopRow(A)).updatedAt.getTime());
    }
    expect(new Set(stamps).size).toBe(5);
  });

  it("keeps a change committed while a save waited for the shop row (no lost update)", async () => {
    await store.update(A, (stored) => ({ write: { ...(stored as MappingSettings), backorderSplit: false }, result: null }));
    const routing = sectionForm((await store.read(A))!.stored as Record<string, unknown>, { section: "routing" });
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // Another writer holds the row and changes another section; the save starts meanwhile.
    const other = database.db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "shop" SET "settings" = jsonb_set("settings", '{mapping,backorderSplit}', 'true'::jsonb) WHERE "domain" = ${A}`;
      locked();
      await released;
    });
    await isLocked;
    const save = admin().save({ shop: A, form: { ...routing, routing: { ...routing.routing, defaultFacilityCode: "MK" } } });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await other;
    expect((await save).ok).toBe(true);
    const mapping = ((await shopRow(A)).settings as { mapping: { routing: { defaultFacilityCode: string }; backorderSplit: boolean } }).mapping;
    expect(mapping.routing.defaultFacilityCode).toBe("MK");
    expect(mapping.backorderSplit).toBe(true);
  });

  it("refuses an invalid document and an unknown shop without writing", async () => {
    const before = await shopRow(A);
    const form = sectionForm((await store.read(A))!.stored as Record<string, unknown>, { section: "routing" });
    const refused = await admin().save({ shop: A, form: { ...form, routing: { ...form.routing, defaultFacilityCode: "NOWHERE" } } });
    expect(refused).toMatchObject({ ok: false, reason: "invalid" });
    expect(await shopRow(A)).toEqual(before);
    expect(await admin().save({ shop: "nobody.myshopify.com", form })).toMatchObject({ ok: false, reason: "not-found" });
    expect(await store.read("nobody.myshopify.com")).toBeNull();
  });
});
