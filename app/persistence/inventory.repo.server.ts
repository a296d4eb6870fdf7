// PostgreSQL side of inventory sync, on node-postgres (decision 0016): the delta path runs for every
// stock change, and the full sync moves 200,000 readings, so rows go in and out as arrays (unnest).
import { NOW_UTC, type Sql } from "~/lib/sql.server";
import { lineUnits } from "~/modules/mapping/units-of-measure";
import type { CompiledUnits } from "~/modules/mapping/units-of-measure";
import type { InventoryProblem } from "~/modules/inventory/inventory-problem";
import { buffersOf, parseInventorySettings } from "~/modules/inventory/inventory-settings.schema";
import type { DriftRow, InventoryContext, InventoryStore, RunProgress } from "~/modules/inventory/inventory.ports";
import type { ShopifyVariant, StockedItem } from "~/modules/inventory/item-map";
import type { DemandLine, StockBasis } from "~/modules/inventory/open-demand";
import type { StockFigure } from "~/modules/inventory/sellable-stock";
import type { ShopifyReading } from "~/modules/inventory/stock-writes";
import type { OrderFacts } from "~/modules/orders/order-facts";
import type { OrderState } from "~/modules/orders/orders.ports";
import { lookupKey } from "~/modules/mapping/patterns";
import { applyExceptions } from "./exceptions.server";
import { loadMappingSettings } from "./mapping-settings.server";

const CHUNK = 10_000;
/** lookupKey in SQL: trimmed, inner spaces folded, upper case. */
const SKU_KEY = (column: string) => `upper(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;
const INVENTORY_KINDS = ["sku-ambiguous", "unmapped-pack", "invalid-stock-figure", "invalid-demand", "invalid-buffer", "shared-location", "conflicting-quantities", "invalid-quantity"];

export class SqlInventoryStore implements InventoryStore {
  constructor(private readonly sql: Sql) {}

  async context(shop: string): Promise<InventoryContext | null> {
    const { rows } = await this.sql.run<{ settings: unknown; updatedAt: Date }>(
      "inventory-context",
      // A shop in dry run sends nothing anywhere, stock to Shopify included (its pending changes wait).
      `SELECT settings, "updatedAt" FROM shop WHERE domain = $1 AND "uninstalledAt" IS NULL AND NOT "dryRun"`,
      [shop],
    );
    const row = rows[0];
    if (!row) return null;
    const mapping = loadMappingSettings(shop, row.settings, row.updatedAt);
    if (!mapping.ok) return null;
    const settings = parseInventorySettings((row.settings as { inventory?: unknown } | null)?.inventory);
    return {
      facilities: mapping.value.settings.facilities,
      units: mapping.value.units,
      buffers: buffersOf(settings),
      skewMs: settings.clockSkewSeconds * 1000,
      fullSyncEveryMinutes: settings.fullSyncEveryMinutes,
    };
  }

  async figures(shop: string, baseSkuKeys?: string[]): Promise<StockFigure[]> {
    type Row = { connectionId: string; facilityCode: string; baseSku: string; freeQuantity: number; asOf: Date; source: string; basis: string };
    const select = `SELECT "connectionId"::text AS "connectionId", "facilityCode", "baseSku", "freeQuantity", "asOf", source, basis FROM stock_level WHERE shop = $1`;
    const { rows } = baseSkuKeys
      ? await this.sql.run<Row>("inventory-figures-some", `${select} AND ${SKU_KEY(`"baseSku"`)} = ANY($2::text[])`, [shop, baseSkuKeys])
      : await this.sql.run<Row>("inventory-figures-all", select, [shop]);
    return rows.map((r) => ({ ...r, source: r.source === "push" ? "push" : r.source === "poll-delta" ? "delta" : "snapshot", basis: (r.basis === "free" ? "free" : "on_hand") as StockBasis }));
  }

  async demand(shop: string, units: CompiledUnits): Promise<DemandLine[]> {
    const { rows } = await this.sql.run<{ id: string; state: OrderState; facts: OrderFacts | null; createdAt: Date; receivedAt: Date | null; dispatchedAt: Date | null; updatedAt: Date }>(
      "inventory-demand",
      `SELECT o.id::text AS id, o.state, o.facts, COALESCE(o."sourceCreatedAt", o."createdAt") AS "createdAt", o."updatedAt",
              (SELECT min(COALESCE(w."acceptedAt", w."transmittedAt")) FROM warehouse_order w WHERE w.shop = o.shop AND w."orderId" = o.id AND w.state <> 'cancelled') AS "receivedAt",
              (SELECT max(d."receivedAt") FROM dispatch_advice d JOIN warehouse_order w ON w.id = d."warehouseOrderId" WHERE w.shop = o.shop AND w."orderId" = o.id) AS "dispatchedAt"
         FROM "order" o
        WHERE o.shop = $1 AND o.state NOT IN ('closed', 'cancelled', 'draft_awaiting_completion') AND o.facts IS NOT NULL`,
      [shop],
    );
    return rows.flatMap((row) => demandLines(row, units));
  }

  async saveItemMap(shop: string, variants: ShopifyVariant[], items: StockedItem[], problems: InventoryProblem[], readAt: Date): Promise<void> {
    const mapped = new Map(items.map((i) => [i.inventoryItemId, i]));
    const refusedBy = new Map<string, string>();
    for (const p of problems) for (const id of [...((p.detail.leftOut as string[] | undefined) ?? [])]) refusedBy.set(id, p.key);
    for (let i = 0; i < variants.length; i += CHUNK) {
      const chunk = variants.slice(i, i + CHUNK);
      const item = (v: ShopifyVariant) => mapped.get(v.inventoryItemId);
      await this.sql.run(
        "inventory-save-item-map",
        `INSERT INTO inventory_item_map (shop, "inventoryItemId", "variantId", sku, title, tracked, "baseSkuKey", "baseSku", factor, via, "problemKey", "readAt")
         SELECT $1, t.* , $12::timestamptz AT TIME ZONE 'UTC'
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::text[], $8::text[], $9::int[], $10::text[], $11::text[]) AS t
         ON CONFLICT (shop, "inventoryItemId") DO UPDATE SET "variantId" = EXCLUDED."variantId", sku = EXCLUDED.sku, title = EXCLUDED.title, tracked = EXCLUDED.tracked,
           "baseSkuKey" = EXCLUDED."baseSkuKey", "baseSku" = EXCLUDED."baseSku", factor = EXCLUDED.factor, via = EXCLUDED.via, "problemKey" = EXCLUDED."problemKey", "readAt" = EXCLUDED."readAt"`,
        [
          shop,
          chunk.map((v) => v.inventoryItemId),
          chunk.map((v) => v.variantId),
          chunk.map((v) => v.sku),
          chunk.map((v) => v.title),
          chunk.map((v) => v.tracked),
          chunk.map((v) => (item(v) ? lookupKey(item(v)!.baseSku) : null)),
          chunk.map((v) => item(v)?.baseSku ?? null),
          chunk.map((v) => item(v)?.factor ?? 1),
          chunk.map((v) => item(v)?.via ?? null),
          chunk.map((v) => refusedBy.get(v.inventoryItemId) ?? null),
          readAt.toISOString(),
        ],
      );
    }
    await this.sql.run("inventory-item-map-gone", `DELETE FROM inventory_item_map WHERE shop = $1 AND "readAt" < $2::timestamptz AT TIME ZONE 'UTC'`, [shop, readAt.toISOString()]);
  }

  async itemsFor(shop: string, baseSkuKeys: string[]): Promise<StockedItem[]> {
    const { rows } = await this.sql.run<StockedItem>(
      "inventory-items-for",
      `SELECT "inventoryItemId", "variantId", sku, "baseSku", factor, via FROM inventory_item_map
        WHERE shop = $1 AND "baseSkuKey" = ANY($2::text[]) AND "problemKey" IS NULL`,
      [shop, baseSkuKeys],
    );
    return rows;
  }

  async previousItems(shop: string): Promise<{ inventoryItemId: string; sku: string | null; problemKey: string | null }[]> {
    const { rows } = await this.sql.run<{ inventoryItemId: string; sku: string | null; problemKey: string | null }>(
      "inventory-previous-items",
      `SELECT "inventoryItemId", sku, "problemKey" FROM inventory_item_map WHERE shop = $1`,
      [shop],
    );
    return rows;
  }

  async readings(shop: string, inventoryItemIds: string[]): Promise<ShopifyReading[]> {
    const { rows } = await this.sql.run<{ inventoryItemId: string; locationId: string; quantity: number | null; generation: string; readAt: Date }>(
      "inventory-readings",
      `SELECT "inventoryItemId", "locationId", quantity, generation::text AS generation, "readAt" FROM shopify_stock_reading WHERE shop = $1 AND "inventoryItemId" = ANY($2::text[])`,
      [shop, inventoryItemIds],
    );
    return rows.map((r) => ({ ...r, generation: Number(r.generation) }));
  }

  async saveReadings(shop: string, readings: ShopifyReading[]): Promise<void> {
    for (let i = 0; i < readings.length; i += CHUNK) {
      const chunk = readings.slice(i, i + CHUNK);
      // A reading only replaces an older one: saves may finish out of order, generations do not.
      await this.sql.run(
        "inventory-save-readings",
        `INSERT INTO shopify_stock_reading (shop, "inventoryItemId", "locationId", quantity, generation, "readAt")
         SELECT $1, t.item, t.location, t.quantity, t.generation, t."readAt" AT TIME ZONE 'UTC'
           FROM unnest($2::text[], $3::text[], $4::int[], $5::bigint[], $6::timestamptz[]) AS t(item, location, quantity, generation, "readAt")
         ON CONFLICT (shop, "inventoryItemId", "locationId") DO UPDATE SET quantity = EXCLUDED.quantity, generation = EXCLUDED.generation, "readAt" = EXCLUDED."readAt"
           WHERE shopify_stock_reading.generation < EXCLUDED.generation`,
        [shop, chunk.map((r) => r.inventoryItemId), chunk.map((r) => r.locationId), chunk.map((r) => r.quantity), chunk.map((r) => String(r.generation)), chunk.map((r) => r.readAt.toISOString())],
      );
    }
  }

  async saveDrift(shop: string, drift: DriftRow[], seenAt: Date): Promise<void> {
    await this.sql.transaction(async (tx) => {
      for (let i = 0; i < drift.length; i += CHUNK) {
        const chunk = drift.slice(i, i + CHUNK);
        await tx.run(
          "inventory-save-drift",
          `INSERT INTO inventory_drift (shop, "inventoryItemId", "locationId", sku, "baseSku", "shopifyQuantity", "warehouseQuantity", "demandQuantity", "firstSeenAt", "lastSeenAt", "correctedAt")
           SELECT $1, t.item, t.location, t.sku, t.base, t.shopify, t.warehouse, t.demand, $9::timestamptz AT TIME ZONE 'UTC', $9::timestamptz AT TIME ZONE 'UTC', NULL
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[]) AS t(item, location, sku, base, shopify, warehouse, demand)
           ON CONFLICT (shop, "inventoryItemId", "locationId") DO UPDATE SET sku = EXCLUDED.sku, "baseSku" = EXCLUDED."baseSku", "shopifyQuantity" = EXCLUDED."shopifyQuantity",
             "warehouseQuantity" = EXCLUDED."warehouseQuantity", "demandQuantity" = EXCLUDED."demandQuantity", "lastSeenAt" = EXCLUDED."lastSeenAt", "correctedAt" = EXCLUDED."correctedAt",
             "firstSeenAt" = CASE WHEN inventory_drift."correctedAt" IS NULL THEN inventory_drift."firstSeenAt" ELSE EXCLUDED."firstSeenAt" END`,
          [
            shop,
            chunk.map((d) => d.inventoryItemId),
            chunk.map((d) => d.locationId),
            chunk.map((d) => d.sku),
            chunk.map((d) => d.baseSku),
            chunk.map((d) => d.shopifyQuantity),
            chunk.map((d) => d.warehouseQuantity),
            chunk.map((d) => d.demandQuantity),
            seenAt.toISOString(),
          ],
        );
      }
      // What this sync did not find drifting any more is gone from the report.
      await tx.run("inventory-drift-gone", `DELETE FROM inventory_drift WHERE shop = $1 AND "lastSeenAt" < $2::timestamptz AT TIME ZONE 'UTC'`, [shop, seenAt.toISOString()]);
    });
  }

  async saveProblems(shop: string, problems: InventoryProblem[]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const { rows } = await tx.run<{ key: string }>(
        "inventory-open-problems",
        `SELECT key FROM exception WHERE shop = $1 AND "orderId" IS NULL AND status = 'open' AND kind = ANY($2::text[])`,
        [shop, INVENTORY_KINDS],
      );
      const raised = new Set(problems.map((p) => p.key));
      await applyExceptions(tx, shop, null, problems.slice(0, 1_000), rows.map((r) => r.key).filter((k) => !raised.has(k)));
    });
  }

  async startRun(shop: string, kind: "full" | "delta"): Promise<string | null> {
    const { rows } = await this.sql.run<{ id: string }>(
      "inventory-start-run",
      `INSERT INTO inventory_sync_run (id, shop, kind, "startedAt")
       SELECT gen_random_uuid(), $1, $2, ${NOW_UTC}
        WHERE $2 <> 'full' OR NOT EXISTS (SELECT 1 FROM inventory_sync_run r WHERE r.shop = $1 AND r.kind = 'full' AND r.status = 'running' AND r."startedAt" > ${NOW_UTC} - interval '2 hours')
       RETURNING id::text AS id`,
      [shop, kind],
    );
    return rows[0]?.id ?? null;
  }

  async progress(runId: string, p: RunProgress): Promise<void> {
    await this.sql.run(
      "inventory-run-progress",
      `UPDATE inventory_sync_run SET phase = COALESCE($2, phase), total = COALESCE($3, total), done = COALESCE($4, done), unchanged = COALESCE($5, unchanged),
         stale = COALESCE($6, stale), points = COALESCE($7, points), "writeCalls" = COALESCE($8, "writeCalls") WHERE id = $1::uuid`,
      [runId, p.phase ?? null, p.total ?? null, p.done ?? null, p.unchanged ?? null, p.stale ?? null, p.points ?? null, p.writeCalls ?? null],
    );
  }

  async finishRun(runId: string, status: "done" | "failed", message: string | null, p: RunProgress): Promise<void> {
    await this.progress(runId, p);
    await this.sql.run("inventory-finish-run", `UPDATE inventory_sync_run SET status = $2, message = $3, "finishedAt" = ${NOW_UTC} WHERE id = $1::uuid`, [runId, status, message]);
  }

  async claimPending(shop: string): Promise<string[]> {
    const { rows } = await this.sql.run<{ baseSku: string }>(
      "inventory-claim-pending",
      `UPDATE stock_level SET "pendingSince" = NULL WHERE shop = $1 AND "pendingSince" IS NOT NULL RETURNING "baseSku"`,
      [shop],
    );
    return [...new Set(rows.map((r) => lookupKey(r.baseSku)))];
  }

  async markPending(shop: string, baseSkuKeys: string[]): Promise<void> {
    await this.sql.run(
      "inventory-mark-pending",
      `UPDATE stock_level SET "pendingSince" = COALESCE("pendingSince", ${NOW_UTC}) WHERE shop = $1 AND ${SKU_KEY(`"baseSku"`)} = ANY($2::text[])`,
      [shop, baseSkuKeys],
    );
  }
}

/**
 * An order's lines as demand, at the location of each fulfillment order: the part still to ship, and
 * the part shipped (with the time Loadbay learnt of the dispatch, or the order's last change).
 */
function demandLines(row: { id: string; state: OrderState; facts: OrderFacts | null; createdAt: Date; receivedAt: Date | null; dispatchedAt: Date | null; updatedAt: Date }, units: CompiledUnits): DemandLine[] {
  const facts = row.facts;
  if (!facts) return [];
  const lines = new Map(facts.lines.map((l) => [l.lineItemId, l]));
  const out: DemandLine[] = [];
  for (const fo of facts.fulfillmentOrders) {
    if (!fo.locationId || fo.status === "CANCELLED") continue;
    for (const foLine of fo.lines) {
      const line = lines.get(foLine.lineItemId);
      if (!line) continue;
      const converted = lineUnits({ ...line, quantity: foLine.totalQuantity }, units, facts.name);
      if (!converted.ok) continue;
      const base = { orderId: row.id, locationId: fo.locationId, baseSku: converted.value.baseSku, state: row.state, placedAt: row.createdAt, receivedAt: row.receivedAt };
      const factor = converted.value.factor;
      if (foLine.remainingQuantity > 0) out.push({ ...base, quantity: foLine.remainingQuantity * factor, dispatchedAt: null });
      const shipped = foLine.totalQuantity - foLine.remainingQuantity;
      if (shipped > 0) out.push({ ...base, quantity: shipped * factor, dispatchedAt: row.dispatchedAt ?? row.updatedAt });
    }
  }
  return out;
}
