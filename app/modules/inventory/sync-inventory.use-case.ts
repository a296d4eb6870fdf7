// The full reconciliation (issue 9): read every inventory item and its "available" from Shopify in one
// bulk operation, work out what each should show (sellableFor), and write only what differs, in calls of
// at most 250 rows paced by the rate limit. Progress is recorded while it runs so the settings page can
// show it. One full run per shop at a time.
import type { Logger } from "pino";
import { findDrift, readingKey } from "./drift";
import type { InventoryContext, InventoryStore, ShopifyInventory } from "./inventory.ports";
import { buildItemMap, type StockedItem } from "./item-map";
import { sellableFor } from "./sellable-stock";
import { planStockWrites, type ShopifyReading } from "./stock-writes";
import { nextGeneration, writeStock, type WriteCounts } from "./write-stock";
import { desiredFor } from "./desired-quantities";

export interface SyncInventoryDeps {
  shopify: ShopifyInventory;
  store: InventoryStore;
  log: Logger;
  now?: () => Date;
  /** Calls in flight at once; the gateway paces them. */
  concurrency?: number;
}

export type SyncResult =
  | { status: "done"; runId: string; written: number; unchanged: number; calls: number; points: number }
  | { status: "skipped"; note: string }
  | { status: "failed"; runId: string; message: string };

const REASON = "correction";
const PROGRESS_EVERY_MS = 250;

export async function syncInventory(deps: SyncInventoryDeps, job: { shop: string }): Promise<SyncResult> {
  const { shop } = job;
  const context = await deps.store.context(shop);
  if (!context) return { status: "skipped", note: "the shop is not installed, or is in dry run" };
  const runId = await deps.store.startRun(shop, "full");
  if (!runId) return { status: "skipped", note: "a full sync is already running" };
  const now = deps.now ?? (() => new Date());
  const clock = phases();
  try {
    const [catalog, figures, demand] = await Promise.all([deps.shopify.readCatalog(shop), deps.store.figures(shop), deps.store.demand(shop, context.units)]);
    if (!catalog.ok) return await failed(deps, runId, catalog.error.message, catalog.points);
    clock.mark("read");
    const readAt = now();
    const itemMap = buildItemMap(catalog.value.variants, context.units);
    const readings = catalog.value.levels.map((l): ShopifyReading => ({ ...l, readAt, generation: nextGeneration(undefined, readAt) }));
    const sellable = sellableFor({ figures, items: itemMap.byBaseSku, facilities: context.facilities, demand, buffers: context.buffers, skewMs: context.skewMs });
    const plan = planStockWrites(sellable.rows, readings, { shop, reason: REASON, maxReadAgeMs: Number.POSITIVE_INFINITY, now: readAt });
    const total = plan.batches.reduce((n, b) => n + b.rows.length, 0);
    clock.mark("plan");
    await deps.store.progress(runId, { phase: "writing", total, unchanged: plan.unchanged, points: catalog.points });

    // Loadbay's own records are written beside the Shopify writes, in order, so they never hold up the bucket.
    const records = serial();
    const items = [...itemMap.byBaseSku.values()].flat();
    records.add(() => deps.store.saveItemMap(shop, catalog.value.variants, items, itemMap.problems, readAt));
    records.add(() => deps.store.saveReadings(shop, readings));
    const skus = new Map(catalog.value.variants.map((v) => [v.inventoryItemId, v.sku]));
    const drift = findDrift(sellable.rows, new Map(readings.map((r) => [readingKey(r), r])), skus);
    records.add(() => deps.store.saveProblems(shop, [...itemMap.problems, ...sellable.problems, ...plan.problems]));
    records.add(() => deps.store.saveDrift(shop, drift, readAt));

    const byItem = new Map(items.map((i) => [i.inventoryItemId, i]));
    let lastProgress = 0;
    const written = await writeStock(
      {
        shopify: deps.shopify,
        recompute: (rows) => recompute(deps, { shop, context, byItem }, rows),
        onReadings: (fresh) => records.add(() => deps.store.saveReadings(shop, fresh)),
        onProgress: (counts) => {
          if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
          lastProgress = Date.now();
          records.add(() => deps.store.progress(runId, progressOf(counts, catalog.points)));
        },
        now,
      },
      plan.batches,
      { shop, reason: REASON, concurrency: deps.concurrency ?? 4 },
    );
    clock.mark("write");
    // Whether a drift row was corrected is read from the readings (a newer reading or write), not
    // written here: marking 200,000 rows would hold the run open for seconds after the last write.
    await records.done();
    clock.mark("records");
    if (!written.ok) return await failed(deps, runId, written.message, catalog.points + written.counts.points, written.counts);
    await deps.store.finishRun(runId, "done", null, { ...progressOf(written.counts, catalog.points), phase: "done" });
    deps.log.info({ shop, runId, written: written.counts.written, unchanged: plan.unchanged, calls: written.counts.calls, stale: written.counts.stale, drift: drift.length, phasesMs: clock.ms }, "inventory full sync done");
    return { status: "done", runId, written: written.counts.written, unchanged: plan.unchanged, calls: written.counts.calls, points: catalog.points + written.counts.points };
  } catch (error) {
    await deps.store.finishRun(runId, "failed", "The sync stopped on an internal error; it runs again at the next scheduled time.", {}).catch(() => undefined);
    throw error;
  }
}

async function recompute(deps: SyncInventoryDeps, scope: { shop: string; context: InventoryContext; byItem: Map<string, StockedItem> }, rows: { inventoryItemId: string; locationId: string }[]) {
  const items = rows.flatMap((r) => scope.byItem.get(r.inventoryItemId) ?? []);
  return desiredFor(deps.store, scope.shop, scope.context, items, rows);
}

const progressOf = (counts: WriteCounts, readPoints: number) => ({ done: counts.written, stale: counts.stale, writeCalls: counts.calls, points: readPoints + counts.points });

async function failed(deps: SyncInventoryDeps, runId: string, message: string, points: number, counts?: WriteCounts): Promise<SyncResult> {
  await deps.store.finishRun(runId, "failed", message, counts ? progressOf(counts, points - counts.points) : { points });
  return { status: "failed", runId, message };
}

/** Milliseconds each phase took, for the log (where the time goes next to the rate limit's pace). */
function phases() {
  let last = Date.now();
  const ms: Record<string, number> = {};
  return {
    ms,
    mark(name: string) {
      ms[name] = Date.now() - last;
      last = Date.now();
    },
  };
}

/** Runs record writes one after another, in the order they were added. */
function serial() {
  let chain: Promise<unknown> = Promise.resolve();
  let firstError: unknown = null;
  return {
    add(work: () => Promise<unknown>) {
      chain = chain.then(work).catch((error: unknown) => {
        firstError ??= error;
      });
    },
    async done() {
      await chain;
      if (firstError) throw firstError;
    },
  };
}
