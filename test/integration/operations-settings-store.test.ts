// The operations settings store on PostgreSQL: a save replaces only shop.settings.operations, moves the
// shop row's updatedAt on, leaves other shops alone, and a mapping save running at the same moment
// (holding the shop row locked) keeps its key and the operations key both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationsSettingsSchema } from "~/modules/fulfilments/operations-settings.schema";
import { PrismaOperationsSettingsStore } from "~/persistence/operations-settings.repo.server";
import { createTestDatabase, type TestDatabase } from "../support/database";

const A = "ops-a.myshopify.com";
const B = "ops-b.myshopify.com";
let database: TestDatabase;
let store: PrismaOperationsSettingsStore;

beforeAll(async () => {
  database = await createTestDatabase("operations_settings_store");
  store = new PrismaOperationsSettingsStore(database.db);
  await database.db.shop.createMany({
    data: [
      { domain: A, settings: { release: { approvalTag: "approved" }, mapping: { marker: "before" } } },
      { domain: B, settings: { operations: { stuck: { releasedNotSentMinutes: 5 } } } },
    ],
  });
});
afterAll(() => database?.drop());

const settingsOf = async (domain: string) =>
  (await database.db.shop.findUniqueOrThrow({ where: { domain }, select: { settings: true, updatedAt: true } })) as { settings: Record<string, unknown>; updatedAt: Date };
const operations = (minutes: number) => operationsSettingsSchema.parse({ stuck: { releasedNotSentMinutes: minutes } });

describe("operations settings store", () => {
  it("replaces only the operations key, moves updatedAt on and leaves other shops alone", async () => {
    const before = await settingsOf(A);
    expect(await store.writeOperations(A, operations(45))).toBe(true);
    const after = await settingsOf(A);
    expect(after.settings).toEqual({ release: { approvalTag: "approved" }, mapping: { marker: "before" }, operations: operations(45) });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect((await settingsOf(B)).settings).toEqual({ operations: { stuck: { releasedNotSentMinutes: 5 } } });
    expect(await store.writeOperations("unknown.myshopify.com", operations(45))).toBe(false);
  });

  it("keeps a mapping save that holds the shop row while the operations save waits for it", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // What the mapping store does (app/persistence/mapping-settings.repo.server.ts): lock the row, decide,
    // write its key. Here the decision waits until the operations save is under way.
    const mappingSave = database.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "settings" FROM "shop" WHERE "domain" = ${A} FOR UPDATE`;
      locked();
      await held;
      await tx.$executeRaw`UPDATE "shop" SET "settings" = jsonb_set("settings", '{mapping}', '{"marker":"after"}'::jsonb, true) WHERE "domain" = ${A}`;
    });
    await isLocked;
    let operationsDone = false;
    const operationsSave = store.writeOperations(A, operations(90)).then((ok) => ((operationsDone = true), ok));
    await new Promise((r) => setTimeout(r, 200));
    expect(operationsDone).toBe(false); // it waits for the row lock
    release();
    await mappingSave;
    expect(await operationsSave).toBe(true);
    const { settings } = await settingsOf(A);
    expect(settings.mapping).toEqual({ marker: "after" });
    expect(settings.operations).toEqual(operations(90));
    expect(settings.release).toEqual({ approvalTag: "approved" });
  });
});
