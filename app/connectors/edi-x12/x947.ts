// A 947 Warehouse Inventory Adjustment Advice → stock deltas. W15 identifies the adjustment; each W19 is
// one item's change with a reason code. The contract's StockLevelIn is absolute, so deltas travel in
// their own shape (StockAdjustmentIn, in the contract's StockPage). Pure.
import { err, ok, type Result } from "~/lib/result";
import type { StockAdjustmentIn } from "../warehouse-connector";
import type { EdiX12Config } from "./edi-x12-config";
import { element, type Segment } from "./segments";
import { badElement, missing, productId, type SetProblem } from "./set-problem";
import { x12Instant } from "./x12-dates";

/**
 * One item's change, in the contract's shape (StockAdjustmentIn). How to apply: add `delta` to the last
 * known free quantity of (facilityCode, warehouseSku) exactly once per `adjustmentId` + `line`, recorded
 * in the same transaction as the new level; an adjustment older than the latest 846 snapshot (`at` < its
 * `asOf`) is already in that snapshot and is recorded but not added. The sign of W19-02 is the direction
 * (negative = stock out): an assumption to confirm at onboarding, since some warehouses send positive
 * numbers and put the direction in the reason code.
 */
export type { StockAdjustmentIn };

type Read947Config = Pick<EdiX12Config, "timeZone" | "skuQualifier" | "facilityCode">;

const signedQuantity = (text: string) => (/^-?\d+(\.0*)?$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : null);

function facilityOf(segments: Segment[], fallback: string): string {
  const n1 = segments.find((s) => s.tag === "N1" && ["WH", "SF"].includes(element(s, 1)) && element(s, 4));
  return n1 ? element(n1, 4) : fallback;
}

export function read947(segments: Segment[], config: Read947Config): Result<StockAdjustmentIn[], SetProblem[]> {
  const w15 = segments.find((s) => s.tag === "W15");
  if (!w15) return err([missing("W15", "The 947 has no W15 segment.")]);
  const problems: SetProblem[] = [];
  const adjustmentId = element(w15, 2) || element(w15, 3);
  const at = x12Instant(element(w15, 1), "", config.timeZone);
  if (!adjustmentId) problems.push(badElement(segments, w15, "W15 has no adjustment number (W15-02 or W15-03)."));
  if (!at) problems.push(badElement(segments, w15, `W15-01 “${element(w15, 1)}” is not a date CCYYMMDD.`));
  const facilityCode = facilityOf(segments, config.facilityCode);
  const w19s = segments.filter((s) => s.tag === "W19");
  if (w19s.length === 0) problems.push(missing("W19", "The 947 has no W19 item."));
  const adjustments: StockAdjustmentIn[] = [];
  w19s.forEach((s, i) => {
    const warehouseSku = productId(s, [[5, 6], [7, 8], [17, 18]], config.skuQualifier);
    const delta = signedQuantity(element(s, 2));
    if (!warehouseSku) problems.push(badElement(segments, s, "A W19 item has no product id (W19-06)."));
    else if (delta === null) problems.push(badElement(segments, s, `W19 for ${warehouseSku}: the quantity (W19-02) “${element(s, 2)}” is not a whole number.`));
    else if (at) adjustments.push({ adjustmentId, line: i + 1, facilityCode, warehouseSku, delta, reasonCode: element(s, 1), at });
  });
  return problems.length ? err(problems) : ok(adjustments);
}
