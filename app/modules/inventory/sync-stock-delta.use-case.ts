// The delta path: a warehouse figure was stored, so only its base SKUs are worked out again and written,
// within a second of the figure arriving. It works from the item map and the readings the full sync left
// (rows with no reading, or one too old, are read first); `changeFromQuantity` guards against anything
// Shopify sold meanwhile, and a stale answer is re-read and worked out again.
import type { Logger } from "pino";
import type { InventoryStore, ShopifyInventory } from "./inventory.ports";
import { desiredFor } from "./desired-quantities";
import { planStockWrites, type ShopifyReading } from "./stock-writes";
import { nextGeneration, writeStock } from "./write-stock";

export interface SyncStockDeltaDeps {
  shopify: ShopifyInventory;
  store: InventoryStore;
  log: Logger;
  now?: () => Date;
  /** Readings older than this are read again before a write leans on them. */
  maxReadAgeMs?: number;
}

export type DeltaResult =
  | { status: "done"; skus: number; written: number; calls: number }
  | { status: "nothing"; note: string }
  | { status: "retry"; message: string };

const REASON = "correction";

export async function syncStockDelta(deps: SyncStockDeltaDeps, job: { shop: string }): Promise<DeltaResult> {
  const { shop } = job;
  const now = deps.now ?? (() => new Date());
  const context = await deps.store.context(shop);
  if (!context) return { status: "nothing", note: "the shop is not installed, or is in dry run" };
  const keys = await deps.store.claimPending(shop);
  if (keys.length === 0) return { status: "nothing", note: "no stock changed" };
  const items = await deps.store.itemsFor(shop, keys);
  const desired = await desiredFor(deps.store, shop, context, items);
  const readings = await deps.store.readings(shop, [...new Set(items.map((i) => i.inventoryItemId))]);
  let plan = planStockWrites(desired, readings, { shop, reason: REASON, maxReadAgeMs: deps.maxReadAgeMs ?? 24 * 3_600_000, now: now() });
  if (plan.toRead.length > 0) {
    const read = await deps.shopify.reread(shop, plan.toRead);
    if (!read.ok) return await putBack(deps, shop, keys, read.error.message);
    const at = now();
    const previous = new Map(readings.map((r) => [`${r.inventoryItemId}|${r.locationId}`, r.generation]));
    const fresh: ShopifyReading[] = read.value.map((l) => ({ ...l, readAt: at, generation: nextGeneration(previous.get(`${l.inventoryItemId}|${l.locationId}`), at) }));
    await deps.store.saveReadings(shop, fresh);
    plan = planStockWrites(desired, [...readings, ...fresh], { shop, reason: REASON, maxReadAgeMs: Number.POSITIVE_INFINITY, now: at });
  }
  const saves: Promise<void>[] = [];
  const byItem = new Map(items.map((i) => [i.inventoryItemId, i]));
  const written = await writeStock(
    {
      shopify: deps.shopify,
      recompute: (rows) => desiredFor(deps.store, shop, context, rows.flatMap((r) => byItem.get(r.inventoryItemId) ?? []), rows),
      onReadings: (fresh) => saves.push(deps.store.saveReadings(shop, fresh)),
      now,
    },
    plan.batches,
    { shop, reason: REASON, concurrency: 2 },
  );
  await Promise.all(saves);
  if (!written.ok) return await putBack(deps, shop, keys, written.message);
  return { status: "done", skus: keys.length, written: written.counts.written, calls: written.counts.calls };
}

async function putBack(deps: SyncStockDeltaDeps, shop: string, keys: string[], message: string): Promise<DeltaResult> {
  await deps.store.markPending(shop, keys);
  deps.log.warn({ shop, skus: keys.length, message }, "stock delta not written; it will be tried again");
  return { status: "retry", message };
}
