// What the inventory use cases need from the outside: Shopify's inventory (read in bulk, re-read a few
// rows, write quantities) and Loadbay's own records (figures, demand, maps, readings, runs).
import type { Facility } from "~/modules/mapping/mapping-settings.schema";
import type { CompiledUnits } from "~/modules/mapping/units-of-measure";
import type { InventoryProblem } from "./inventory-problem";
import type { ShopifyVariant, StockedItem } from "./item-map";
import type { DemandLine } from "./open-demand";
import type { Buffers } from "./safety-buffer";
import type { StockFigure } from "./sellable-stock";
import type { ShopifyReading, WriteBatch } from "./stock-writes";
import type { WriteUserError } from "./write-answer";

export type ShopifyFailure =
  | { kind: "throttled"; message: string; retryAfterMs: number }
  | { kind: "unauthorized"; message: string }
  | { kind: "invalid-request"; message: string }
  | { kind: "unavailable"; message: string }
  /** A write that may or may not have landed: send it again under the same key. */
  | { kind: "ambiguous"; message: string };

export type ShopifyResult<T> = { ok: true; value: T; points: number } | { ok: false; error: ShopifyFailure; points: number };

export interface LevelRead {
  inventoryItemId: string;
  locationId: string;
  /** null: not stocked at the location. */
  quantity: number | null;
}

export interface CatalogPart {
  variants: ShopifyVariant[];
  levels: LevelRead[];
}

export interface ShopifyInventory {
  /**
   * Every inventory item with its variant and its "available" at each location (bulk operations). The
   * catalogue may arrive in parts (slices by item id); `onPart` sees each part as soon as it is read, and
   * the answer is the whole catalogue, which alone can show that two items share a SKU.
   */
  readCatalog(shop: string, options?: { onPart?(part: CatalogPart): void }): Promise<ShopifyResult<CatalogPart>>;
  /** Shopify's "available" for a few item × location rows, read now. */
  reread(shop: string, rows: { inventoryItemId: string; locationId: string }[]): Promise<ShopifyResult<LevelRead[]>>;
  /** One `inventorySetQuantities` call under the batch's `@idempotent` key. */
  setQuantities(shop: string, batch: WriteBatch, reason: string): Promise<ShopifyResult<{ userErrors: WriteUserError[] }>>;
}

export interface InventoryContext {
  facilities: Pick<Facility, "code" | "connectionId" | "shopifyLocationId">[];
  units: CompiledUnits;
  buffers: Buffers;
  skewMs: number;
  fullSyncEveryMinutes: number;
}

export interface DriftRow {
  inventoryItemId: string;
  locationId: string;
  sku: string | null;
  baseSku: string;
  shopifyQuantity: number;
  warehouseQuantity: number;
  demandQuantity: number;
}

export interface RunProgress {
  phase?: "reading" | "planning" | "writing" | "done";
  total?: number;
  done?: number;
  unchanged?: number;
  stale?: number;
  points?: number;
  writeCalls?: number;
}

export interface InventoryStore {
  context(shop: string): Promise<InventoryContext | null>;
  /** Newest figures, for every base SKU or only those (by lookupKey). */
  figures(shop: string, baseSkuKeys?: string[]): Promise<StockFigure[]>;
  /** Order lines that may still hold stock (not cancelled, not drafts), in base units at their Shopify location. */
  demand(shop: string, units: CompiledUnits): Promise<DemandLine[]>;
  saveItemMap(shop: string, variants: ShopifyVariant[], items: StockedItem[], problems: InventoryProblem[], readAt: Date): Promise<void>;
  itemsFor(shop: string, baseSkuKeys: string[]): Promise<StockedItem[]>;
  /** The item map as the last full read left it: every variant's item, its SKU and the problem that kept it out, if any. */
  previousItems(shop: string): Promise<{ inventoryItemId: string; sku: string | null; problemKey: string | null }[]>;
  readings(shop: string, inventoryItemIds: string[]): Promise<ShopifyReading[]>;
  saveReadings(shop: string, readings: ShopifyReading[]): Promise<void>;
  /** The drift a sync found when it read Shopify (before writing); what it no longer finds leaves the report. */
  saveDrift(shop: string, drift: DriftRow[], seenAt: Date): Promise<void>;
  saveProblems(shop: string, problems: InventoryProblem[]): Promise<void>;
  /** A new run, or null when a full run for the shop is already running (one at a time). */
  startRun(shop: string, kind: "full" | "delta"): Promise<string | null>;
  progress(runId: string, progress: RunProgress): Promise<void>;
  finishRun(runId: string, status: "done" | "failed", message: string | null, progress: RunProgress): Promise<void>;
  /** Takes the SKUs whose figures changed since Shopify was last brought in line (clears their mark). */
  claimPending(shop: string): Promise<string[]>;
  /** Puts SKUs back as pending (a delta that could not finish). */
  markPending(shop: string, baseSkuKeys: string[]): Promise<void>;
}
