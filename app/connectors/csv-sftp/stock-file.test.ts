import { describe, expect, it } from "vitest";
import { DEFAULT_STOCK_COLUMNS } from "./column-maps";
import { parseStockFile } from "./stock-file";

const file = { path: "/stock/STK_1.csv", modifiedAt: new Date("2026-11-22T12:00:00Z") };

describe("stock file", () => {
  it("reads free stock per SKU, with the connection's facility where the file names none", () => {
    const text = "facility,sku,free_quantity,as_of\nLEEDS,A,40,2026-11-22T11:00:00Z\n,B,0,\nMK,C,-2,2026-11-22T11:30:00+01:00\n";
    expect(parseStockFile(Buffer.from(text), DEFAULT_STOCK_COLUMNS, file, "HOME")).toEqual({
      ok: true,
      value: [
        { facilityCode: "LEEDS", warehouseSku: "A", freeQuantity: 40, asOf: new Date("2026-11-22T11:00:00Z") },
        { facilityCode: "HOME", warehouseSku: "B", freeQuantity: 0, asOf: file.modifiedAt },
        { facilityCode: "MK", warehouseSku: "C", freeQuantity: -2, asOf: new Date("2026-11-22T10:30:00Z") },
      ],
    });
  });

  it("follows a warehouse's own headers", () => {
    const result = parseStockFile(Buffer.from("Item Code , Available\nA,7\n"), { sku: "item code", freeQuantity: "AVAILABLE" }, file, "HOME");
    expect(result).toEqual({ ok: true, value: [{ facilityCode: "HOME", warehouseSku: "A", freeQuantity: 7, asOf: file.modifiedAt }] });
  });

  it.each([
    ["a missing column", "sku,free_quantity\nA,1", /no column “facility”, “as_of”/],
    ["a fractional quantity", "facility,sku,free_quantity,as_of\n,A,1.5,", /line 2, the free quantity “1.5” is not a whole number/],
    ["an empty SKU", "facility,sku,free_quantity,as_of\n,,1,", /line 2, the SKU is empty/],
  ])("refuses a file with %s", (_name, text, message) => {
    const result = parseStockFile(Buffer.from(text), DEFAULT_STOCK_COLUMNS, file, "HOME");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
