import { describe, expect, it } from "vitest";
import { planStockWrites, writeKey, type DesiredQuantity, type ShopifyReading, type WriteOptions } from "./stock-writes";

const NOW = new Date("2026-11-24T10:00:00Z");
const OPTIONS: WriteOptions = { shop: "a.myshopify.com", maxReadAgeMs: 60_000, now: NOW };
const want = (item: number, quantity: number, location = 1): DesiredQuantity => ({ inventoryItemId: `gid://shopify/InventoryItem/${item}`, locationId: `gid://shopify/Location/${location}`, quantity });
const read = (item: number, quantity: number | null, patch: Partial<ShopifyReading> = {}): ShopifyReading => ({
  inventoryItemId: `gid://shopify/InventoryItem/${item}`,
  locationId: "gid://shopify/Location/1",
  quantity,
  readAt: new Date(NOW.getTime() - 1_000),
  generation: 1,
  ...patch,
});
/** n items, each wanted at 10 and read at 0 (all changed). */
const changed = (n: number) => ({
  desired: Array.from({ length: n }, (_, i) => want(i, 10)),
  readings: Array.from({ length: n }, (_, i) => read(i, 0)),
});

describe("planStockWrites: only what changed, with the quantity last read", () => {
  it("writes the changed rows, each comparing against what Shopify was read to hold", () => {
    const plan = planStockWrites([want(1, 5), want(2, 7), want(3, 0)], [read(1, 5), read(2, 9), read(3, 4, { generation: 3 })], OPTIONS);
    expect(plan.unchanged).toBe(1);
    expect(plan.batches.map((b) => b.rows)).toEqual([
      [
        { ...want(2, 7), changeFromQuantity: 9, generation: 1 },
        { ...want(3, 0), changeFromQuantity: 4, generation: 3 },
      ],
    ]);
  });

  it.each([
    { name: "never read", readings: [], toRead: 1, notStocked: 0 },
    { name: "read too long ago", readings: [read(1, 3, { readAt: new Date(NOW.getTime() - 61_000) })], toRead: 1, notStocked: 0 },
    { name: "not stocked at the location", readings: [read(1, null)], toRead: 0, notStocked: 1 },
  ])("does not write a row $name", ({ readings, toRead, notStocked }) => {
    const plan = planStockWrites([want(1, 5)], readings, OPTIONS);
    expect({ batches: plan.batches.length, toRead: plan.toRead.length, notStocked: plan.notStocked.length }).toEqual({ batches: 0, toRead, notStocked });
  });

  it("nothing changed: no call at all", () => {
    const plan = planStockWrites([want(1, 5), want(2, 0)], [read(1, 5), read(2, 0)], OPTIONS);
    expect(plan).toMatchObject({ batches: [], unchanged: 2, toRead: [], notStocked: [], problems: [] });
  });
});

describe("planStockWrites: batches of at most 250", () => {
  it.each([
    { rows: 1, sizes: [1] },
    { rows: 250, sizes: [250] },
    { rows: 251, sizes: [250, 1] },
    { rows: 500, sizes: [250, 250] },
    { rows: 501, sizes: [250, 250, 1] },
  ])("$rows changed rows → $sizes", ({ rows, sizes }) => {
    const { desired, readings } = changed(rows);
    const plan = planStockWrites(desired, readings, OPTIONS);
    expect(plan.batches.map((b) => b.rows.length)).toEqual(sizes);
    expect(new Set(plan.batches.map((b) => b.idempotencyKey)).size).toBe(sizes.length);
  });

  it("a smaller batch size is honoured, a larger one is not", () => {
    const { desired, readings } = changed(30);
    expect(planStockWrites(desired, readings, { ...OPTIONS, batchSize: 10 }).batches.map((b) => b.rows.length)).toEqual([10, 10, 10]);
    expect(planStockWrites(changed(300).desired, changed(300).readings, { ...OPTIONS, batchSize: 1_000 }).batches.map((b) => b.rows.length)).toEqual([250, 50]);
  });

  it("the same item at two locations is two rows; each item+location appears once in a call", () => {
    const desired = [want(1, 5, 1), want(1, 6, 2), want(1, 5, 1)];
    const readings = [read(1, 0), read(1, 0, { locationId: "gid://shopify/Location/2" })];
    const plan = planStockWrites(desired, readings, OPTIONS);
    expect(plan.batches.flatMap((b) => b.rows.map((r) => `${r.inventoryItemId}@${r.locationId}=${r.quantity}`))).toEqual([
      "gid://shopify/InventoryItem/1@gid://shopify/Location/1=5",
      "gid://shopify/InventoryItem/1@gid://shopify/Location/2=6",
    ]);
  });

  it("two different quantities for one item+location: neither is written, and it says why", () => {
    const plan = planStockWrites([want(1, 5), want(1, 6), want(2, 1)], [read(1, 0), read(2, 0)], OPTIONS);
    expect(plan.batches.flatMap((b) => b.rows.map((r) => r.inventoryItemId))).toEqual(["gid://shopify/InventoryItem/2"]);
    expect(plan.problems.map((p) => p.message)).toEqual([
      "Inventory item gid://shopify/InventoryItem/1 at one location was given 5 and 6 in the same update, so neither was written. Check that each facility has its own Shopify location.",
    ]);
  });

  it.each([
    { name: "negative", quantity: -1 },
    { name: "fractional", quantity: 1.5 },
    { name: "not a number", quantity: Number.NaN },
    { name: "above Shopify's limit", quantity: 1_000_000_001 },
  ])("never sends a $name quantity", ({ quantity }) => {
    const plan = planStockWrites([want(1, quantity)], [read(1, 0)], OPTIONS);
    expect(plan.batches).toEqual([]);
    expect(plan.problems.map((p) => p.kind)).toEqual(["invalid-quantity"]);
  });
});

describe("the @idempotent key", () => {
  const { desired, readings } = changed(300);
  const keys = (d: DesiredQuantity[], r: ShopifyReading[], o: Partial<WriteOptions> = {}) => planStockWrites(d, r, { ...OPTIONS, ...o }).batches.map((b) => b.idempotencyKey);
  const first = keys(desired, readings);

  it("is the same for a retry of the same write, whatever order the rows come in", () => {
    expect(keys([...desired].reverse(), [...readings].reverse())).toEqual(first);
  });

  it("is new after a re-read, even when Shopify gives the same quantity again", () => {
    // Re-read one row of the second call only (rows are sorted by id as text, so pick it from the plan).
    const inSecond = planStockWrites(desired, readings, OPTIONS).batches[1]?.rows[0]?.inventoryItemId;
    const reread = readings.map((r) => (r.inventoryItemId === inSecond ? { ...r, generation: 2 } : r));
    const again = keys(desired, reread);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).not.toBe(first[1]);
  });

  it.each([
    { name: "another quantity", change: () => keys(desired.map((d, i) => (i === 0 ? { ...d, quantity: 11 } : d)), readings) },
    { name: "another quantity read", change: () => keys(desired, readings.map((r, i) => (i === 0 ? { ...r, quantity: 1 } : r))) },
    { name: "another shop", change: () => keys(desired, readings, { shop: "b.myshopify.com" }) },
    { name: "another reason", change: () => keys(desired, readings, { reason: "received" }) },
    { name: "another reference document", change: () => keys(desired, readings, { referenceDocumentUri: "gid://loadbay/StockSync/2" }) },
  ])("is new for $name", ({ change }) => {
    expect(change()[0]).not.toBe(first[0]);
  });

  it("does not depend on the order of the rows it is given", () => {
    const rows = planStockWrites(desired.slice(0, 3), readings.slice(0, 3), OPTIONS).batches[0]?.rows ?? [];
    expect(rows).toHaveLength(3);
    expect(writeKey([...rows].reverse(), OPTIONS)).toBe(writeKey(rows, OPTIONS));
  });

  it("stays the same from one version of Loadbay to the next (a retry after a deploy keeps its key)", () => {
    const rows = [
      { inventoryItemId: "gid://shopify/InventoryItem/2", locationId: "gid://shopify/Location/1", quantity: 7, changeFromQuantity: 3, generation: 12 },
      { inventoryItemId: "gid://shopify/InventoryItem/10", locationId: "gid://shopify/Location/1", quantity: 0, changeFromQuantity: 5, generation: 11 },
      { inventoryItemId: "gid://shopify/InventoryItem/2", locationId: "gid://shopify/Location/0", quantity: 1, changeFromQuantity: 0, generation: 1763856000000000 },
    ];
    expect(writeKey(rows, { shop: "a.myshopify.com" })).toBe("loadbay-inv-6d38b1a48fbee1297175caa17557f80724ccc07f");
    expect(writeKey(rows, { shop: "a.myshopify.com", reason: "received", referenceDocumentUri: "gid://loadbay/StockSync/1" })).toBe("loadbay-inv-68ea59cdd352c2ff0ba59d594813632a2a14e0ed");
  });

  it("is a string Shopify accepts and short enough to log", () => {
    expect(first[0]).toMatch(/^loadbay-inv-[0-9a-f]{40}$/);
    expect(writeKey([], { shop: "a" })).toMatch(/^loadbay-inv-/);
  });
});
