import { describe, expect, it } from "vitest";
import { splitByStock, type StockView } from "./backorder-split";

const line = (baseSku: string, orderedQuantity: number, factor = 1) => ({ baseSku, factor, orderedQuantity, quantity: orderedQuantity * factor });
const stock = (levels: Record<string, number | null>): StockView => ({ available: (_facility, sku) => (sku in levels ? (levels[sku] ?? null) : null) });
const summary = (lines: ReturnType<typeof line>[]) => lines.map((l) => `${l.baseSku}×${l.orderedQuantity}=${l.quantity}`);

describe("backorder split", () => {
  it.each([
    ["all in stock", [line("A", 5)], { A: 10 }, ["A×5=5"], []],
    ["exactly in stock", [line("A", 5)], { A: 5 }, ["A×5=5"], []],
    ["none in stock", [line("A", 5)], { A: 0 }, [], ["A×5=5"]],
    ["negative stock counts as none", [line("A", 5)], { A: -3 }, [], ["A×5=5"]],
    ["partly in stock splits the quantity", [line("A", 5)], { A: 3 }, ["A×3=3"], ["A×2=2"]],
    ["unknown stock is sent whole", [line("A", 5)], { A: null }, ["A×5=5"], []],
    ["one short line, one in stock", [line("A", 2), line("B", 4)], { A: 9, B: 0 }, ["A×2=2"], ["B×4=4"]],
    ["cases split in whole cases", [line("A", 3, 12)], { A: 30 }, ["A×2=24"], ["A×1=12"]],
    ["less than one case in stock", [line("A", 1, 12)], { A: 11 }, [], ["A×1=12"]],
    ["two lines share one SKU's stock", [line("A", 4), line("A", 4, 2)], { A: 6 }, ["A×4=4", "A×1=2"], ["A×3=6"]],
  ])("%s", (_name, lines, levels, now, later) => {
    const result = splitByStock(lines, "LEEDS", stock(levels));
    expect([summary(result.now), summary(result.later)]).toEqual([now, later]);
  });

  it("asks for stock at the facility being mapped", () => {
    const asked: string[] = [];
    splitByStock([line("A", 1)], "MK", { available: (facility, sku) => (asked.push(`${facility}/${sku}`), 1) });
    expect(asked).toEqual(["MK/A"]);
  });
});
