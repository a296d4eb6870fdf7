import { describe, expect, it } from "vitest";
import { earlyItems, type PreviousItem } from "./early-items";
import type { ShopifyVariant } from "./item-map";

const v = (id: string, sku: string | null): ShopifyVariant => ({ variantId: `v-${id}`, inventoryItemId: id, sku, title: id, tracked: true });
const ids = (r: { early: ShopifyVariant[]; held: ShopifyVariant[] }) => ({ early: r.early.map((x) => x.inventoryItemId), held: r.held.map((x) => x.inventoryItemId) });

const previous: PreviousItem[] = [
  { inventoryItemId: "a", sku: "WIDGET", problemKey: null },
  { inventoryItemId: "b", sku: "GADGET", problemKey: null },
  { inventoryItemId: "c", sku: "DUP", problemKey: "sku-ambiguous:DUP" },
  { inventoryItemId: "d", sku: "dup ", problemKey: "sku-ambiguous:DUP" },
  { inventoryItemId: "e", sku: "OLD", problemKey: null },
  { inventoryItemId: "f", sku: "LONE", problemKey: "sku-ambiguous:LONE" },
];

describe("earlyItems", () => {
  // Each row: the last read's map, the parts as read, and the split expected for each part.
  it.each<[string, PreviousItem[], ShopifyVariant[][], { early: string[]; held: string[] }[]]>([
    ["a later read: items seen alone and written go early", previous, [[v("a", "widget"), v("x", null)]], [{ early: ["a", "x"], held: [] }]],
    ["an item the last read refused stays held, even alone now", previous, [[v("c", "DUP"), v("f", "LONE")]], [{ early: [], held: ["c", "f"] }]],
    ["an item added since the last read, with a SKU no other item had, goes early", previous, [[v("n", "BRAND-NEW")]], [{ early: ["n"], held: [] }]],
    ["an item whose SKU changed to one no other item had goes early", previous, [[v("e", "NEW-SKU")]], [{ early: ["e"], held: [] }]],
    ["an item whose SKU the last read saw on another item is held", previous, [[v("n", " gadget"), v("e", "WIDGET")]], [{ early: [], held: ["n", "e"] }]],
    ["a first read writes unique SKUs early", [], [[v("a", "WIDGET"), v("b", "GADGET"), v("x", null)], [v("c", "OTHER")]], [{ early: ["a", "b", "x"], held: [] }, { early: ["c"], held: [] }]],
    ["a first read holds a SKU that turns up twice in one part", [], [[v("a", "WIDGET"), v("b", "GADGET"), v("z", " widget ")]], [{ early: ["b"], held: ["a", "z"] }]],
    ["a SKU that turns up again in a later part is held there (its first item went early)", [], [[v("a", "WIDGET")], [v("z", "Widget"), v("b", "GADGET")]], [{ early: ["a"], held: [] }, { early: ["b"], held: ["z"] }]],
    ["the same item read twice is not a second item", [], [[v("a", "WIDGET")], [v("a", "WIDGET")]], [{ early: ["a"], held: [] }, { early: ["a"], held: [] }]],
  ])("%s", (_name, last, parts, expected) => {
    const split = earlyItems(last);
    expect(parts.map((p) => ids(split(p)))).toEqual(expected);
  });

  it("holds an item once another item with its SKU turns up in this read, in the same part or a later one", () => {
    const split = earlyItems(previous);
    expect(ids(split([v("a", "WIDGET")]))).toEqual({ early: ["a"], held: [] });
    expect(ids(split([v("b", "GADGET"), v("z", " gadget")]))).toEqual({ early: [], held: ["b", "z"] });
    expect(ids(split([v("y", "WIDGET")]))).toEqual({ early: [], held: ["y"] });
  });
});
