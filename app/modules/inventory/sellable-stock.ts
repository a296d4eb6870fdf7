// Sellable stock (DESIGN.md: "available = warehouse free stock − in-flight orders − safety buffer,
// converted to pack units"). Per facility and base SKU there is one pool in base units:
//
//   pool = max(0, free − open demand − buffer)
//
// and every inventory item that sells the base SKU shows the whole pool in its own unit:
// floor(pool ÷ factor). A case of 12 and the singles draw on the same pool, so selling one empties the
// other at the next update; decision 0021 sets out the exposure that leaves between two updates.
// Pure: figures, maps, demand and settings in; rows for Shopify and problems out.
import type { Facility } from "~/modules/mapping/mapping-settings.schema";
import { lookupKey } from "~/modules/mapping/patterns";
import { quoted } from "~/modules/mapping/mapping-problem";
import { inventoryProblem, type InventoryProblem } from "./inventory-problem";
import type { ItemMap, StockedItem } from "./item-map";
import { openDemand, type DemandLine, type StockBasis } from "./open-demand";
import { SHOPIFY_MAX_QUANTITY, whole } from "./quantities";
import { bufferFor, bufferUnits, type Buffers } from "./safety-buffer";

/** The warehouse's latest word on one base SKU at one facility. */
export interface StockFigure {
  connectionId: string;
  facilityCode: string;
  baseSku: string;
  /** Base units as the warehouse reported them; guarded here (NaN, fractions, negatives, absurd sizes). */
  freeQuantity: number;
  /** When the figure was true: the warehouse's own time, or when Loadbay read it if the warehouse gives none. */
  asOf: Date;
  source: "snapshot" | "delta" | "push";
  /** What the figure already takes off for orders the warehouse holds (see open-demand.ts). */
  basis: StockBasis;
}

export interface SellableInput {
  figures: StockFigure[];
  items: ItemMap["byBaseSku"];
  /** The location map: each facility's Shopify location. */
  facilities: Pick<Facility, "code" | "connectionId" | "shopifyLocationId">[];
  demand: DemandLine[];
  buffers: Buffers;
  /** Allowance for the warehouse's clock against Loadbay's. */
  skewMs: number;
}

/** How one pool was worked out, in base units: shown to the merchant next to the figure written. */
export interface Pool {
  connectionId: string;
  facilityCode: string;
  locationId: string;
  baseSku: string;
  asOf: Date;
  free: number;
  demand: number;
  buffer: number;
  units: number;
  deductedOrders: string[];
}

export interface SellableRow {
  inventoryItemId: string;
  locationId: string;
  /** In this item's own unit: packs for a pack item. */
  quantity: number;
  factor: number;
  pool: Pool;
}

export function sellableFor(input: SellableInput): { rows: SellableRow[]; problems: InventoryProblem[] } {
  const { locations, problems } = locationMap(input.facilities);
  const demandAt = groupDemand(input.demand);
  const rows: SellableRow[] = [];
  for (const figure of newestFigures(input.figures)) {
    const locationId = locations.get(facilityKey(figure.connectionId, figure.facilityCode));
    const items = input.items.get(lookupKey(figure.baseSku));
    if (!locationId || !items?.length) continue;
    const pool = poolFor(figure, locationId, demandAt.get(demandKey(locationId, figure.baseSku)) ?? [], input);
    if ("problem" in pool) problems.push(pool.problem);
    else rows.push(...items.map((item) => inOwnUnit(pool, item)));
  }
  return { rows, problems };
}

/** One item's quantity: whole units of its own size, within what Shopify accepts. */
export function inOwnUnit(pool: Pool, item: Pick<StockedItem, "inventoryItemId" | "factor">): SellableRow {
  return { inventoryItemId: item.inventoryItemId, locationId: pool.locationId, quantity: Math.min(SHOPIFY_MAX_QUANTITY, Math.floor(pool.units / item.factor)), factor: item.factor, pool };
}

function poolFor(figure: StockFigure, locationId: string, lines: DemandLine[], input: SellableInput): Pool | { problem: InventoryProblem } {
  const subject = `${figure.connectionId}:${figure.facilityCode}:${lookupKey(figure.baseSku)}`;
  const reported = whole(figure.freeQuantity, "down");
  if (reported === null || reported > SHOPIFY_MAX_QUANTITY) return { problem: badFigure(figure, subject) };
  // A negative figure is a warehouse that has promised more than it holds: nothing to sell, but a real figure.
  const free = Math.max(0, reported);
  const demand = openDemand(lines, figure, input.skewMs);
  if (!demand.ok) return { problem: badDemand(figure, demand.bad, subject) };
  const buffer = bufferUnits(bufferFor(input.buffers, figure.baseSku), free);
  if (buffer === null) return { problem: badBuffer(figure, subject) };
  const units = Math.max(0, free - demand.units - buffer);
  const { connectionId, facilityCode, baseSku, asOf } = figure;
  return { connectionId, facilityCode, locationId, baseSku, asOf, free, demand: demand.units, buffer, units, deductedOrders: demand.orderIds };
}

/** A Shopify location shown by two facilities would get two figures; neither is written. */
function locationMap(facilities: SellableInput["facilities"]) {
  const byLocation = new Map<string, SellableInput["facilities"]>();
  for (const f of facilities) byLocation.set(f.shopifyLocationId, [...(byLocation.get(f.shopifyLocationId) ?? []), f]);
  const locations = new Map<string, string>();
  const problems: InventoryProblem[] = [];
  for (const [locationId, shared] of byLocation) {
    if (shared.length === 1 && shared[0]) locations.set(facilityKey(shared[0].connectionId, shared[0].code), locationId);
    else problems.push(sharedLocation(locationId, shared.map((f) => f.code)));
  }
  return { locations, problems };
}

/** Several figures for one SKU (a snapshot and a later delta): the newest is the warehouse's word. */
function newestFigures(figures: StockFigure[]): StockFigure[] {
  const newest = new Map<string, StockFigure>();
  for (const f of figures) {
    const key = `${facilityKey(f.connectionId, f.facilityCode)}\u0000${lookupKey(f.baseSku)}`;
    const seen = newest.get(key);
    if (!seen || f.asOf.getTime() > seen.asOf.getTime()) newest.set(key, f);
  }
  return [...newest.values()];
}

function groupDemand(lines: DemandLine[]): Map<string, DemandLine[]> {
  const grouped = new Map<string, DemandLine[]>();
  for (const line of lines) {
    const key = demandKey(line.locationId, line.baseSku);
    grouped.set(key, [...(grouped.get(key) ?? []), line]);
  }
  return grouped;
}

const facilityKey = (connectionId: string, facilityCode: string) => `${connectionId}\u0000${facilityCode.trim().toUpperCase()}`;
const demandKey = (locationId: string, baseSku: string) => `${locationId}\u0000${lookupKey(baseSku)}`;

const badFigure = (figure: StockFigure, subject: string) =>
  inventoryProblem(
    "invalid-stock-figure",
    subject,
    `The warehouse reported ${String(figure.freeQuantity)} units of ${quoted(figure.baseSku)} at ${figure.facilityCode}, which is not a stock level Shopify can show, so Shopify keeps its current figure. Check the stock feed with the warehouse.`,
    { ...figure, freeQuantity: String(figure.freeQuantity) },
  );

const badDemand = (figure: StockFigure, line: DemandLine, subject: string) =>
  inventoryProblem(
    "invalid-demand",
    subject,
    `Order ${line.orderId} asks for ${String(line.quantity)} units of ${quoted(figure.baseSku)}, which is not a quantity Loadbay can take off the stock, so Shopify keeps its current figure for it.`,
    { orderId: line.orderId, quantity: String(line.quantity), baseSku: figure.baseSku, facilityCode: figure.facilityCode },
  );

const badBuffer = (figure: StockFigure, subject: string) =>
  inventoryProblem(
    "invalid-buffer",
    subject,
    `The safety buffer for ${quoted(figure.baseSku)} is not a number of units or a percentage from 0 to 100, so its stock is not updated. Fix the buffer in the inventory settings.`,
    { baseSku: figure.baseSku },
  );

const sharedLocation = (locationId: string, codes: string[]) =>
  inventoryProblem(
    "shared-location",
    locationId,
    `Facilities ${codes.join(" and ")} are both mapped to the same Shopify location, so Loadbay cannot tell whose stock to show there and updates neither. Give each facility its own Shopify location.`,
    { locationId, facilityCodes: codes },
  );
