// The dispatch and stock cursors share `warehouse_connection.pollCursor`: storing one never loses the
// other, also when a poll brings no cursor yet (nothing despatched so far).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSql, type Sql } from "~/lib/sql.server";
import { SqlDispatchRepository } from "~/persistence/dispatches.repo.server";
import { SqlStockPolls } from "~/persistence/stock-polls.repo.server";
import { createTestDatabase, type TestDatabase } from "../support/database";

const SHOP = "poll-cursors.myshopify.com";
let database: TestDatabase;
let sql: Sql;
let connectionId: string;

beforeAll(async () => {
  database = await createTestDatabase("poll_cursors");
  sql = createSql(database.url);
  await database.db.shop.create({ data: { domain: SHOP } });
  connectionId = (await database.db.warehouseConnection.create({ data: { shop: SHOP, name: "Mintsoft", provider: "mintsoft" } })).id;
});
afterAll(async () => {
  await sql?.close();
  await database?.drop();
});

describe("poll cursors", () => {
  it("a dispatch poll without a cursor keeps the stock cursor, and each keeps the other's", async () => {
    const dispatches = new SqlDispatchRepository(sql);
    const stock = new SqlStockPolls(sql);
    await stock.storeStockPage(SHOP, connectionId, [], "2026-11-23T10:00:00.000Z", "poll-snapshot");
    await dispatches.storePage(SHOP, connectionId, [], null);
    expect(await stock.stockCursor(SHOP, connectionId)).toBe("2026-11-23T10:00:00.000Z");
    await dispatches.storePage(SHOP, connectionId, [], "2026-11-23T09:00:00.000Z");
    await stock.storeStockPage(SHOP, connectionId, [], "2026-11-23T11:00:00.000Z", "poll-delta");
    expect(await dispatches.cursor(SHOP, connectionId)).toBe("2026-11-23T09:00:00.000Z");
    expect(await stock.stockCursor(SHOP, connectionId)).toBe("2026-11-23T11:00:00.000Z");
  });
});
