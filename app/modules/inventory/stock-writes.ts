// Planning the writes to Shopify (DESIGN.md invariant 4): only rows that differ from what Shopify was last
// read to hold, through `inventorySetQuantities` with `changeFromQuantity` = that reading on every row, in
// batches of at most 250 with each item+location once, each batch under its own `@idempotent` key.
//
// The key is a digest of everything the call sends (shop, quantity name, reason, reference, and every
// row with the generation of the reading it compares against). A retry of the same write rebuilds the same
// batches (rows are sorted, so input order does not matter) and so the same key: Shopify answers it once.
// After a re-read the rows carry a new generation, so the write is a new operation with a new key, even
// when the re-read returns the same number (the quantity moved away and back). Shopify refuses one key
// for different parameters (`IDEMPOTENCY_KEY_PARAMETER_MISMATCH`), which is why every parameter is in it.
import { createHash } from "node:crypto";
import { inventoryProblem, type InventoryProblem } from "./inventory-problem";
import { SHOPIFY_MAX_QUANTITY } from "./quantities";

/** Shopify: "Any input array holds at most 250 items" (platform facts). */
export const MAX_ROWS_PER_CALL = 250;

export interface DesiredQuantity {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
}

/** What Shopify held when Loadbay last read it. */
export interface ShopifyReading {
  inventoryItemId: string;
  locationId: string;
  /** The "available" quantity; null when the item is not stocked at the location (nothing to set). */
  quantity: number | null;
  readAt: Date;
  /** Goes up every time Loadbay re-reads this item at this location. */
  generation: number;
}

export interface WriteRow {
  inventoryItemId: string;
  locationId: string;
  quantity: number;
  changeFromQuantity: number;
  generation: number;
}

export interface WriteBatch {
  idempotencyKey: string;
  rows: WriteRow[];
}

export interface WriteOptions {
  shop: string;
  name?: "available";
  reason?: string;
  referenceDocumentUri?: string | null;
  /** Readings older than this are read again before anything is written against them. */
  maxReadAgeMs: number;
  now: Date;
  batchSize?: number;
}

export interface WritePlan {
  batches: WriteBatch[];
  /** Rows with no reading, or one too old: read these, then plan again. */
  toRead: DesiredQuantity[];
  /** Items not stocked at the location: Loadbay does not activate them. */
  notStocked: DesiredQuantity[];
  unchanged: number;
  problems: InventoryProblem[];
}

export function planStockWrites(desired: DesiredQuantity[], readings: ShopifyReading[], options: WriteOptions): WritePlan {
  const plan: WritePlan = { batches: [], toRead: [], notStocked: [], unchanged: 0, problems: [] };
  const read = new Map(readings.map((r) => [rowKey(r), r]));
  const keyed: [string, WriteRow][] = [];
  for (const [key, want] of distinct(desired, plan.problems)) {
    const reading = read.get(key);
    if (!reading || options.now.getTime() - reading.readAt.getTime() > options.maxReadAgeMs) plan.toRead.push(want);
    else if (reading.quantity === null) plan.notStocked.push(want);
    else if (reading.quantity === want.quantity) plan.unchanged++;
    else keyed.push([key, { ...want, changeFromQuantity: reading.quantity, generation: reading.generation }]);
  }
  const rows = byKey(keyed);
  const size = Math.max(1, Math.min(MAX_ROWS_PER_CALL, Math.floor(options.batchSize ?? MAX_ROWS_PER_CALL)));
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    plan.batches.push({ idempotencyKey: writeKey(batch, options), rows: batch });
  }
  return plan;
}

/**
 * The `@idempotent` key of one call. Deterministic: the same rows from the same readings give the same
 * key; any other quantity, reading generation or parameter gives another.
 */
export function writeKey(rows: WriteRow[], options: Pick<WriteOptions, "shop" | "name" | "reason" | "referenceDocumentUri">): string {
  const sorted = byKey(rows.map((r) => [rowKey(r), r]));
  const parts = [options.shop, options.name ?? "available", options.reason ?? "correction", options.referenceDocumentUri ?? null, sorted.map((r) => [r.inventoryItemId, r.locationId, r.quantity, r.changeFromQuantity, r.generation])];
  return `loadbay-inv-${createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 40)}`;
}

/** Each item+location once, with its row key: the same figure twice is one row, two different figures are a bug upstream. */
function distinct(desired: DesiredQuantity[], problems: InventoryProblem[]): [string, DesiredQuantity][] {
  const byRow = new Map<string, DesiredQuantity[]>();
  for (const d of desired) {
    const key = rowKey(d);
    const wants = byRow.get(key);
    if (wants) wants.push(d);
    else byRow.set(key, [d]);
  }
  const result: [string, DesiredQuantity][] = [];
  for (const [key, wants] of byRow) {
    const first = wants[0];
    if (!first) continue;
    if (!Number.isSafeInteger(first.quantity) || first.quantity < 0 || first.quantity > SHOPIFY_MAX_QUANTITY) problems.push(invalidQuantity(key, first));
    else if (wants.some((w) => w.quantity !== first.quantity)) problems.push(conflicting(key, wants));
    else result.push([key, first]);
  }
  return result;
}

const rowKey = (r: { inventoryItemId: string; locationId: string }) => `${r.inventoryItemId}\u0000${r.locationId}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Rows sorted by their keys, each key built once (a full sync sorts 200,000 rows). */
const byKey = <T>(keyed: [string, T][]): T[] => keyed.sort(([a], [b]) => compare(a, b)).map(([, row]) => row);

const invalidQuantity = (key: string, want: DesiredQuantity) =>
  inventoryProblem(
    "invalid-quantity",
    key.replace("\u0000", "@"),
    `Loadbay worked out ${String(want.quantity)} as the stock of inventory item ${want.inventoryItemId}, which Shopify cannot hold, so it was not written.`,
    { ...want, quantity: String(want.quantity) },
  );

const conflicting = (key: string, wants: DesiredQuantity[]) =>
  inventoryProblem(
    "conflicting-quantities",
    key.replace("\u0000", "@"),
    `Inventory item ${wants[0]?.inventoryItemId} at one location was given ${wants.map((w) => w.quantity).join(" and ")} in the same update, so neither was written. Check that each facility has its own Shopify location.`,
    { quantities: wants.map((w) => w.quantity), inventoryItemId: wants[0]?.inventoryItemId, locationId: wants[0]?.locationId },
  );
