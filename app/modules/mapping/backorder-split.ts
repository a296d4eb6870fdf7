// Backorder split: lines in stock go now, the rest follow as their own warehouse order, instead of the
// warehouse rejecting the whole order for one short line. Only when stock is known: a line whose stock is
// unknown is sent whole. Splits are in whole ordered units (whole cases), because what comes back is
// fulfilled against Shopify line quantities.

/** Free stock per facility and base SKU, in base units; null when Loadbay does not know it. */
export interface StockView {
  available(facilityCode: string, baseSku: string): number | null;
}

export interface SplittableLine {
  baseSku: string;
  factor: number;
  orderedQuantity: number;
  quantity: number;
}

export function splitByStock<L extends SplittableLine>(lines: L[], facilityCode: string, stock: StockView): { now: L[]; later: L[] } {
  const left = new Map<string, number | null>();
  const now: L[] = [];
  const later: L[] = [];
  for (const line of lines) {
    if (!left.has(line.baseSku)) left.set(line.baseSku, stock.available(facilityCode, line.baseSku));
    const free = left.get(line.baseSku) ?? null;
    if (free === null) {
      now.push(line);
      continue;
    }
    const units = Math.min(line.orderedQuantity, Math.floor(Math.max(free, 0) / line.factor));
    left.set(line.baseSku, free - units * line.factor);
    if (units > 0) now.push(portion(line, units));
    if (units < line.orderedQuantity) later.push(portion(line, line.orderedQuantity - units));
  }
  return { now, later };
}

const portion = <L extends SplittableLine>(line: L, orderedQuantity: number): L =>
  orderedQuantity === line.orderedQuantity ? line : { ...line, orderedQuantity, quantity: orderedQuantity * line.factor };
