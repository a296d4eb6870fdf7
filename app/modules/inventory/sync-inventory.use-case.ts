// The full reconciliation (issue 9): read every inventory item and its "available" from Shopify by bulk
// operations, a slice at a time, work out what each should show (sellableFor), and write only what
// differs, in calls of at most 250 rows paced by the rate limit. Progress is recorded while it runs so
// the settings page can show it. One full run per shop at a time.
import type { Logger } from "pino";
import { findDrift, readingKey } from "./drift";
import { lookupKey } from "~/modules/mapping/patterns";
import { earlyItems } from "./early-items";
import type { CatalogPart, InventoryContext, InventoryStore, ShopifyInventory } from "./inventory.ports";
import { buildItemMap, type ShopifyVariant, type StockedItem } from "./item-map";
import type { DemandLine } from "./open-demand";
import { sellableFor, type StockFigure } from "./sellable-stock";
import { planStockWrites, type ShopifyReading, type WriteBatch } from "./stock-writes";
import { nextGeneration, writeStock, type WriteCounts, type WriteStockResult } from "./write-stock";
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
    // The read starts while Loadbay's own records load: until the first write the bucket sits full and
    // its restore is lost, so the first part should not wait for them as well.
    const read = readAsItArrives(deps.shopify, shop, now);
    const [figures, demand, previous] = await Promise.all([deps.store.figures(shop), deps.store.demand(shop, context.units), deps.store.previousItems(shop)]).catch(async (error: unknown) => {
      await read.result.catch(() => undefined);
      throw error;
    });
    clock.mark("load");
    // Parts of the catalogue are planned and written while the rest is still being read (early-items.ts).
    const writer = partWriter(deps, { shop, runId, context, figures, demand, now });
    const split = earlyItems(previous);
    read.onPart((part, readAt) => writer.part(part, split(part.variants).early, readAt));
    const catalog = await read.result;
    if (!catalog.ok) {
      await writer.settled();
      return await failed(deps, runId, catalog.error.message, catalog.points);
    }
    clock.mark("read");
    const readings = writer.readings();
    const itemMap = buildItemMap(catalog.value.variants, context.units);
    const items = [...itemMap.byBaseSku.values()].flat();
    writer.useItems(items);
    const sellable = sellableFor({ figures, items: itemMap.byBaseSku, facilities: context.facilities, demand, buffers: context.buffers, skewMs: context.skewMs });
    // What went early is written (or being written) already; the rest is planned on the whole catalogue.
    const rest = sellable.rows.filter((r) => !writer.planned.has(readingKey(r)));
    const plan = planStockWrites(rest, readings, { shop, reason: REASON, maxReadAgeMs: Number.POSITIVE_INFINITY, now: now() });
    clock.mark("plan");

    // Loadbay's own records are written beside the Shopify writes, in order, so they never hold up the bucket.
    const records = writer.records;
    records.add(() => deps.store.saveItemMap(shop, catalog.value.variants, items, itemMap.problems, readings[0]?.readAt ?? now()));
    records.add(() => deps.store.saveReadings(shop, readings));
    const skus = new Map(catalog.value.variants.map((v) => [v.inventoryItemId, v.sku]));
    const drift = findDrift(sellable.rows, new Map(readings.map((r) => [readingKey(r), r])), skus);
    records.add(() => deps.store.saveProblems(shop, [...itemMap.problems, ...sellable.problems, ...plan.problems]));
    records.add(() => deps.store.saveDrift(shop, drift, readings[0]?.readAt ?? now()));
    // An item that went early but that the whole catalogue refuses (another item shares its SKU): written
    // at most this once, if its part's writes had started; refused from now on.
    const kept = new Set(items.map((i) => i.inventoryItemId));
    const refusedEarly = writer.refuseEarly(kept);

    const written = await writer.last(plan.batches, plan.unchanged, catalog.points);
    clock.mark("write");
    // Whether a drift row was corrected is read from the readings (a newer reading or write), not
    // written here: marking 200,000 rows would hold the run open for seconds after the last write.
    await records.done();
    clock.mark("records");
    if (!written.ok) return await failed(deps, runId, written.message, catalog.points + written.counts.points, written.counts);
    await deps.store.finishRun(runId, "done", null, { ...progressOf(written.counts, catalog.points), phase: "done" });
    const unchanged = writer.unchanged();
    deps.log.info({ shop, runId, written: written.counts.written, unchanged, early: writer.planned.size, refusedEarly, calls: written.counts.calls, stale: written.counts.stale, drift: drift.length, phasesMs: clock.ms }, "inventory full sync done");
    return { status: "done", runId, written: written.counts.written, unchanged, calls: written.counts.calls, points: catalog.points + written.counts.points };
  } catch (error) {
    await deps.store.finishRun(runId, "failed", "The sync stopped on an internal error; it runs again at the next scheduled time.", {}).catch(() => undefined);
    throw error;
  }
}

/**
 * Plans and writes parts of the catalogue as they are read, one part after another (each part's calls
 * are paced by the gateway; a gap between parts only lets the bucket refill), then the rest.
 */
function partWriter(deps: SyncInventoryDeps, scope: { shop: string; runId: string; context: InventoryContext; figures: StockFigure[]; demand: DemandLine[]; now: () => Date }) {
  const { shop, runId, context } = scope;
  const all: ShopifyReading[] = [];
  /** Item × location rows planned early (written, unchanged or refused there). */
  const planned = new Set<string>();
  const byItem = new Map<string, StockedItem>();
  // Each part needs only its own SKUs' figures; grouping once keeps a part's planning in proportion to the part.
  const figuresBySku = new Map<string, StockFigure[]>();
  for (const f of scope.figures) figuresBySku.set(lookupKey(f.baseSku), [...(figuresBySku.get(lookupKey(f.baseSku)) ?? []), f]);
  const records = serial();
  const totals: WriteCounts = { written: 0, calls: 0, stale: 0, refused: [], points: 0 };
  let unchanged = 0;
  let total = 0;
  let readPoints = 0;
  let chain: Promise<WriteStockResult> = Promise.resolve({ ok: true, counts: totals });
  let lastProgress = 0;

  const write = (planned: WriteBatch[]) => {
    chain = chain.then(async (before) => {
      const batches = withoutRefused(planned);
      if (!before.ok || batches.length === 0) return before;
      const result = await writeStock(
        {
          shopify: deps.shopify,
          recompute: (rows) => desiredFor(deps.store, shop, context, rows.flatMap((r) => byItem.get(r.inventoryItemId) ?? []), rows),
          onReadings: (fresh) => records.add(() => deps.store.saveReadings(shop, fresh)),
          onProgress: (counts) => {
            if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
            lastProgress = Date.now();
            records.add(() => deps.store.progress(runId, progressOf(add(totals, counts), readPoints)));
          },
          now: scope.now,
        },
        batches,
        { shop, reason: REASON, concurrency: deps.concurrency ?? 4 },
      );
      Object.assign(totals, add(totals, result.counts));
      return result.ok ? { ok: true, counts: totals } : { ok: false, counts: totals, message: result.message };
    });
  };

  /** Early items the whole catalogue refused: a part whose writes have not started leaves them out. */
  const refused = new Set<string>();
  const withoutRefused = (batches: WriteBatch[]): WriteBatch[] => {
    if (refused.size === 0 || !batches.some((b) => b.rows.some((r) => refused.has(r.inventoryItemId)))) return batches;
    const rows = batches.flatMap((b) => b.rows);
    const left = rows.filter((r) => !refused.has(r.inventoryItemId));
    total -= rows.length - left.length;
    records.add(() => deps.store.progress(runId, { total }));
    // Planned again from the same rows and generations: a batch that keeps all its rows keeps its key.
    const readings = left.map((r): ShopifyReading => ({ inventoryItemId: r.inventoryItemId, locationId: r.locationId, quantity: r.changeFromQuantity, readAt: scope.now(), generation: r.generation }));
    return planStockWrites(left, readings, { shop, reason: REASON, maxReadAgeMs: Number.POSITIVE_INFINITY, now: scope.now() }).batches;
  };

  return {
    planned,
    records,
    readings: () => all,
    unchanged: () => unchanged,
    useItems(items: StockedItem[]) {
      for (const i of items) byItem.set(i.inventoryItemId, i);
    },
    /**
     * Takes out the early items the whole catalogue does not keep (`kept`): parts whose writes have not
     * started leave them out, and a stale answer does not write them again. Answers how many item ×
     * location rows went early and are refused now.
     */
    refuseEarly(kept: Set<string>) {
      const rows = [...planned].filter((k) => !kept.has(k.slice(0, k.indexOf("|"))));
      for (const k of rows) refused.add(k.slice(0, k.indexOf("|")));
      for (const id of refused) byItem.delete(id);
      return rows.length;
    },
    /** A part as read: its readings are kept (with the time they were read), and its early items planned and written. */
    part(part: CatalogPart, early: ShopifyVariant[], readAt: Date) {
      const readings = part.levels.map((l): ShopifyReading => ({ ...l, readAt, generation: nextGeneration(undefined, readAt) }));
      all.push(...readings);
      // An item already planned (slices that overlapped) is not planned twice.
      const map = buildItemMap(early.filter((v) => !byItem.has(v.inventoryItemId)), context.units);
      const items = [...map.byBaseSku.values()].flat();
      if (items.length === 0) return;
      this.useItems(items);
      const figures = [...map.byBaseSku.keys()].flatMap((key) => figuresBySku.get(key) ?? []);
      const sellable = sellableFor({ figures, items: map.byBaseSku, facilities: context.facilities, demand: scope.demand, buffers: context.buffers, skewMs: context.skewMs });
      const plan = planStockWrites(sellable.rows, readings, { shop, reason: REASON, maxReadAgeMs: Number.POSITIVE_INFINITY, now: readAt });
      for (const r of sellable.rows) planned.add(readingKey(r));
      unchanged += plan.unchanged;
      total += plan.batches.reduce((n, b) => n + b.rows.length, 0);
      records.add(() => deps.store.progress(runId, { phase: "writing", total, unchanged }));
      write(plan.batches);
    },
    /** The rest, planned on the whole catalogue; answers when every write has been seen through. */
    async last(batches: WriteBatch[], restUnchanged: number, points: number) {
      readPoints = points;
      unchanged += restUnchanged;
      total += batches.reduce((n, b) => n + b.rows.length, 0);
      records.add(() => deps.store.progress(runId, { phase: "writing", total, unchanged, points }));
      write(batches);
      return chain;
    },
    settled: () => chain.then(() => records.done()).catch(() => undefined),
  };
}

/**
 * Starts reading the catalogue now and hands each part, with the time it arrived, to the handler set by
 * `onPart`; parts that arrive before there is one wait for it.
 */
function readAsItArrives(shopify: ShopifyInventory, shop: string, now: () => Date) {
  const waiting: [CatalogPart, Date][] = [];
  let handle: ((part: CatalogPart, readAt: Date) => void) | null = null;
  const result = shopify.readCatalog(shop, { onPart: (part) => (handle ? handle(part, now()) : void waiting.push([part, now()])) });
  // Awaited by the caller; this only keeps a failure that comes while the records load from going unhandled.
  result.catch(() => undefined);
  return {
    result,
    onPart(handler: (part: CatalogPart, readAt: Date) => void) {
      handle = handler;
      for (const [part, readAt] of waiting.splice(0)) handler(part, readAt);
    },
  };
}

const add = (a: WriteCounts, b: WriteCounts): WriteCounts => ({ written: a.written + b.written, calls: a.calls + b.calls, stale: a.stale + b.stale, refused: [...a.refused, ...b.refused], points: a.points + b.points });

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
