// A 945 Warehouse Shipping Advice → one dispatch advice (one shipment). W06 names the order (W06-02, the
// 940's W05-02) and the shipment (W06-04); W27 the carrier; MAN segments the parcels; W12 the lines.
// Whether the order is complete comes from the W12 line statuses (COMPLETE_STATUSES). Pure.
import { err, ok, type Result } from "~/lib/result";
import type { DispatchAdviceIn } from "../warehouse-connector";
import type { EdiX12Config } from "./edi-x12-config";
import { element, type Segment } from "./segments";
import { badElement, missing, productId, wholeQuantity, type SetProblem } from "./set-problem";
import { x12Instant } from "./x12-dates";

/**
 * W12-01 (Shipment/Order Status Code, element 368) values after which nothing more of the line follows:
 * CC shipment complete, CP partial shipment considered no backorder, CS complete with substitution, CM
 * complete with additional quantity, IC item cancelled. Anything else (PR partial, BP partial with back
 * order, DS out of stock, unknown codes) leaves the order open. An assumption to confirm at onboarding.
 */
export const COMPLETE_STATUSES: ReadonlySet<string> = new Set(["CC", "CP", "CS", "CM", "IC"]);

export interface ShippedLine {
  sku: string;
  status: string;
  ordered: number | null;
  shipped: number;
}

type Read945Config = Pick<EdiX12Config, "timeZone" | "skuQualifier" | "trackingQualifiers">;

function readLine(segments: Segment[], s: Segment, config: Read945Config): Result<ShippedLine, SetProblem> {
  const sku = productId(s, [[7, 8], [17, 18]], config.skuQualifier);
  const shipped = wholeQuantity(element(s, 3));
  const orderedText = element(s, 2);
  const ordered = orderedText === "" ? null : wholeQuantity(orderedText);
  if (!element(s, 1)) return err(badElement(segments, s, `A W12 line has no status (W12-01).`));
  if (!sku) return err(badElement(segments, s, `A W12 line has no product id (W12-08).`));
  if (shipped === null || shipped < 0) return err(badElement(segments, s, `W12 for ${sku}: the shipped quantity (W12-03) “${element(s, 3)}” is not a whole number of 0 or more.`));
  if (ordered === null && orderedText !== "") return err(badElement(segments, s, `W12 for ${sku}: the ordered quantity (W12-02) “${orderedText}” is not a whole number.`));
  return ok({ sku, status: element(s, 1), ordered, shipped });
}

function trackingNumbers(segments: Segment[], qualifiers: string[]): string[] {
  const numbers = segments
    .filter((s) => s.tag === "MAN")
    .flatMap((s) => [[element(s, 1), element(s, 2)], [element(s, 4), element(s, 5)]])
    .filter(([q, n]) => n && qualifiers.includes(q ?? ""))
    .map(([, n]) => n ?? "");
  return [...new Set(numbers)];
}

function shippedAt(segments: Segment[], w06: Segment, timeZone: string): Date | null {
  // G62-01 11: shipped on this date, with its time; W06-03 is the ship date alone.
  const g62 = segments.find((s) => s.tag === "G62" && element(s, 1) === "11");
  if (g62) return x12Instant(element(g62, 2), element(g62, 4), timeZone);
  return x12Instant(element(w06, 3), "", timeZone);
}

function header(segments: Segment[], timeZone: string): Result<{ w06: Segment; shippedAt: Date }, SetProblem[]> {
  const w06 = segments.find((s) => s.tag === "W06");
  if (!w06) return err([missing("W06", "The 945 has no W06 segment, so Loadbay cannot tell which order and shipment it reports.")]);
  const problems: SetProblem[] = [];
  if (!element(w06, 2)) problems.push(badElement(segments, w06, "W06-02, the depositor order number (Loadbay's order reference), is empty."));
  if (!element(w06, 4) && !element(w06, 5)) problems.push(badElement(segments, w06, "W06 has no shipment id (W06-04) or agent shipment id (W06-05)."));
  const at = shippedAt(segments, w06, timeZone);
  if (!at) problems.push(badElement(segments, w06, `The ship date (W06-03 “${element(w06, 3)}”, or G62 11) is not a date CCYYMMDD.`));
  return problems.length || !at ? err(problems) : ok({ w06, shippedAt: at });
}

function totalsProblem(segments: Segment[], lines: ShippedLine[]): SetProblem | null {
  const w03 = segments.find((s) => s.tag === "W03");
  if (!w03) return null;
  const declared = wholeQuantity(element(w03, 1));
  const counted = lines.reduce((sum, l) => sum + l.shipped, 0);
  return declared === counted ? null : badElement(segments, w03, `W03-01 says ${element(w03, 1)} units shipped; the W12 lines add up to ${counted}.`);
}

/** The lines and whether the order is done, for callers (and tests) that need the statuses. */
export function read945Lines(segments: Segment[], config: Read945Config): Result<ShippedLine[], SetProblem[]> {
  const lines: ShippedLine[] = [];
  const problems: SetProblem[] = [];
  for (const s of segments.filter((x) => x.tag === "W12")) {
    const line = readLine(segments, s, config);
    if (line.ok) lines.push(line.value);
    else problems.push(line.error);
  }
  if (lines.length === 0 && problems.length === 0) problems.push(missing("W12", "The 945 has no W12 line."));
  const totals = problems.length ? null : totalsProblem(segments, lines);
  if (totals) problems.push(totals);
  return problems.length ? err(problems) : ok(lines);
}

export function read945(segments: Segment[], config: Read945Config): Result<DispatchAdviceIn, SetProblem[]> {
  const head = header(segments, config.timeZone);
  const lines = read945Lines(segments, config);
  if (!head.ok || !lines.ok) return err([...(head.ok ? [] : head.error), ...(lines.ok ? [] : lines.error)]);
  const { w06 } = head.value;
  const w27 = segments.find((s) => s.tag === "W27");
  const bySku = new Map<string, number>();
  for (const l of lines.value.filter((x) => x.shipped > 0)) bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.shipped);
  return ok({
    shipmentId: element(w06, 4) || element(w06, 5),
    orderReference: element(w06, 2),
    warehouseReference: element(w06, 5) || null,
    shippedAt: head.value.shippedAt,
    carrier: (w27 && (element(w27, 2) || element(w27, 3))) || null,
    trackingNumbers: trackingNumbers(segments, config.trackingQualifiers),
    trackingUrls: [],
    lines: [...bySku].map(([warehouseSku, quantity]) => ({ warehouseSku, quantity })),
    complete: lines.value.every((l) => COMPLETE_STATUSES.has(l.status)),
  });
}
