// Which items of a part of the catalogue may be written before the whole catalogue has been read.
// Ambiguity (one SKU, several items) can only be judged on the whole catalogue, so an item matched by
// SKU goes early, optimistically, when no other item with its SKU (trimmed, case-blind) has turned up in
// this read so far and the last full read, if there is one, shows no other item with that SKU. Items the
// last read refused stay held, and so does everything else until the end of the read. A first read (no
// previous map) therefore writes its unique SKUs early too, as does an item added since the last read.
// When a later part shows a second item with the SKU of an early one, the whole catalogue refuses both
// (`sku-ambiguous`): the early item was written this once, the second never, and the item map keeps both
// out from then on. The delta path would have written the early item all the same (decision 0021).
import { lookupKey } from "~/modules/mapping/patterns";
import type { ShopifyVariant } from "./item-map";

export interface PreviousItem {
  inventoryItemId: string;
  sku: string | null;
  problemKey: string | null;
}

const skuKey = (sku: string | null) => (sku === null || sku.trim() === "" ? null : lookupKey(sku));

export function earlyItems(previous: PreviousItem[]) {
  const before = new Map(previous.map((p) => [p.inventoryItemId, p]));
  const countBefore = new Map<string, number>();
  for (const p of previous) {
    const key = skuKey(p.sku);
    if (key !== null) countBefore.set(key, (countBefore.get(key) ?? 0) + 1);
  }
  const firstSeen = new Map<string, string>();
  const shared = new Set<string>();
  /** Splits a part into the variants that may be written now and those that wait for the whole read. */
  return (variants: ShopifyVariant[]): { early: ShopifyVariant[]; held: ShopifyVariant[] } => {
    for (const v of variants) {
      const key = skuKey(v.sku);
      if (key === null) continue;
      const first = firstSeen.get(key);
      if (first === undefined) firstSeen.set(key, v.inventoryItemId);
      else if (first !== v.inventoryItemId) shared.add(key);
    }
    const early: ShopifyVariant[] = [];
    const held: ShopifyVariant[] = [];
    for (const v of variants) (mayGoEarly(v) ? early : held).push(v);
    return { early, held };
  };

  function mayGoEarly(v: ShopifyVariant): boolean {
    const key = skuKey(v.sku);
    if (key === null) return true; // only a variant row can map it, and a variant row is never ambiguous
    if (shared.has(key)) return false;
    const last = before.get(v.inventoryItemId);
    if (last !== undefined && last.problemKey !== null) return false;
    const itself = last !== undefined && skuKey(last.sku) === key ? 1 : 0;
    return (countBefore.get(key) ?? 0) - itself === 0;
  }
}
