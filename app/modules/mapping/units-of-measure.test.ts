import { describe, expect, it } from "vitest";
import type { OrderLine } from "~/modules/orders/order-facts";
import { mappingSettings } from "../../../test/support/factories/mapping-settings";
import { compileUnits, lineUnits } from "./units-of-measure";

const units = compileUnits(
  mappingSettings({
    unitsOfMeasure: {
      rows: [
        { sku: "CASE-12-WIDGET", baseSku: "WIDGET-1", factor: 12 },
        { sku: null, variantId: "77", baseSku: "BOLT-1", factor: 50 },
        { sku: "case-6-widget", baseSku: "WIDGET-1", factor: 6 },
      ],
    },
  }).unitsOfMeasure,
);

const line = (over: Partial<OrderLine>): OrderLine => ({ lineItemId: "gid://shopify/LineItem/1", sku: "WIDGET-1", title: "Widget", quantity: 2, variantId: null, packSize: null, ...over });

describe("unit-of-measure map", () => {
  it.each([
    ["a plain SKU is one unit each", line({ quantity: 5 }), "WIDGET-1 × 1 = 5"],
    ["a case of 12, quantity 2 → 24 base units", line({ sku: "CASE-12-WIDGET", title: "Widget, case of 12" }), "WIDGET-1 × 12 = 24"],
    ["SKU match ignores case and spaces", line({ sku: " Case-6-Widget " }), "WIDGET-1 × 6 = 12"],
    ["a variant row (GID) wins over the SKU", line({ sku: "CASE-12-WIDGET", variantId: "gid://shopify/ProductVariant/77" }), "BOLT-1 × 50 = 100"],
    ["a variant row maps a line without a SKU", line({ sku: null, variantId: "gid://shopify/ProductVariant/77" }), "BOLT-1 × 50 = 100"],
    ["quantity a whole multiple of the pack size", line({ quantity: 24, packSize: 12 }), "WIDGET-1 × 1 = 24"],
    ["pack size 1 allows any quantity", line({ quantity: 7, packSize: 1 }), "WIDGET-1 × 1 = 7"],
    ["quantity not a multiple of the pack size", line({ quantity: 18, packSize: 12 }), "pack-multiple"],
    ["a case quantity not a multiple of its pack size", line({ sku: "CASE-12-WIDGET", quantity: 3, packSize: 2 }), "pack-multiple"],
    ["a SKU that looks like a pack with no row", line({ sku: "CASE24-BOLT" }), "unmapped-pack"],
    ["PACK-6 with no row", line({ sku: "pack-6-nut" }), "unmapped-pack"],
    ["a title that says it is a pack, with no row", line({ sku: "NUT-9", title: "Nuts, Box of 100" }), "unmapped-pack"],
    ["both problems at once", line({ sku: "BOX-10", quantity: 3, packSize: 2 }), "pack-multiple+unmapped-pack"],
    ["no SKU and no variant row", line({ sku: null }), "invalid-sku"],
  ])("%s", (_name, input, expected) => {
    const result = lineUnits(input, units, "1001");
    const summary = result.ok ? `${result.value.baseSku} × ${result.value.factor} = ${result.value.quantity}` : result.error.map((p) => p.kind).join("+");
    expect(summary).toBe(expected);
  });

  it("names the line, the quantity and the pack size", () => {
    const result = lineUnits(line({ sku: "CASE-12-WIDGET", title: "Widget case", quantity: 18, packSize: 12 }), units, "1001");
    expect(!result.ok && result.error[0]).toMatchObject({
      key: "pack-multiple:1001:CASE-12-WIDGET",
      message: "The line “Widget case” (SKU CASE-12-WIDGET) has quantity 18, which is not a whole number of packs of 12. Change the quantity in Shopify to a multiple of 12, then retry.",
    });
  });

  it("asks for a unit-of-measure row for an unmapped pack", () => {
    const result = lineUnits(line({ sku: "CASE24-BOLT", title: "Bolts" }), units, "1001");
    expect(!result.ok && result.error[0]?.message).toBe(
      "SKU “CASE24-BOLT” (Bolts) looks like a pack, but the unit-of-measure map does not say which base SKU it holds or how many. Add it to the unit-of-measure map, then retry.",
    );
  });
});
