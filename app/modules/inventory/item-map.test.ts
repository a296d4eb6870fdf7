import { describe, expect, it } from "vitest";
import { compileUnits } from "~/modules/mapping/units-of-measure";
import { buildItemMap, type ShopifyVariant } from "./item-map";

const units = compileUnits({
  rows: [
    { sku: "CASE-12-MUG", variantId: null, baseSku: "MUG", factor: 12 },
    { sku: "case-6-mug", variantId: null, baseSku: "MUG", factor: 6 },
    { sku: null, variantId: "gid://shopify/ProductVariant/900", baseSku: "TEA", factor: 1 },
    { sku: null, variantId: "901", baseSku: "TEA", factor: 10 },
  ],
  packSkuPattern: "^(CASE|PACK|BOX)-?\\d+",
  packTitlePattern: "\\b(case|pack|box) of \\d+\\b",
});

const variant = (id: number, sku: string | null, patch: Partial<ShopifyVariant> = {}): ShopifyVariant => ({
  variantId: `gid://shopify/ProductVariant/${id}`,
  inventoryItemId: `gid://shopify/InventoryItem/${id}`,
  sku,
  title: `Product ${id}`,
  tracked: true,
  ...patch,
});

/** base SKU → "item×factor" sorted, for compact expectations. */
const summary = (variants: ShopifyVariant[]) => {
  const map = buildItemMap(variants, units);
  const items = Object.fromEntries([...map.byBaseSku].map(([base, list]) => [base, list.map((i) => `${i.inventoryItemId.split("/").pop()}×${i.factor}`).sort()]));
  return { items, problems: map.problems.map((p) => p.key) };
};

describe("buildItemMap", () => {
  it.each([
    { name: "a variant's own SKU sells itself in single units", variants: [variant(1, "MUG")], items: { MUG: ["1×1"] }, problems: [] },
    {
      name: "a case of 12 and a case of 6 join the singles on one base SKU",
      variants: [variant(1, "MUG"), variant(2, "CASE-12-MUG"), variant(3, " Case-6-Mug ")],
      items: { MUG: ["1×1", "2×12", "3×6"] },
      problems: [],
    },
    { name: "a variant row beats the SKU and needs no SKU", variants: [variant(900, null), variant(901, "CASE-10-TEA")], items: { TEA: ["900×1", "901×10"] }, problems: [] },
    { name: "untracked items and items without SKU or row are left out", variants: [variant(1, "MUG", { tracked: false }), variant(2, null)], items: {}, problems: [] },
    { name: "the same inventory item read twice is one item", variants: [variant(1, "MUG"), variant(1, "MUG")], items: { MUG: ["1×1"] }, problems: [] },
    {
      name: "one SKU on two items: neither is updated",
      variants: [variant(1, "MUG"), variant(2, "mug"), variant(3, "CASE-12-MUG")],
      items: { MUG: ["3×12"] },
      problems: ["sku-ambiguous:MUG"],
    },
    {
      name: "a SKU shared with a variant mapped by id: the mapped one stays, the other is left out",
      variants: [variant(900, "TEA"), variant(5, "TEA")],
      items: { TEA: ["900×1"] },
      problems: ["sku-ambiguous:TEA"],
    },
    { name: "two variants both mapped by id are deliberate, not ambiguous", variants: [variant(900, "X"), variant(901, "X")], items: { TEA: ["900×1", "901×10"] }, problems: [] },
    { name: "a pack-looking SKU without a row is refused, not sold as singles", variants: [variant(7, "CASE-24-MUG")], items: {}, problems: ["unmapped-pack:CASE-24-MUG"] },
    { name: "a pack-looking title without a row is refused", variants: [variant(8, "MUG24", { title: "Mug – case of 24" })], items: {}, problems: ["unmapped-pack:MUG24"] },
  ])("$name", ({ variants, items, problems }) => {
    expect(summary(variants)).toEqual({ items, problems });
  });

  it("says which variants share the SKU and what to do", () => {
    const [problem] = buildItemMap([variant(1, "MUG"), variant(2, "MUG")], units).problems;
    expect(problem?.message).toBe(
      "SKU “MUG” belongs to 2 Shopify variants (gid://shopify/ProductVariant/1, gid://shopify/ProductVariant/2), so Loadbay cannot tell which one sells the warehouse's stock and does not update any of them. Give each variant its own SKU, or add a unit-of-measure row by variant id for each variant that should sell this stock.",
    );
  });
});
