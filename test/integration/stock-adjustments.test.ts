// Stock adjustments (EDI 947) on PostgreSQL: applied to the figure held, once per adjustment line, never
// on top of a later snapshot that already has them, and never to a SKU with no figure yet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSql, type Sql } from "~/lib/sql.server";
import { SqlStockPolls } from "~/persistence/stock-polls.repo.server";
import type { StockAdjustmentIn } from "~/modules/transmission/warehouse-connector";
import { createTestDatabase, type TestDatabase } from "../support/database";

const SHOP = "stock-adjustments.myshopify.com";
let database: TestDatabase;
let sql: Sql;
let connectionId: string;
const at = (iso: string) => new Date(`2026-11-23T${iso}Z`);
const adjustment = (id: string, delta: number, time: string, sku = "WIDGET-1"): StockAdjustmentIn => ({ adjustmentId: id, line: 1, facilityCode: "LEEDS", warehouseSku: sku, delta, reasonCode: "07", at: at(time) });

beforeAll(async () => {
  database = await createTestDatabase("stock_adjustments");
  sql = createSql(database.url);
  await database.db.shop.create({ data: { domain: SHOP } });
  connectionId = (await database.db.warehouseConnection.create({ data: { shop: SHOP, name: "GXO", provider: "edi_x12" } })).id;
});
afterAll(async () => {
  await sql?.close();
  await database?.drop();
});

const level = async () => (await database.db.stockLevel.findFirst({ where: { shop: SHOP, connectionId, baseSku: "WIDGET-1" } }))?.freeQuantity;

describe("stock adjustments", () => {
  it("apply once, after the snapshot they follow, and are kept in the history", async () => {
    const polls = new SqlStockPolls(sql);
    await polls.storeStockPage(SHOP, connectionId, [{ facilityCode: "LEEDS", warehouseSku: "WIDGET-1", freeQuantity: 10, asOf: at("10:00:00") }], null, "poll-snapshot");
    const first = await polls.storeStockPage(SHOP, connectionId, [], "c1", "poll-delta", [adjustment("ADJ1", -3, "10:05:00"), adjustment("ADJ9", 5, "10:06:00", "NEVER-SEEN")]);
    expect(first).toHaveLength(1);
    expect(await level()).toBe(7);

    // The same file read again, and an adjustment from before the snapshot: nothing changes.
    expect(await polls.storeStockPage(SHOP, connectionId, [], "c2", "poll-delta", [adjustment("ADJ1", -3, "10:05:00"), adjustment("ADJ0", -4, "09:59:00")])).toEqual([]);
    expect(await level()).toBe(7);

    const history = await database.db.stockChange.findMany({ where: { shop: SHOP, baseSku: "WIDGET-1" }, orderBy: { asOf: "asc" } });
    expect(history.map((h) => [h.freeQuantity, h.source])).toEqual([[10, "poll-snapshot"], [7, "adjustment:ADJ1:1"]]);
    expect(await database.db.stockLevel.count({ where: { shop: SHOP, baseSku: "NEVER-SEEN" } })).toBe(0);
  });
});
