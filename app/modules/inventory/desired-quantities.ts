// The quantities wanted now for some items: the newest figures and open demand for their base SKUs,
// through sellableFor. Used after a stale write (re-read, then work out again) and by the delta path.
import { lookupKey } from "~/modules/mapping/patterns";
import type { InventoryContext, InventoryStore } from "./inventory.ports";
import type { StockedItem } from "./item-map";
import { sellableFor } from "./sellable-stock";
import type { DesiredQuantity } from "./stock-writes";

export async function desiredFor(
  store: InventoryStore,
  shop: string,
  context: InventoryContext,
  items: StockedItem[],
  only?: { inventoryItemId: string; locationId: string }[],
): Promise<DesiredQuantity[]> {
  const keys = [...new Set(items.map((i) => lookupKey(i.baseSku)))];
  if (keys.length === 0) return [];
  const [figures, demand] = await Promise.all([store.figures(shop, keys), store.demand(shop, context.units)]);
  const byBaseSku = new Map<string, StockedItem[]>();
  for (const item of items) byBaseSku.set(lookupKey(item.baseSku), [...(byBaseSku.get(lookupKey(item.baseSku)) ?? []), item]);
  const { rows } = sellableFor({ figures, items: byBaseSku, facilities: context.facilities, demand, buffers: context.buffers, skewMs: context.skewMs });
  if (!only) return rows;
  const wanted = new Set(only.map((r) => `${r.inventoryItemId}|${r.locationId}`));
  return rows.filter((r) => wanted.has(`${r.inventoryItemId}|${r.locationId}`));
}
