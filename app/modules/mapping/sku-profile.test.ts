import { describe, expect, it } from "vitest";
import { skuProfileSchema, SKU_CHARACTER_PRESETS, type SkuProfile } from "./mapping-settings.schema";
import { compileSkuProfile, warehouseSku, warehouseSkus } from "./sku-profile";

// Built past the schema (which refuses alias loops) so the engine's own loop detection is tested too.
const profile = (over: Partial<SkuProfile> = {}) => compileSkuProfile({ ...skuProfileSchema.parse({}), ...over });
const where = { orderNumber: "1001", connectionId: "whistl", warehouse: "Whistl" };
const whistl = { allowedCharacters: SKU_CHARACTER_PRESETS.alphanumeric } as const;
const aliases = (...pairs: [string, string][]) => pairs.map(([sku, warehouseSku]) => ({ sku, warehouseSku }));

describe("SKU profile", () => {
  it.each<[string, Partial<SkuProfile>, string, string]>([
    ["a valid SKU passes unchanged", {}, "WIDGET-1", "WIDGET-1"],
    ["an alias replaces the SKU", { aliases: aliases(["WIDGET-1", "W1"]) }, "WIDGET-1", "W1"],
    ["aliases match regardless of case", { aliases: aliases(["widget-1", "W1"]) }, "WIDGET-1", "W1"],
    ["an alias chain is followed to its end", { aliases: aliases(["A-1", "B-1"], ["B-1", "C-1"], ["C-1", "D1"]) }, "A-1", "D1"],
    ["an alias to itself in another case ends the chain", { aliases: aliases(["w1", "W1"]) }, "w1", "W1"],
    ["an alias loop is refused", { aliases: aliases(["A", "B"], ["B", "A"]) }, "A", "alias-loop"],
    ["upper case", { case: "upper" }, "widget-1", "WIDGET-1"],
    ["lower case", { case: "lower" }, "WIDGET-1", "widget-1"],
    ["reject: a space is not allowed", whistl, "WID GET", "characters"],
    ["reject: a dash is not allowed for Whistl", whistl, "WIDGET-1", "characters"],
    ["sanitise strips what is not allowed", { ...whistl, mode: "sanitise" }, "WID-GET/1", "WIDGET1"],
    ["sanitise of nothing allowed is refused", { ...whistl, mode: "sanitise" }, "--//", "empty"],
    ["the alias is applied before the character rule", { ...whistl, aliases: aliases(["WIDGET-1", "WIDGET1"]) }, "WIDGET-1", "WIDGET1"],
    ["too long is refused, never cut", { maxLength: 5 }, "WIDGET", "too-long"],
    ["exactly the maximum length", { maxLength: 6 }, "WIDGET", "WIDGET"],
    ["printable ASCII by default refuses non-ASCII", {}, "WIDGÉT", "characters"],
  ])("%s", (_name, over, sku, expected) => {
    const outcome = warehouseSku(sku, profile(over));
    expect(outcome.ok ? outcome.sku : outcome.reason).toBe(expected);
  });

  it("reports a sanitised SKU that collides with another SKU in the order", () => {
    const result = warehouseSkus(["AB-1", "AB1", "CD-2"], profile({ ...whistl, mode: "sanitise" }), where);
    expect(result.problems.map((p) => [p.key, p.message])).toEqual([
      [
        "sku-collision:1001:whistl:AB1",
        "SKUs “AB-1” and “AB1” both become “AB1” for Whistl, so the warehouse could not tell them apart. Add an alias for one of them in the SKU profile, then retry.",
      ],
    ]);
  });

  it("treats case folding that merges two SKUs as a collision", () => {
    expect(warehouseSkus(["ab1", "AB1"], profile({ case: "upper" }), where).problems.map((p) => p.kind)).toEqual(["sku-collision"]);
  });

  it("does not call the same SKU twice, or two SKUs aliased together, a collision", () => {
    const compiled = profile({ ...whistl, mode: "sanitise", aliases: aliases(["OLD-1", "NEW1"]) });
    expect(warehouseSkus(["NEW-1", "NEW-1", "OLD-1", "NEW1"], compiled, where)).toEqual({ skus: ["NEW1", "NEW1", "NEW1", "NEW1"], problems: expect.any(Array) });
    expect(warehouseSkus(["OLD-1", "NEW1"], compiled, where).problems).toEqual([]);
  });

  it("says which characters the warehouse refuses", () => {
    const result = warehouseSkus(["AB 1/2"], profile(whistl), where);
    expect(result.problems[0]).toMatchObject({
      key: "invalid-sku:1001:whistl:AB 1/2",
      kind: "invalid-sku",
      message: "SKU “AB 1/2” has characters Whistl does not accept: “ ”, “/”. Add an alias for it in the SKU profile, or change the SKU, then retry.",
    });
  });

  it("names the loop", () => {
    const result = warehouseSkus(["A"], profile({ aliases: aliases(["A", "B"], ["B", "C"], ["C", "A"]) }), where);
    expect(result.problems[0]?.message).toBe("The SKU aliases for “A” go round in a loop (A → B → C → A). Correct the alias table, then retry.");
  });
});
