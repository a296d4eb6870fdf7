// The inventory page (/app/inventory): the latest full sync with its progress, "Run full sync now", and the
// drift report. Whether a drift row has been corrected is judged from Shopify's newest reading of that
// item × location (a later read or Loadbay's own write), not from a flag a sync would have to set.
import { durationInWords } from "~/modules/operations/duration-words";
import { parseMappingSettings } from "~/modules/mapping/mapping-settings.schema";
import type { InventoryAdminReader, InventorySettingsStore, StoredDrift, SyncRunView } from "./inventory-admin.ports";

export const DRIFT_PAGE_SIZE = 50;
/** A run that has said nothing for this long is not shown as running (the worker died); decision 0021. */
const RUN_GIVES_UP_MS = 2 * 3_600_000;

export interface RunSummary extends Omit<SyncRunView, "startedAt" | "finishedAt"> {
  startedAt: string;
  finishedAt: string | null;
  running: boolean;
  /** 0–100: rows written of rows to write; 100 once done. */
  percent: number;
}

export interface DriftLine {
  key: string;
  item: string;
  sku: string | null;
  baseSku: string;
  location: string;
  shopify: number;
  warehouse: number;
  demand: number;
  age: string;
  corrected: boolean;
}

export interface InventoryPage {
  run: RunSummary | null;
  drift: { rows: DriftLine[]; total: number; page: number; pages: number };
}

interface Deps {
  reader: InventoryAdminReader;
  settings: Pick<InventorySettingsStore, "read">;
  now: () => Date;
}

export async function readInventoryPage(deps: Deps, shop: string, page: number): Promise<InventoryPage> {
  const wanted = Math.max(1, Math.floor(page) || 1);
  const [run, drift, stored] = await Promise.all([
    deps.reader.latestFullRun(shop),
    deps.reader.drift(shop, { offset: (wanted - 1) * DRIFT_PAGE_SIZE, limit: DRIFT_PAGE_SIZE }),
    deps.settings.read(shop),
  ]);
  const now = deps.now();
  const locationNames = facilityNamesByLocation(stored?.settings);
  return {
    run: run && summarise(run, now),
    drift: {
      rows: drift.rows.map((d) => driftLine(d, now, locationNames)),
      total: drift.total,
      page: wanted,
      pages: Math.max(1, Math.ceil(drift.total / DRIFT_PAGE_SIZE)),
    },
  };
}

export function summarise(run: SyncRunView, now: Date): RunSummary {
  const running = run.status === "running" && now.getTime() - run.startedAt.getTime() < RUN_GIVES_UP_MS;
  const percent = run.status === "done" ? 100 : run.total > 0 ? Math.min(100, Math.floor((run.done / run.total) * 100)) : 0;
  return { ...run, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null, running, percent };
}

/**
 * Corrected: Shopify has been read (or written) since the sync that saw the drift, and that newest
 * quantity sits where the warehouse and open demand explain it (the rule `findDrift` applies).
 */
export function isCorrected(d: Pick<StoredDrift, "lastSeenAt" | "latestQuantity" | "latestReadAt" | "warehouseQuantity" | "demandQuantity">): boolean {
  if (d.latestReadAt === null || d.latestQuantity === null) return false;
  if (d.latestReadAt.getTime() <= d.lastSeenAt.getTime()) return false;
  return d.latestQuantity <= d.warehouseQuantity && d.warehouseQuantity - d.latestQuantity <= d.demandQuantity;
}

function driftLine(d: StoredDrift, now: Date, locations: Map<string, string>): DriftLine {
  return {
    key: `${d.inventoryItemId}|${d.locationId}`,
    item: d.title ?? d.inventoryItemId,
    sku: d.sku,
    baseSku: d.baseSku,
    location: locations.get(d.locationId) ?? d.locationId,
    shopify: d.shopifyQuantity,
    warehouse: d.warehouseQuantity,
    demand: d.demandQuantity,
    age: durationInWords(now.getTime() - d.firstSeenAt.getTime()),
    corrected: isCorrected(d),
  };
}

function facilityNamesByLocation(settings: unknown): Map<string, string> {
  const mapping = parseMappingSettings((settings as { mapping?: unknown } | null)?.mapping);
  if (!mapping.ok) return new Map();
  return new Map(mapping.value.facilities.map((f) => [f.shopifyLocationId, `${f.name} (${f.code})`]));
}

export type FullSyncRequest = "queued" | "running" | "not-installed";

/** "Run full sync now": the same job the schedule enqueues, refused while a full run is going. */
export async function requestFullSync(
  deps: { reader: Pick<InventoryAdminReader, "latestFullRun">; settings: Pick<InventorySettingsStore, "read">; enqueueFullSync(job: { shop: string }): Promise<void>; now: () => Date },
  shop: string,
): Promise<FullSyncRequest> {
  if (!(await deps.settings.read(shop))) return "not-installed";
  const run = await deps.reader.latestFullRun(shop);
  if (run && summarise(run, deps.now()).running) return "running";
  await deps.enqueueFullSync({ shop });
  return "queued";
}
