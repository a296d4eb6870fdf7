import { describe, expect, it } from "vitest";
import {
  columnMapsSchema, DEFAULT_DISPATCH_COLUMNS, DEFAULT_ORDER_COLUMNS, dispatchColumnsSchema, formatColumnLines, inboundLines, inboundMapFromLines,
  orderColumnsSchema, parseColumnLines, stockColumnsSchema,
} from "./column-maps";

describe("column maps", () => {
  it("defaults every map, so Loadbay's own layout needs no configuration", () => {
    expect(columnMapsSchema.parse({})).toEqual({
      orders: DEFAULT_ORDER_COLUMNS, orderHeaderRow: true, dispatches: DEFAULT_DISPATCH_COLUMNS,
      stock: { facility: "facility", sku: "sku", freeQuantity: "free_quantity", asOf: "as_of" },
    });
  });

  it("reads the form's Header = field lines, skipping blanks and # comments", () => {
    expect(parseColumnLines("# GXO layout\nOrderRef = reference\n\n  Item Code=sku \r\nQty = quantity\nA=B = ref:po")).toEqual({
      ok: true,
      lines: [
        { header: "OrderRef", field: "reference" },
        { header: "Item Code", field: "sku" },
        { header: "Qty", field: "quantity" },
        { header: "A=B", field: "ref:po" },
      ],
    });
  });

  it.each([
    ["a line without =", "OrderRef reference", /Line 1 .*Header = field/],
    ["only comments", "# nothing\n", /at least one/],
  ])("refuses %s", (_name, text, message) => {
    const parsed = parseColumnLines(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it.each([
    ["no reference column", [{ header: "sku", field: "sku" }, { header: "qty", field: "quantity" }], /needs a column for reference/],
    ["a header twice (in any case)", [{ header: "Ref", field: "reference" }, { header: "REF", field: "sku" }, { header: "q", field: "quantity" }], /used twice/],
    ["an unknown field", [{ header: "Ref", field: "colour" }], /.+/],
    ["a malformed reference field", [{ header: "Ref", field: "ref:" }], /ref:<name>/],
  ])("refuses an order map with %s", (_name, columns, message) => {
    const parsed = orderColumnsSchema.safeParse(columns);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join(" ")).toMatch(message);
  });

  it("refuses inbound maps without their required columns or with one header for two fields", () => {
    expect(dispatchColumnsSchema.safeParse({ orderReference: "ref", sku: "sku" }).error?.issues[0]?.message).toMatch(/needs a column for quantity/);
    expect(stockColumnsSchema.safeParse({ sku: "code", freeQuantity: "Code" }).error?.issues[0]?.message).toMatch(/mapped to two fields/);
  });

  it("turns lines into a field → header map, refusing a field mapped twice", () => {
    expect(inboundMapFromLines([{ header: "Item", field: "sku" }, { header: "Free", field: "freeQuantity" }])).toEqual({ ok: true, map: { sku: "Item", freeQuantity: "Free" } });
    expect(inboundMapFromLines([{ header: "A", field: "sku" }, { header: "B", field: "sku" }])).toMatchObject({ ok: false });
  });

  it("prints maps back in the form's syntax", () => {
    expect(formatColumnLines(inboundLines({ sku: "Item", freeQuantity: "Free" }))).toBe("Item = sku\nFree = freeQuantity");
  });
});
