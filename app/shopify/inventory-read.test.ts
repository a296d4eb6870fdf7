// The catalogue read against a fake Admin API behind the real gateway: a bulk status poll whose
// connection is reset (the keep-alive race a busy server loses now and then) is asked again, and only a
// poll that keeps going unanswered fails the read.
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { AdminGateway } from "./admin-gateway.server";
import { ShopifyInventoryGateway, slices } from "./inventory.server";

const ITEM = "gid://shopify/InventoryItem/7";
const cost = { requestedQueryCost: 1, actualQueryCost: 1, throttleStatus: { maximumAvailable: 2_000, currentlyAvailable: 2_000, restoreRate: 100 } };

function adminApi(resetPolls: number) {
  const asked: string[] = [];
  let polls = 0;
  const answer = (data: unknown) => new Response(JSON.stringify({ data, extensions: { cost } }), { status: 200, headers: { "content-type": "application/json" } });
  const f: typeof fetch = async (url, init) => {
    if (String(url).endsWith("/bulk.jsonl")) {
      const lines = [{ id: ITEM, sku: "A", tracked: true, variant: { id: "gid://shopify/ProductVariant/7", displayName: "A" } }, { __parentId: ITEM, location: { id: "gid://shopify/Location/1" }, quantities: [{ name: "available", quantity: 3 }] }];
      return new Response(lines.map((l) => JSON.stringify(l)).join("\n"));
    }
    const query = String((JSON.parse(String(init?.body)) as { query: string }).query);
    const name = /(query|mutation) (\w+)/.exec(query)?.[2] ?? "?";
    asked.push(name);
    if (name === "InventoryItemIdBounds") return answer({ lowest: { nodes: [{ id: ITEM }] }, highest: { nodes: [{ id: ITEM }] } });
    if (name === "InventoryBulkRun") return answer({ bulkOperationRunQuery: { bulkOperation: { id: "gid://shopify/BulkOperation/1", status: "CREATED" }, userErrors: [] } });
    if (++polls <= resetPolls) throw new TypeError("fetch failed", { cause: new Error("read ECONNRESET") });
    return answer({ node: { id: "gid://shopify/BulkOperation/1", status: "COMPLETED", errorCode: null, url: "http://files.test/bulk.jsonl", objectCount: "2" } });
  };
  return { fetch: f, asked };
}

const tokens = { accessToken: async () => "token", invalidate: () => undefined, refresh: async () => "token" };

function read(resetPolls: number) {
  const api = adminApi(resetPolls);
  const admin = new AdminGateway({ tokens, adminOrigin: () => "http://shop.test", log: pino({ level: "silent" }), fetch: api.fetch });
  const inventory = new ShopifyInventoryGateway(admin, { fetch: api.fetch, sleep: async () => undefined });
  return { result: inventory.readCatalog("read.myshopify.com"), asked: api.asked };
}

describe("catalogue read", () => {
  it.each([1, 3])("asks again after %i status polls in a row got no answer", async (resets) => {
    const { result, asked } = read(resets);
    const catalog = await result;
    expect(catalog.ok && catalog.value.levels).toEqual([{ inventoryItemId: ITEM, locationId: "gid://shopify/Location/1", quantity: 3 }]);
    expect(asked.filter((n) => n === "InventoryBulkStatus")).toHaveLength(resets + 1);
    expect(asked.filter((n) => n === "InventoryBulkRun")).toHaveLength(1);
  });

  it("fails the read when the polls keep going unanswered", async () => {
    const catalog = await read(4).result;
    expect(catalog.ok).toBe(false);
    expect(!catalog.ok && catalog.error.kind).toBe("unavailable");
  });
});

describe("catalogue slices", () => {
  const cover = (ranges: [number, number][], low: number, high: number) => {
    expect(ranges[0]![0]).toBe(low);
    expect(ranges.at(-1)![1]).toBe(high);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1] + 1);
  };

  it("reads a small first slice, so writing starts early, then even ones, covering the range once", () => {
    const ranges = slices(1, 100_000, 8, 0.25);
    cover(ranges, 1, 100_000);
    expect(ranges[0]).toEqual([1, 3_125]);
    expect(ranges.slice(1).map(([a, b]) => b - a + 1).slice(0, -1)).toEqual(Array(7).fill(12_500));
    expect(ranges).toHaveLength(9);
  });

  it("keeps even slices by default and copes with a range smaller than the count", () => {
    cover(slices(10, 89, 8), 10, 89);
    expect(slices(10, 89, 8)).toHaveLength(8);
    expect(slices(5, 7, 8, 0.25)).toEqual([[5, 5], [6, 6], [7, 7]]);
  });
});
