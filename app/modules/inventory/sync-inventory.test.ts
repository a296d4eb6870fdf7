// The full sync against in-memory fakes of its ports: the catalogue arrives in two parts, and items the
// last read saw alone with their SKU are written before the second part is read, while items that may
// share a SKU wait for the whole catalogue.
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

function fakes(previous: { inventoryItemId: string; sku: string | null; problemKey: string | null }[], parts: CatalogPart[]) {
  const written: string[] = [];
  const writtenBeforeLastPart: string[] = [];
  const problems: string[] = [];
  let firstWrite: () => void = () => undefined;
  const aWrite = new Promise<void>((resolve) => (firstWrite = resolve));
  const shopify: ShopifyInventory = {
    async readCatalog(_shop, options = {}) {
      const whole: CatalogPart = { variants: [], levels: [] };
      for (const [i, p] of parts.entries()) {
        if (i === parts.length - 1) {
          // Give early writes a moment to start; on a first read there are none, and the timeout goes on.
          await Promise.race([aWrite, new Promise((resolve) => setTimeout(resolve, 200))]);
          writtenBeforeLastPart.push(...written);
        }
        options.onPart?.(p);
        whole.variants.push(...p.variants);
        whole.levels.push(...p.levels);
      }
      return { ok: true, value: whole, points: 10 };
    },
    reread: async () => ({ ok: true, value: [], points: 0 }),
    async setQuantities(_shop, batch) {
      written.push(...batch.rows.map((r) => `${r.inventoryItemId}=${r.quantity}`));
      firstWrite();
      return { ok: true, value: { userErrors: [] }, points: 10 };
    },
  };
  const store: InventoryStore = {
    context: async () => ({ facilities: [{ code: "LEEDS", connectionId: "c1", shopifyLocationId: LOC }], units: compileUnits({ rows: [], packSkuPattern: "^(CASE|PACK)-?\\d+", packTitlePattern: "\\bcase of \\d+\\b" }), buffers: { global: null, perSku: new Map() }, skewMs: 0, fullSyncEveryMinutes: 15 }),
    figures: async () => ["A", "B", "D"].map(figure),
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
  return { shopify, store, written, writtenBeforeLastPart, problems };
}

const parts = () => [part(variant("a", "A"), variant("b", "B")), part(variant("c", "b"), variant("d", "D"))];

describe("syncInventory in parts", () => {
  it("writes items the last read saw alone with their SKU while the rest is still being read", async () => {
    const previous = ["a:A", "b:B", "d:D"].map((x) => ({ inventoryItemId: x.split(":")[0]!, sku: x.split(":")[1]!, problemKey: null }));
    const f = fakes(previous, parts());
    const result = await syncInventory({ shopify: f.shopify, store: f.store, log: pino({ level: "silent" }) }, { shop: "s" });
    expect(result.status).toBe("done");
    expect(f.writtenBeforeLastPart.sort()).toEqual(["a=40", "b=40"]);
    // c shares b's SKU: found with the whole catalogue, never written; b went early this once (early-items.ts).
    expect(f.written.sort()).toEqual(["a=40", "b=40", "d=40"]);
    expect(f.problems.some((k) => k.startsWith("sku-ambiguous"))).toBe(true);
  });

  it("holds every SKU-matched item until the whole catalogue is read when there is no previous read", async () => {
    const f = fakes([], parts());
    const result = await syncInventory({ shopify: f.shopify, store: f.store, log: pino({ level: "silent" }) }, { shop: "s" });
    expect(result.status).toBe("done");
    expect(f.writtenBeforeLastPart).toEqual([]);
    expect(f.written.sort()).toEqual(["a=40", "d=40"]);
  });
});
