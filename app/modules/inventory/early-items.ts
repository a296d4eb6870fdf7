// Which items of a part of the catalogue may be written before the whole catalogue has been read.
// Ambiguity (one SKU, several items) can only be judged on the whole catalogue, so an item matched by
// SKU goes early only when the last full read saw it, with the same SKU, written (no problem) and as the
// only item with that SKU, and no other item with its SKU has turned up in this read so far. Everything
// else waits for the end of the read. An item added since the last read with a SKU that an early item
// already has is found at the end: both are refused from then on, and the early item was written this
// once, as the delta path would have written it until this read (decision 0021).
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
    return last !== undefined && last.problemKey === null && skuKey(last.sku) === key && countBefore.get(key) === 1;
  }
}
