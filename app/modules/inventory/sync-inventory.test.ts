// The full sync against in-memory fakes of its ports: the catalogue arrives in parts, and items that no
// other item shares a SKU with (in this read so far, and in the last read, if any) are written before the
// last part is read, while items that may share a SKU wait for the whole catalogue.
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { compileUnits } from "~/modules/mapping/units-of-measure";
import type { CatalogPart, InventoryStore, ShopifyInventory } from "./inventory.ports";
import type { ShopifyVariant } from "./item-map";
import type { StockFigure } from "./sellable-stock";
import { syncInventory } from "./sync-inventory.use-case";

const LOC = "gid://shopify/Location/1";
const variant = (id: string, sku: string): ShopifyVariant => ({ variantId: `v-${id}`, inventoryItemId: id, sku, title: `Product ${id}`, tracked: true });
const part = (...variants: ShopifyVariant[]): CatalogPart => ({ variants, levels: variants.map((v) => ({ inventoryItemId: v.inventoryItemId, locationId: LOC, quantity: 0 })) });
const figure = (sku: string): StockFigure => ({ connectionId: "c1", facilityCode: "LEEDS", baseSku: sku, freeQuantity: 40, asOf: new Date(), source: "snapshot", basis: "on_hand" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface FakeOptions {
  /** Shopify answers no write until the whole catalogue is read (writes lag behind the read, as on a first sync). */
  answerAfterRead?: boolean;
  /** Items whose first write Shopify answers as stale (an order moved the figure). */
  staleOnce?: string[];
  /** Loadbay's figures answer only once a part of the catalogue has been read (or after 300 ms). */
  slowFigures?: boolean;
}

function fakes(previous: { inventoryItemId: string; sku: string | null; problemKey: string | null }[], parts: CatalogPart[], options: FakeOptions = {}) {
  const sent: string[] = [];
  const written: string[] = [];
  const writtenBeforeLastPart: string[] = [];
  const problems: string[] = [];
  const stale = new Set(options.staleOnce);
  let firstWrite: () => void = () => undefined;
  const aWrite = new Promise<void>((resolve) => (firstWrite = resolve));
  let readDone: () => void = () => undefined;
  const read = new Promise<void>((resolve) => (readDone = resolve));
  let partRead: () => void = () => undefined;
  const aPart = new Promise<void>((resolve) => (partRead = resolve));
  const order: string[] = [];
  const shopify: ShopifyInventory = {
    async readCatalog(_shop, callbacks = {}) {
      const whole: CatalogPart = { variants: [], levels: [] };
      for (const [i, p] of parts.entries()) {
        if (i === parts.length - 1) {
          // Give early writes a moment to start; when nothing goes early, the timeout goes on.
          await Promise.race([aWrite, sleep(200)]);
          writtenBeforeLastPart.push(...written);
        }
        callbacks.onPart?.(p);
        order.push("part read");
        partRead();
        whole.variants.push(...p.variants);
        whole.levels.push(...p.levels);
      }
      readDone();
      return { ok: true, value: whole, points: 10 };
    },
    reread: async (_shop, rows) => ({ ok: true, value: rows.map((r) => ({ ...r, quantity: 1 })), points: 0 }),
    async setQuantities(_shop, batch) {
      sent.push(...batch.rows.map((r) => r.inventoryItemId));
      firstWrite();
      if (options.answerAfterRead) await read.then(() => sleep(10));
      const staleAt = batch.rows.findIndex((r) => stale.delete(r.inventoryItemId));
      if (staleAt >= 0) return { ok: true, value: { userErrors: [{ code: "CHANGE_FROM_QUANTITY_STALE", field: ["input", "quantities", String(staleAt), "changeFromQuantity"], message: "stale" }] }, points: 10 };
      written.push(...batch.rows.map((r) => `${r.inventoryItemId}=${r.quantity}`));
      return { ok: true, value: { userErrors: [] }, points: 10 };
    },
  };
  const store: InventoryStore = {
    context: async () => ({ facilities: [{ code: "LEEDS", connectionId: "c1", shopifyLocationId: LOC }], units: compileUnits({ rows: [], packSkuPattern: "^(CASE|PACK)-?\\d+", packTitlePattern: "\\bcase of \\d+\\b" }), buffers: { global: null, perSku: new Map() }, skewMs: 0, fullSyncEveryMinutes: 15 }),
    async figures() {
      if (options.slowFigures) await Promise.race([aPart, sleep(300)]);
      order.push("figures loaded");
      return ["A", "B", "D"].map(figure);
    },
    demand: async () => [],
    previousItems: async () => previous,
    saveItemMap: async () => undefined,
    itemsFor: async () => [],
    readings: async () => [],
    saveReadings: async () => undefined,
    saveDrift: async () => undefined,
    saveProblems: async (_shop, found) => void problems.push(...found.map((p) => p.key)),
    startRun: async () => "run-1",
    progress: async () => undefined,
    finishRun: async () => undefined,
    claimPending: async () => [],
    markPending: async () => undefined,
  };
  return { shopify, store, sent, written, writtenBeforeLastPart, problems, order };
}

const run = async (f: ReturnType<typeof fakes>) => {
  const result = await syncInventory({ shopify: f.shopify, store: f.store, log: pino({ level: "silent" }) }, { shop: "s" });
  expect(result.status).toBe("done");
  // No item is ever written twice in one sync.
  expect(new Set(f.written.map((w) => w.split("=")[0])).size).toBe(f.written.length);
  return f;
};

const parts = () => [part(variant("a", "A"), variant("b", "B")), part(variant("c", "b"), variant("d", "D"))];
const lastRead = (...items: string[]) => items.map((x) => ({ inventoryItemId: x.split(":")[0]!, sku: x.split(":")[1]!, problemKey: null }));

describe("syncInventory in parts", () => {
  it("writes items the last read saw alone with their SKU while the rest is still being read", async () => {
    const f = await run(fakes(lastRead("a:A", "b:B", "d:D"), parts()));
    expect(f.writtenBeforeLastPart.sort()).toEqual(["a=40", "b=40"]);
    // c shares b's SKU: found with the whole catalogue, never written; b went early this once (early-items.ts).
    expect(f.written.sort()).toEqual(["a=40", "b=40", "d=40"]);
    expect(f.problems).toContain("sku-ambiguous:B");
  });

  it("writes unique SKUs early on a first read (no previous map)", async () => {
    const f = await run(fakes([], [part(variant("a", "A"), variant("b", "B")), part(variant("d", "D"))]));
    expect(f.writtenBeforeLastPart.sort()).toEqual(["a=40", "b=40"]);
    expect(f.written.sort()).toEqual(["a=40", "b=40", "d=40"]);
  });

  it("holds on a first read a SKU that turns up twice in one part, and writes neither item", async () => {
    const f = await run(fakes([], [part(variant("a", "A"), variant("b", "B"), variant("c", " b")), part(variant("d", "D"))]));
    expect(f.writtenBeforeLastPart).toEqual(["a=40"]);
    expect(f.written.sort()).toEqual(["a=40", "d=40"]);
    expect(f.problems).toContain("sku-ambiguous:B");
  });

  it("on a first read, refuses both items when a later part shows a second item with an early item's SKU: the early one written once, the second never", async () => {
    const f = await run(fakes([], parts()));
    expect(f.writtenBeforeLastPart.sort()).toEqual(["a=40", "b=40"]);
    expect(f.written.sort()).toEqual(["a=40", "b=40", "d=40"]);
    expect(f.sent.filter((id) => id === "b")).toEqual(["b"]);
    expect(f.sent).not.toContain("c");
    expect(f.problems).toContain("sku-ambiguous:B");
  });

  it("starts reading the catalogue while its own records load, and plans the parts read meanwhile once they have", async () => {
    const f = await run(fakes([], parts(), { slowFigures: true }));
    expect(f.order.slice(0, 2)).toEqual(["part read", "figures loaded"]);
    expect(f.written.sort()).toEqual(["a=40", "b=40", "d=40"]);
  });

  it("fails the run with the read's error when the read breaks while its own records load", async () => {
    const f = fakes([], parts(), { slowFigures: true });
    f.shopify.readCatalog = () => Promise.reject(new Error("bulk operation file answered HTTP 500"));
    await expect(syncInventory({ shopify: f.shopify, store: f.store, log: pino({ level: "silent" }) }, { shop: "s" })).rejects.toThrow("HTTP 500");
    expect(f.sent).toEqual([]);
  });

  it("writes an item read in two parts (slices that overlap) once", async () => {
    const f = await run(fakes([], [part(variant("a", "A")), part(variant("a", "A"), variant("d", "D"))]));
    expect(f.sent.filter((id) => id === "a")).toEqual(["a"]);
  });

  it("does not send an early item the whole catalogue refuses when its part's writes had not started", async () => {
    const f = await run(fakes([], [part(variant("a", "A")), part(variant("b", "B")), part(variant("c", "b"), variant("d", "D"))], { answerAfterRead: true }));
    expect(f.written.sort()).toEqual(["a=40", "d=40"]);
    expect(f.sent).not.toContain("b");
  });

  it("does not write again, after a stale answer, an early item the whole catalogue has refused since", async () => {
    const f = await run(fakes([], parts(), { answerAfterRead: true, staleOnce: ["b"] }));
    expect(f.written.sort()).toEqual(["a=40", "d=40"]);
    expect(f.sent.filter((id) => id === "b")).toEqual(["b"]);
  });
});
