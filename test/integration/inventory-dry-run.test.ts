// A shop in dry run sends nothing anywhere: no full reconciliation is scheduled for it and no stock
// sync finds a context to write with; going live turns both on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSql, type Sql } from "~/lib/sql.server";
import { SqlInventoryStore } from "~/persistence/inventory.repo.server";
import { SqlStockPolls } from "~/persistence/stock-polls.repo.server";
import { mappingSettingsInput } from "../support/factories/mapping-settings";
import { createTestDatabase, type TestDatabase } from "../support/database";

const SHOP = "inventory-dry-run.myshopify.com";
let database: TestDatabase;
let sql: Sql;

beforeAll(async () => {
  database = await createTestDatabase("inventory_dry_run");
  sql = createSql(database.url);
  await database.db.shop.create({ data: { domain: SHOP, dryRun: true, settings: JSON.parse(JSON.stringify({ mapping: mappingSettingsInput() })) } });
  await database.db.warehouseConnection.create({ data: { shop: SHOP, name: "Mintsoft", provider: "mintsoft" } });
});
afterAll(async () => {
  await sql?.close();
  await database?.drop();
});

describe("inventory sync and dry run", () => {
  it("leaves a shop in dry run alone, and takes it up once it goes live", async () => {
    const store = new SqlInventoryStore(sql);
    const polls = new SqlStockPolls(sql);
    expect(await store.context(SHOP)).toBeNull();
    expect((await polls.fullSyncCandidates()).map((c) => c.shop)).not.toContain(SHOP);

    await database.db.shop.update({ where: { domain: SHOP }, data: { dryRun: false } });
    expect(await store.context(SHOP)).toMatchObject({ facilities: [expect.objectContaining({ code: "LEEDS" }), expect.objectContaining({ code: "MK" })] });
    expect((await polls.fullSyncCandidates()).map((c) => c.shop)).toContain(SHOP);
  });
});
