import type { ShopState } from "./shop-state";
import type { InventoryLevelRecord } from "./types";

/** Quantity names Shopify keeps per level; `on_hand` = available + committed + reserved + the other unavailable states. */
export const QUANTITY_NAMES = ["available", "on_hand", "committed", "reserved", "incoming", "damaged", "quality_control", "safety_stock"];

export function ensureLevel(shop: ShopState, inventoryItemId: string, locationId: string): InventoryLevelRecord {
  const key = shop.levelKey(inventoryItemId, locationId);
  const existing = shop.inventoryLevels.get(key);
  if (existing) return existing;
  const itemNumber = inventoryItemId.split("/").pop() ?? "0";
  const locationNumber = locationId.split("/").pop() ?? "0";
  const level: InventoryLevelRecord = {
    id: `gid://shopify/InventoryLevel/${locationNumber}${itemNumber}?inventory_item_id=${itemNumber}`,
    inventoryItemId,
    locationId,
    quantities: Object.fromEntries(QUANTITY_NAMES.map((n) => [n, 0])),
    updatedAt: shop.nowIso(),
  };
  shop.inventoryLevels.set(key, level);
  const ofItem = shop.levelsByItem.get(inventoryItemId);
  if (ofItem) ofItem.push(level);
  else shop.levelsByItem.set(inventoryItemId, [level]);
  return level;
}

/** Sets `available` or `on_hand` and moves the other by the same delta, as Shopify's quantity states do. */
export function setQuantity(shop: ShopState, level: InventoryLevelRecord, name: "available" | "on_hand", quantity: number): number {
  const delta = quantity - (level.quantities[name] ?? 0);
  level.quantities.available = (level.quantities.available ?? 0) + delta;
  level.quantities.on_hand = (level.quantities.on_hand ?? 0) + delta;
  level.updatedAt = shop.nowIso();
  return delta;
}
