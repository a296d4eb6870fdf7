import { inventoryLevelPayload } from "../webhooks/payloads/shop-payloads";
import type { ShopState } from "./shop-state";
import type { OrderRecord } from "./types";

/** A placed order commits stock at its location: available goes down, committed up, on_hand unchanged. */
export function commitStock(shop: ShopState, order: OrderRecord, locationId: string): void {
  for (const line of order.lineItems) moveStock(shop, { variantId: line.variantId, locationId, quantity: line.quantity, kind: "commit" });
}

/** Shipping committed stock: committed and on_hand go down. */
export function shipStock(shop: ShopState, input: { variantId: string | null; locationId: string; quantity: number }): void {
  moveStock(shop, { ...input, kind: "ship" });
}

/** Releasing committed stock (edit, refund with restock, cancel): committed down, available back up. */
export function releaseStock(shop: ShopState, input: { variantId: string | null; locationId: string; quantity: number }): void {
  moveStock(shop, { ...input, kind: "release" });
}

interface Movement {
  variantId: string | null;
  locationId: string;
  quantity: number;
  kind: "commit" | "ship" | "release";
}

function moveStock(shop: ShopState, m: Movement): void {
  const variant = m.variantId ? shop.variants.get(m.variantId) : undefined;
  const level = variant ? shop.inventoryLevels.get(shop.levelKey(variant.inventoryItemId, m.locationId)) : undefined;
  if (!level || m.quantity === 0) return;
  const q = level.quantities;
  if (m.kind === "commit") {
    q.available = (q.available ?? 0) - m.quantity;
    q.committed = (q.committed ?? 0) + m.quantity;
  } else if (m.kind === "ship") {
    q.committed = (q.committed ?? 0) - m.quantity;
    q.on_hand = (q.on_hand ?? 0) - m.quantity;
  } else {
    q.committed = (q.committed ?? 0) - m.quantity;
    q.available = (q.available ?? 0) + m.quantity;
  }
  level.updatedAt = shop.nowIso();
  if (m.kind !== "ship") shop.emit("inventory_levels/update", inventoryLevelPayload(level));
}
