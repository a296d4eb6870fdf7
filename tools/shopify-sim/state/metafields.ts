import type { ShopState } from "./shop-state";
import type { MetafieldRecord } from "./types";

/** Creates or replaces `namespace.key` on an owner's metafield list. */
export function upsertMetafield(
  shop: ShopState,
  list: MetafieldRecord[],
  input: { namespace: string; key: string; type: string; value: string },
): MetafieldRecord {
  const now = shop.nowIso();
  const existing = list.find((m) => m.namespace === input.namespace && m.key === input.key);
  if (existing) {
    existing.value = input.value;
    existing.type = input.type;
    existing.updatedAt = now;
    return existing;
  }
  const created: MetafieldRecord = { id: shop.newId("Metafield"), ...input, createdAt: now, updatedAt: now };
  list.push(created);
  return created;
}

export function metafieldOwner(shop: ShopState, ownerId: string): { metafields: MetafieldRecord[]; updatedAt: string } | undefined {
  return (
    shop.orders.get(ownerId) ??
    shop.draftOrders.get(ownerId) ??
    shop.customers.get(ownerId) ??
    shop.variants.get(ownerId)
  );
}
