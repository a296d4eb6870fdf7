import { describe, expect, it } from "vitest";
import type { WarehouseOrderLine } from "~/modules/mapping/warehouse-order-draft";
import { findEarlierAttempt, planDispatch, trackingInput, warehouseOrderComplete, type FulfillmentOrderNow, type PlanInput } from "./dispatch-plan";

const LOC = "gid://shopify/Location/1";
const line = (sourceLineItemId: string, warehouseSku: string, orderedQuantity: number, factor = 1): WarehouseOrderLine => ({
  warehouseSku,
  baseSku: warehouseSku,
  sourceLineItemId,
  sourceSku: factor > 1 ? `CASE-${factor}-${warehouseSku}` : warehouseSku,
  orderedQuantity,
  factor,
  quantity: orderedQuantity * factor,
});
const fo = (id: string, lines: [string, string, number][], status = "OPEN", locationId = LOC): FulfillmentOrderNow => ({
  id,
  status,
  locationId,
  lines: lines.map(([lineId, lineItemId, remainingQuantity]) => ({ id: lineId, lineItemId, remainingQuantity })),
});
const input = (patch: Partial<PlanInput>): PlanInput => ({ shipped: [], sent: [], appliedBefore: [], fulfillmentOrders: [], locationId: LOC, ...patch });

describe("planDispatch", () => {
  it.each([
    {
      name: "a case-of-12 line shipped as 24 units fulfils 2 cases",
      input: input({ shipped: [{ warehouseSku: "W", quantity: 24 }], sent: [line("L1", "W", 3, 12)], fulfillmentOrders: [fo("F1", [["FL1", "L1", 3]])] }),
      units: [{ lineItemId: "L1", quantity: 2 }],
      byFo: [{ fulfillmentOrderId: "F1", fulfillmentOrderLineItems: [{ id: "FL1", quantity: 2 }] }],
    },
    {
      name: "the same base SKU as a case and as singles fills the cases first",
      input: input({
        shipped: [{ warehouseSku: "W", quantity: 20 }, { warehouseSku: "W", quantity: 9 }],
        sent: [line("L1", "W", 5), line("L2", "W", 2, 12)],
        fulfillmentOrders: [fo("F1", [["FL1", "L1", 5], ["FL2", "L2", 2]])],
      }),
      units: [{ lineItemId: "L2", quantity: 2 }, { lineItemId: "L1", quantity: 5 }],
      byFo: [{ fulfillmentOrderId: "F1", fulfillmentOrderLineItems: [{ id: "FL1", quantity: 5 }, { id: "FL2", quantity: 2 }] }],
    },
    {
      name: "a line split across two fulfillment orders at the facility is spread over both",
      input: input({
        shipped: [{ warehouseSku: "A", quantity: 7 }],
        sent: [line("L1", "A", 10)],
        fulfillmentOrders: [fo("F1", [["FL1", "L1", 4]]), fo("F2", [["FL2", "L1", 6]]), fo("F9", [["FL9", "L1", 10]], "OPEN", "gid://shopify/Location/2")],
      }),
      units: [{ lineItemId: "L1", quantity: 7 }],
      byFo: [
        { fulfillmentOrderId: "F1", fulfillmentOrderLineItems: [{ id: "FL1", quantity: 4 }] },
        { fulfillmentOrderId: "F2", fulfillmentOrderLineItems: [{ id: "FL2", quantity: 3 }] },
      ],
    },
    {
      name: "a second partial shipment counts what the first already fulfilled",
      input: input({
        shipped: [{ warehouseSku: "A", quantity: 4 }],
        sent: [line("L1", "A", 10)],
        appliedBefore: [{ lineItemId: "L1", quantity: 6 }],
        fulfillmentOrders: [fo("F1", [["FL1", "L1", 4]], "IN_PROGRESS")],
      }),
      units: [{ lineItemId: "L1", quantity: 4 }],
      byFo: [{ fulfillmentOrderId: "F1", fulfillmentOrderLineItems: [{ id: "FL1", quantity: 4 }] }],
    },
  ])("$name", ({ input: given, units, byFo }) => {
    const result = planDispatch(given);
    expect(result).toEqual({ ok: true, plan: { units, lineItemsByFulfillmentOrder: byFo } });
  });

  it.each([
    {
      name: "a SKU that was not on the order",
      input: input({ shipped: [{ warehouseSku: "X", quantity: 1 }], sent: [line("L1", "A", 1)], fulfillmentOrders: [fo("F1", [["FL1", "L1", 1]])] }),
      kind: "dispatch-unknown-sku",
      message: "The warehouse shipped 1 × X, which is not on the order it was sent.",
    },
    {
      name: "units that are not whole packs",
      input: input({ shipped: [{ warehouseSku: "W", quantity: 18 }], sent: [line("L1", "W", 2, 12)], fulfillmentOrders: [fo("F1", [["FL1", "L1", 2]])] }),
      kind: "dispatch-not-whole-pack",
      message: "The warehouse shipped 18 units of W, which is not a whole number of packs of 12 for CASE-12-W. Check the shipment or the unit of measure.",
    },
    {
      name: "more than was ordered",
      input: input({ shipped: [{ warehouseSku: "A", quantity: 6 }], sent: [line("L1", "A", 5)], fulfillmentOrders: [fo("F1", [["FL1", "L1", 5]])] }),
      kind: "dispatch-over-shipment",
      message: "The warehouse shipped 6 units of A, but only 5 are still to be fulfilled for A. Check the shipment with the warehouse.",
    },
    {
      name: "more than is left after an earlier shipment",
      input: input({ shipped: [{ warehouseSku: "A", quantity: 3 }], sent: [line("L1", "A", 5)], appliedBefore: [{ lineItemId: "L1", quantity: 4 }], fulfillmentOrders: [fo("F1", [["FL1", "L1", 1]])] }),
      kind: "dispatch-over-shipment",
      message: "The warehouse shipped 3 units of A, but only 1 are still to be fulfilled for A. Check the shipment with the warehouse.",
    },
    {
      name: "more than Shopify still has open (fulfilled by hand meanwhile)",
      input: input({ shipped: [{ warehouseSku: "A", quantity: 5 }], sent: [line("L1", "A", 5)], fulfillmentOrders: [fo("F1", [["FL1", "L1", 2]])] }),
      kind: "dispatch-over-shipment",
      message: "The warehouse shipped 5 units of A, but only 2 are still to be fulfilled for A. Check the shipment with the warehouse.",
    },
    {
      name: "a line on hold in Shopify",
      input: input({ shipped: [{ warehouseSku: "A", quantity: 1 }], sent: [line("L1", "A", 5)], fulfillmentOrders: [fo("F1", [["FL1", "L1", 5]], "ON_HOLD")] }),
      kind: "dispatch-not-fulfillable",
      message: "A is on hold in Shopify, so its shipment cannot be recorded. Release the hold in Shopify, then retry.",
    },
  ])("refuses $name", ({ input: given, kind, message }) => {
    const result = planDispatch(given);
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ kind, message })] });
  });

  it("names every problem of one shipment at once", () => {
    const result = planDispatch(
      input({ shipped: [{ warehouseSku: "X", quantity: 1 }, { warehouseSku: "A", quantity: 9 }], sent: [line("L1", "A", 5)], fulfillmentOrders: [fo("F1", [["FL1", "L1", 5]])] }),
    );
    expect(result.ok ? [] : result.problems.map((p) => p.kind)).toEqual(["dispatch-unknown-sku", "dispatch-over-shipment"]);
  });

  it("ignores zero-quantity lines", () => {
    const result = planDispatch(input({ shipped: [{ warehouseSku: "A", quantity: 2 }, { warehouseSku: "B", quantity: 0 }], sent: [line("L1", "A", 5)], fulfillmentOrders: [fo("F1", [["FL1", "L1", 5]])] }));
    expect(result.ok).toBe(true);
  });
});

describe("warehouseOrderComplete", () => {
  const sent = [line("L1", "A", 3), line("L2", "W", 2, 12)];
  it.each([
    { applied: [{ lineItemId: "L1", quantity: 3 }, { lineItemId: "L2", quantity: 2 }], complete: true },
    { applied: [{ lineItemId: "L1", quantity: 1 }, { lineItemId: "L1", quantity: 2 }, { lineItemId: "L2", quantity: 2 }], complete: true },
    { applied: [{ lineItemId: "L1", quantity: 3 }, { lineItemId: "L2", quantity: 1 }], complete: false },
    { applied: [], complete: false },
  ])("$applied → $complete", ({ applied, complete }) => expect(warehouseOrderComplete(sent, applied)).toBe(complete));
});

describe("findEarlierAttempt", () => {
  const at = new Date("2026-11-23T10:00:00Z");
  const units = [{ lineItemId: "L1", quantity: 2 }];
  const made = (id: string, patch: Partial<{ createdAt: Date; trackingNumbers: string[]; lines: { lineItemId: string; quantity: number }[] }> = {}) => ({
    id,
    createdAt: new Date("2026-11-23T10:00:01Z"),
    trackingNumbers: ["T1"],
    lines: units,
    ...patch,
  });
  it.each([
    { name: "the fulfillment the lost answer created", existing: [made("F1")], taken: [], found: "F1" },
    { name: "not one already recorded for another shipment", existing: [made("F1")], taken: ["F1"], found: null },
    { name: "not one with other lines", existing: [made("F1", { lines: [{ lineItemId: "L1", quantity: 1 }] })], taken: [], found: null },
    { name: "not one with other tracking", existing: [made("F1", { trackingNumbers: ["T9"] })], taken: [], found: null },
    { name: "not one made long before the attempt", existing: [made("F1", { createdAt: new Date("2026-11-23T09:00:00Z") })], taken: [], found: null },
    { name: "lines in another order still match", existing: [made("F2", { lines: [{ lineItemId: "L1", quantity: 1 }, { lineItemId: "L1", quantity: 1 }] })], taken: [], found: "F2" },
  ])("$name", ({ existing, taken, found }) => {
    expect(findEarlierAttempt({ units, trackingNumbers: ["T1"], attemptedAt: at, skewMs: 120_000 }, existing, new Set(taken))).toBe(found);
  });
});

describe("trackingInput", () => {
  it.each([
    { advice: { carrier: "DPD", trackingNumbers: ["T1", "T2"], trackingUrls: ["https://t/1"] }, input: { company: "DPD", numbers: ["T1", "T2"], urls: ["https://t/1"] } },
    { advice: { carrier: null, trackingNumbers: [], trackingUrls: ["https://t/1"] }, input: null },
    { advice: { carrier: "Pallet", trackingNumbers: [], trackingUrls: ["https://t/1"] }, input: { company: "Pallet" } },
  ])("$advice → $input", ({ advice, input: expected }) => expect(trackingInput(advice)).toEqual(expected));
});
