import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShopifySimulator, SimShop } from "./index";
import { at, gql, startTestSimulator } from "./test-support";

const SET = `mutation($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id reason changes(quantityNames: ["available"]) { name delta quantityAfterChange } }
    userErrors { field message code }
  }
}`;

describe("inventorySetQuantities", () => {
  let sim: ShopifySimulator;
  let shop: SimShop;
  let token: string;
  let itemId: string;
  let locationId: string;

  beforeAll(async () => {
    sim = await startTestSimulator();
    shop = sim.createShop("stock.myshopify.com");
    locationId = shop.addLocation({ name: "Main" }).id;
    itemId = shop.addVariant({ sku: "SKU-1", inventory: { [locationId]: 10 } }).inventoryItemId;
    token = sim.issueOfflineToken(shop.domain).accessToken;
  });
  afterAll(() => sim.close());

  const input = (quantities: Record<string, unknown>[]) => ({ name: "available", reason: "correction", referenceDocumentUri: "gid://loadbay/StockSync/1", quantities });
  const row = (quantity: number, changeFromQuantity: number | null) => ({ inventoryItemId: itemId, locationId, quantity, changeFromQuantity });
  const errorsOf = (r: Awaited<ReturnType<typeof gql>>) => at(r.body.data, "inventorySetQuantities", "userErrors");

  it("sets the quantity when changeFromQuantity matches and rejects a stale one", async () => {
    const ok = await gql(sim, token, SET, { input: input([row(25, 10)]), key: "k-ok" });
    expect(at(ok.body.data, "inventorySetQuantities", "inventoryAdjustmentGroup", "changes")).toEqual([{ name: "available", delta: 15, quantityAfterChange: 25 }]);
    expect(shop.inventoryLevel(itemId, locationId)).toMatchObject({ available: 25, on_hand: 25 });
    const stale = await gql(sim, token, SET, { input: input([row(30, 10)]), key: "k-stale" });
    expect(errorsOf(stale)).toEqual([{ field: ["input", "quantities", "0", "changeFromQuantity"], message: "The changeFromQuantity value does not match persisted value.", code: "CHANGE_FROM_QUANTITY_STALE" }]);
    const skip = await gql(sim, token, SET, { input: input([row(30, null)]), key: "k-null" });
    expect(errorsOf(skip)).toEqual([]);
    expect(shop.inventoryLevel(itemId, locationId)?.available).toBe(30);
  });

  it("requires changeFromQuantity on every row and the @idempotent directive", async () => {
    const omitted = await gql(sim, token, SET, { input: input([{ inventoryItemId: itemId, locationId, quantity: 1 }]), key: "k-omit" });
    expect(at(errorsOf(omitted), 0, "field")).toEqual(["input", "quantities", "0", "changeFromQuantity"]);
    const noKey = await gql(sim, token, `mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }`, { input: input([row(1, null)]) });
    expect(noKey.body.data).toEqual({ inventorySetQuantities: null });
    expect(at(noKey.body.errors, 0, "message")).toBe("The @idempotent directive is required for the inventorySetQuantities mutation.");
    expect(shop.inventoryLevel(itemId, locationId)?.available).toBe(30);
  });

  it("caps input arrays at 250 and refuses the same item and location twice", async () => {
    const many = Array.from({ length: 251 }, () => row(1, null));
    const tooMany = await gql(sim, token, SET, { input: input(many), key: "k-251" });
    expect(at(tooMany.body.errors, 0, "extensions", "code")).toBe("MAX_INPUT_SIZE_EXCEEDED");
    expect(at(tooMany.body.errors, 0, "message")).toBe("The input array size of 251 is greater than the maximum allowed of 250.");
    const twice = await gql(sim, token, SET, { input: input([row(5, null), row(6, null)]), key: "k-dup" });
    expect(at(errorsOf(twice), 0, "code")).toBe("NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR");
    expect(shop.inventoryLevel(itemId, locationId)?.available).toBe(30);
  });

  it("replays a retried key, refuses the key with other parameters, and refuses a concurrent duplicate", async () => {
    const first = await gql(sim, token, SET, { input: input([row(40, 30)]), key: "k-retry" });
    const again = await gql(sim, token, SET, { input: input([row(40, 30)]), key: "k-retry" });
    expect(again.body.data).toEqual(first.body.data);
    expect(shop.inventoryLevel(itemId, locationId)?.available).toBe(40);
    const mismatch = await gql(sim, token, SET, { input: input([row(41, 40)]), key: "k-retry" });
    expect(at(errorsOf(mismatch), 0, "code")).toBe("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
    shop.faults.mutationLatencyMs = 50;
    const [a, b] = await Promise.all([
      gql(sim, token, SET, { input: input([row(45, 40)]), key: "k-race" }),
      gql(sim, token, SET, { input: input([row(45, 40)]), key: "k-race" }),
    ]);
    shop.faults.mutationLatencyMs = 0;
    const codes = [a, b].map((r) => at(errorsOf(r), 0, "code") ?? "ok").sort();
    expect(codes).toEqual(["IDEMPOTENCY_CONCURRENT_REQUEST", "ok"]);
    expect(shop.inventoryLevel(itemId, locationId)?.available).toBe(45);
  });

  it("finds inventory items by SKU and reads named quantities", async () => {
    const query = `{ inventoryItems(first: 5, query: "sku:'SKU-1'") { nodes { id sku inventoryLevels(first: 5) { nodes { location { id } quantities(names: ["available", "on_hand", "committed"]) { name quantity } } } } } }`;
    const found = await gql(sim, token, query);
    expect(at(found.body.data, "inventoryItems", "nodes", 0, "inventoryLevels", "nodes", 0, "quantities")).toEqual([
      { name: "available", quantity: 45 },
      { name: "on_hand", quantity: 45 },
      { name: "committed", quantity: 0 },
    ]);
  });
});
