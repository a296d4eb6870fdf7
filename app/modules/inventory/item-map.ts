// Which Shopify inventory items sell a warehouse's base SKU, and in what unit. A variant resolves through
// the unit-of-measure map the order side uses (a variant row beats a SKU row; no row means its own SKU
// in single units), so a case of 12 draws 12 base units per case from the same pool as the singles.
//
// SKUs are not unique in Shopify. When one SKU (matched by SKU, not by an explicit variant row) belongs
// to several inventory items, Loadbay writes none of them and says so: each would show the whole pool,
// and a duplicate product nobody meant to sell would double what can be sold. A variant row in the
// unit-of-measure map is the merchant saying "this variant sells that stock", so it is never ambiguous.
// A SKU or title that looks like a pack but has no row is refused too: shown in single units it would
// offer twelve times the stock.
import type { CompiledUnits } from "~/modules/mapping/units-of-measure";
import { lookupKey } from "~/modules/mapping/patterns";
import { quoted } from "~/modules/mapping/mapping-problem";
import { inventoryProblem, type InventoryProblem } from "./inventory-problem";

/** One Shopify variant as read from the Admin API. */
export interface ShopifyVariant {
  variantId: string;
  inventoryItemId: string;
  sku: string | null;
  /** Product and variant title, for the pack-title pattern and for messages. */
  title: string;
  /** Shopify tracks inventory for the item; untracked items have no quantity to write. */
  tracked: boolean;
}

export interface StockedItem {
  inventoryItemId: string;
  variantId: string;
  sku: string | null;
  baseSku: string;
  /** Base units in one of this item's units (12 for a case of 12). */
  factor: number;
  via: "variant-row" | "sku-row" | "own-sku";
}

export interface ItemMap {
  /** By `lookupKey(baseSku)`. */
  byBaseSku: Map<string, StockedItem[]>;
  problems: InventoryProblem[];
}

/** Variant ids compare by their number, as in the unit-of-measure map ("123" = "gid://shopify/ProductVariant/123"). */
const variantKey = (id: string) => /(\d+)\s*$/.exec(id)?.[1] ?? id.trim();

export function buildItemMap(variants: ShopifyVariant[], units: CompiledUnits): ItemMap {
  const problems: InventoryProblem[] = [];
  const resolved: StockedItem[] = [];
  for (const variant of uniqueItems(variants)) {
    if (!variant.tracked) continue;
    const item = resolve(variant, units);
    if (item === "unmapped-pack") problems.push(unmappedPack(variant));
    else if (item) resolved.push(item);
  }
  const bySkuKey = new Map<string, StockedItem[]>();
  for (const item of resolved) if (item.sku !== null) push(bySkuKey, lookupKey(item.sku), item);
  const left = new Set<StockedItem>();
  for (const [skuKey, items] of bySkuKey) {
    const implicit = items.filter((i) => i.via !== "variant-row");
    if (items.length < 2 || implicit.length === 0) continue;
    problems.push(ambiguous(skuKey, items, implicit));
    for (const item of implicit) left.add(item);
  }
  const byBaseSku = new Map<string, StockedItem[]>();
  for (const item of resolved) if (!left.has(item)) push(byBaseSku, lookupKey(item.baseSku), item);
  return { byBaseSku, problems };
}

function resolve(variant: ShopifyVariant, units: CompiledUnits): StockedItem | "unmapped-pack" | null {
  const sku = variant.sku?.trim() || null;
  const base = { inventoryItemId: variant.inventoryItemId, variantId: variant.variantId, sku };
  const byVariant = units.byVariant.get(variantKey(variant.variantId));
  if (byVariant) return { ...base, baseSku: byVariant.baseSku, factor: byVariant.factor, via: "variant-row" };
  if (sku === null) return null;
  const bySku = units.bySku.get(lookupKey(sku));
  if (bySku) return { ...base, baseSku: bySku.baseSku, factor: bySku.factor, via: "sku-row" };
  if (units.packSku.test(sku) || units.packTitle.test(variant.title)) return "unmapped-pack";
  return { ...base, baseSku: sku, factor: 1, via: "own-sku" };
}

/** The same inventory item read twice (two pages overlapping) is one item, not an ambiguity. */
function uniqueItems(variants: ShopifyVariant[]): ShopifyVariant[] {
  const seen = new Map<string, ShopifyVariant>();
  for (const v of variants) if (!seen.has(v.inventoryItemId)) seen.set(v.inventoryItemId, v);
  return [...seen.values()];
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const ambiguous = (skuKey: string, items: StockedItem[], leftOut: StockedItem[]) =>
  inventoryProblem(
    "sku-ambiguous",
    skuKey,
    `SKU ${quoted(items[0]?.sku ?? skuKey)} belongs to ${items.length} Shopify variants (${ids(items)}), so Loadbay cannot tell which one sells the warehouse's stock and does not update ${leftOut.length === items.length ? "any of them" : ids(leftOut)}. Give each variant its own SKU, or add a unit-of-measure row by variant id for each variant that should sell this stock.`,
    { sku: items[0]?.sku, variantIds: items.map((i) => i.variantId), leftOut: leftOut.map((i) => i.inventoryItemId) },
  );

const ids = (items: StockedItem[]) => items.map((i) => i.variantId).join(", ");

const unmappedPack = (variant: ShopifyVariant) =>
  inventoryProblem(
    "unmapped-pack",
    variant.sku ? lookupKey(variant.sku) : variantKey(variant.variantId),
    `${quoted(variant.title)}${variant.sku ? ` (SKU ${quoted(variant.sku)})` : ""} looks like a pack, but the unit-of-measure map does not say which base SKU it holds or how many, so its stock is not updated. Add it to the unit-of-measure map.`,
    { variantId: variant.variantId, sku: variant.sku, title: variant.title },
  );
