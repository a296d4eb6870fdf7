// Drift: where Shopify's "available" and the warehouse disagree by more than open demand explains.
// Orders placed but not yet in the warehouse's figure legitimately make Shopify lower than the figure,
// so the allowance is the open demand in the item's unit (rounded up). Anything beyond it means a missed
// update, a manual edit in Shopify or a sale Loadbay cannot see; the report shows it with its age.
import type { DriftRow } from "./inventory.ports";
import type { SellableRow } from "./sellable-stock";
import type { ShopifyReading } from "./stock-writes";

export function findDrift(rows: SellableRow[], readings: Map<string, ShopifyReading>, skus: Map<string, string | null>): DriftRow[] {
  const drift: DriftRow[] = [];
  for (const row of rows) {
    const shopify = readings.get(readingKey(row))?.quantity;
    if (shopify === null || shopify === undefined) continue;
    const warehouse = Math.floor(Math.max(0, row.pool.free - row.pool.buffer) / row.factor);
    const demand = Math.ceil(row.pool.demand / row.factor);
    // Shopify may sit below the warehouse by up to the open demand (committed orders), never above it.
    const explained = shopify <= warehouse && warehouse - shopify <= demand;
    if (explained) continue;
    drift.push({ inventoryItemId: row.inventoryItemId, locationId: row.locationId, sku: skus.get(row.inventoryItemId) ?? null, baseSku: row.pool.baseSku, shopifyQuantity: shopify, warehouseQuantity: warehouse, demandQuantity: demand });
  }
  return drift;
}

export const readingKey = (r: { inventoryItemId: string; locationId: string }) => `${r.inventoryItemId}|${r.locationId}`;
