import { describe, expect, it } from "vitest";
import { planStockWrites, type WriteBatch } from "./stock-writes";
import { answerToWrite, type WriteUserError } from "./write-answer";

const NOW = new Date("2026-11-24T10:00:00Z");
const item = (n: number) => `gid://shopify/InventoryItem/${n}`;
const LOC = "gid://shopify/Location/1";
const row = (n: number, generation = 1) => ({ inventoryItemId: item(n), locationId: LOC, quantity: 10, changeFromQuantity: 5, generation });
const BATCH: WriteBatch = { idempotencyKey: "k", rows: [row(1), row(2), row(3)] };
const error = (code: string | null, index?: number | string): WriteUserError => ({
  code,
  field: index === undefined ? null : ["input", "quantities", String(index), "changeFromQuantity"],
  message: `${code} at ${index}`,
});
const ids = (rows: { inventoryItemId: string }[]) => rows.map((r) => r.inventoryItemId.split("/").pop());

describe("answerToWrite", () => {
  it.each([
    { name: "no errors: done", errors: [], answer: { kind: "done" } },
    { name: "the same write still running: send again with the same key", errors: [error("IDEMPOTENCY_CONCURRENT_REQUEST")], answer: { kind: "retry-same-key" } },
    { name: "a bad quantity name is a bug", errors: [error("INVALID_NAME")], answer: { kind: "bug" } },
    { name: "a key reused with other parameters is a bug", errors: [error("IDEMPOTENCY_KEY_PARAMETER_MISMATCH")], answer: { kind: "bug" } },
    { name: "a refusal that names no row is a bug", errors: [error("ITEM_NOT_STOCKED_AT_LOCATION")], answer: { kind: "bug" } },
  ])("$name", ({ errors, answer }) => {
    expect(answerToWrite(BATCH, errors)).toMatchObject(answer);
  });

  it.each([
    { name: "one stale row: re-read that row only", errors: [error("CHANGE_FROM_QUANTITY_STALE", 1)], reread: ["2"], refused: [] },
    { name: "two stale rows", errors: [error("CHANGE_FROM_QUANTITY_STALE", 0), error("CHANGE_FROM_QUANTITY_STALE", 2)], reread: ["1", "3"], refused: [] },
    { name: "stale without a row we can place: re-read the whole batch", errors: [error("CHANGE_FROM_QUANTITY_STALE")], reread: ["1", "2", "3"], refused: [] },
    { name: "stale pointing past the batch: re-read the whole batch", errors: [error("CHANGE_FROM_QUANTITY_STALE", 7)], reread: ["1", "2", "3"], refused: [] },
    { name: "the key is spent: re-read the batch so the retry gets a new key", errors: [error("IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED")], reread: ["1", "2", "3"], refused: [] },
    { name: "an item not stocked there is dropped; the rest go again as they are", errors: [error("ITEM_NOT_STOCKED_AT_LOCATION", 0)], reread: [], refused: ["1"] },
    { name: "a row both stale and refused is only refused", errors: [error("CHANGE_FROM_QUANTITY_STALE", 0), error("INVALID_LOCATION", 0)], reread: [], refused: ["1"] },
    { name: "stale and refused together", errors: [error("CHANGE_FROM_QUANTITY_STALE", 1), error("INVALID_INVENTORY_ITEM", 2)], reread: ["2"], refused: ["3"] },
  ])("$name", ({ errors, reread, refused }) => {
    const answer = answerToWrite(BATCH, errors);
    expect(answer.kind).toBe("replan");
    if (answer.kind !== "replan") return;
    expect({ reread: ids(answer.reread), refused: ids(answer.refused.map((r) => r.row)) }).toEqual({ reread, refused });
  });

  it("after a stale compare and a re-read, the retry is a new write with a new key; a plain retry keeps its key", () => {
    const options = { shop: "a.myshopify.com", maxReadAgeMs: 60_000, now: NOW };
    const desired = [1, 2, 3].map((n) => ({ inventoryItemId: item(n), locationId: LOC, quantity: 10 }));
    const readings = [1, 2, 3].map((n) => ({ inventoryItemId: item(n), locationId: LOC, quantity: 5, readAt: NOW, generation: 1 }));
    const [sent] = planStockWrites(desired, readings, options).batches;
    if (!sent) throw new Error("expected a batch");
    expect(planStockWrites(desired, readings, options).batches[0]?.idempotencyKey).toBe(sent.idempotencyKey);

    const answer = answerToWrite(sent, [error("CHANGE_FROM_QUANTITY_STALE", 1)]);
    if (answer.kind !== "replan") throw new Error("expected a replan");
    // Shopify now holds 4 for item 2 (a sale); the re-read bumps its generation.
    const reread = readings.map((r) => (answer.reread.some((s) => s.inventoryItemId === r.inventoryItemId) ? { ...r, quantity: 4, generation: 2, readAt: NOW } : r));
    const [retry] = planStockWrites(desired, reread, options).batches;
    expect(retry?.idempotencyKey).not.toBe(sent.idempotencyKey);
    expect(retry?.rows.map((r) => r.changeFromQuantity)).toEqual([5, 4, 5]);
  });
});
