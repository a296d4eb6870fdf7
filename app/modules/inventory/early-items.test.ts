import { describe, expect, it } from "vitest";
import { earlyItems } from "./early-items";
import type { ShopifyVariant } from "./item-map";

const v = (id: string, sku: string | null): ShopifyVariant => ({ variantId: `v-${id}`, inventoryItemId: id, sku, title: id, tracked: true });
const ids = (r: { early: ShopifyVariant[]; held: ShopifyVariant[] }) => ({ early: r.early.map((x) => x.inventoryItemId), held: r.held.map((x) => x.inventoryItemId) });

describe("earlyItems", () => {
  const previous = [
    { inventoryItemId: "a", sku: "WIDGET", problemKey: null },
    { inventoryItemId: "b", sku: "GADGET", problemKey: null },
    { inventoryItemId: "c", sku: "DUP", problemKey: "sku-ambiguous:DUP" },
    { inventoryItemId: "d", sku: "dup ", problemKey: "sku-ambiguous:DUP" },
    { inventoryItemId: "e", sku: "OLD", problemKey: null },
  ];

  it("sends early only items the last read saw alone with the same SKU and written", () => {
    const split = earlyItems(previous);
    expect(ids(split([v("a", "widget"), v("c", "DUP"), v("e", "NEW-SKU"), v("n", "BRAND-NEW"), v("x", null)]))).toEqual({ early: ["a", "x"], held: ["c", "e", "n"] });
  });

  it("holds an item once another item with its SKU turns up in this read, in the same part or a later one", () => {
    const split = earlyItems(previous);
    expect(ids(split([v("a", "WIDGET")]))).toEqual({ early: ["a"], held: [] });
    expect(ids(split([v("b", "GADGET"), v("z", " gadget")]))).toEqual({ early: [], held: ["b", "z"] });
    expect(ids(split([v("y", "WIDGET")]))).toEqual({ early: [], held: ["y"] });
  });

  it("holds everything on a first read (no previous map) except items only a variant row can map", () => {
    expect(ids(earlyItems([])([v("a", "WIDGET"), v("x", null)]))).toEqual({ early: ["x"], held: ["a"] });
  });
});
