// An 846 Inventory Inquiry/Advice → free stock per SKU, a snapshot. BIA opens it; each LIN names a SKU
// and the QTY segments after it give quantities by qualifier: the first of the connection's free-stock
// qualifiers found is the free quantity (33 "available for sale" by default; 17 "on hand" includes
// allocated stock, so it is not taken unless configured). Pure.
import { err, ok, type Result } from "~/lib/result";
import type { StockLevelIn } from "../warehouse-connector";
import type { EdiX12Config } from "./edi-x12-config";
import { element, type Segment } from "./segments";
import { badElement, missing, productId, wholeQuantity, type SetProblem } from "./set-problem";
import { x12Instant } from "./x12-dates";

type Read846Config = Pick<EdiX12Config, "timeZone" | "skuQualifier" | "freeQuantityQualifiers" | "facilityCode">;

const LIN_PAIRS: [number, number][] = [[2, 3], [4, 5], [6, 7], [8, 9]];
const FACILITY_PARTIES = ["WH", "SF", "SU"];

/** The heading's DTM (any qualifier; date, time) when given, else BIA-04 and BIA-05. */
function asOf(heading: Segment[], bia: Segment, timeZone: string): Date | null {
  const dtm = heading.find((s) => s.tag === "DTM" && element(s, 2));
  return dtm ? x12Instant(element(dtm, 2), element(dtm, 3), timeZone) : x12Instant(element(bia, 4), element(bia, 5), timeZone);
}

function facilityOf(heading: Segment[], fallback: string): string {
  const n1 = heading.find((s) => s.tag === "N1" && FACILITY_PARTIES.includes(element(s, 1)) && element(s, 4));
  return n1 ? element(n1, 4) : fallback;
}

/** LIN loops: each LIN with the segments up to the next LIN. */
function linLoops(segments: Segment[]): Segment[][] {
  const loops: Segment[][] = [];
  for (const s of segments) {
    if (s.tag === "LIN") loops.push([s]);
    else loops.at(-1)?.push(s);
  }
  return loops;
}

function readLoop(segments: Segment[], loop: Segment[], config: Read846Config): Result<{ sku: string; free: number }, SetProblem> {
  const [lin] = loop as [Segment, ...Segment[]];
  const sku = productId(lin, LIN_PAIRS, config.skuQualifier);
  if (!sku) return err(badElement(segments, lin, "A LIN segment has no product id (LIN-03)."));
  const quantities = loop.filter((s) => s.tag === "QTY");
  const qty = config.freeQuantityQualifiers.map((q) => quantities.find((s) => element(s, 1) === q)).find(Boolean);
  if (!qty) return err(badElement(segments, lin, `LIN for ${sku} has no QTY with qualifier ${config.freeQuantityQualifiers.join(" or ")} (free stock).`));
  const free = wholeQuantity(element(qty, 2));
  // Some warehouses report oversold stock as negative; the figure is kept, as for CSV stock files.
  if (free === null) return err(badElement(segments, qty, `QTY for ${sku}: “${element(qty, 2)}” is not a whole number.`));
  return ok({ sku, free });
}

export function read846(segments: Segment[], config: Read846Config): Result<StockLevelIn[], SetProblem[]> {
  const bia = segments.find((s) => s.tag === "BIA");
  if (!bia) return err([missing("BIA", "The 846 has no BIA segment.")]);
  const firstLin = segments.findIndex((s) => s.tag === "LIN");
  const heading = firstLin === -1 ? segments : segments.slice(0, firstLin);
  const at = asOf(heading, bia, config.timeZone);
  const problems: SetProblem[] = [];
  if (!at) problems.push(badElement(segments, bia, "The 846 has no readable report date (DTM, or BIA-04 CCYYMMDD)."));
  if (firstLin === -1) problems.push(missing("LIN", "The 846 has no LIN item."));
  const facilityCode = facilityOf(heading, config.facilityCode);
  // Several LIN loops for one SKU (lots, locations) add up.
  const bySku = new Map<string, number>();
  for (const loop of linLoops(segments.slice(Math.max(firstLin, 0)))) {
    const read = readLoop(segments, loop, config);
    if (!read.ok) problems.push(read.error);
    else bySku.set(read.value.sku, (bySku.get(read.value.sku) ?? 0) + read.value.free);
  }
  if (problems.length || !at) return err(problems);
  return ok([...bySku].map(([warehouseSku, freeQuantity]) => ({ facilityCode, warehouseSku, freeQuantity, asOf: at })));
}
