import { describe, expect, it } from "vitest";
import type { StockedItem } from "./item-map";
import type { DemandLine } from "./open-demand";
import { sellableFor, type SellableInput, type StockFigure } from "./sellable-stock";
import { NO_BUFFERS, type Buffer } from "./safety-buffer";

const AS_OF = new Date("2026-11-24T10:00:00Z");
const at = (minutes: number) => new Date(AS_OF.getTime() + minutes * 60_000);
const LEEDS = "gid://shopify/Location/1";
const MK = "gid://shopify/Location/2";

const item = (id: string, baseSku: string, factor: number): StockedItem => ({ inventoryItemId: id, variantId: id, sku: id, baseSku, factor, via: "sku-row" });
const ITEMS = new Map([
  ["MUG", [item("single", "MUG", 1), item("case12", "MUG", 12), item("case6", "MUG", 6)]],
  ["TEA", [item("tea", "TEA", 1)]],
]);
const figure = (freeQuantity: number, patch: Partial<StockFigure> = {}): StockFigure => ({
  connectionId: "c1",
  facilityCode: "LEEDS",
  baseSku: "MUG",
  freeQuantity,
  asOf: AS_OF,
  source: "snapshot",
  basis: "free",
  ...patch,
});
const order = (quantity: number, patch: Partial<DemandLine> = {}): DemandLine => ({
  orderId: "O1",
  locationId: LEEDS,
  baseSku: "MUG",
  quantity,
  state: "in_fulfilment",
  placedAt: at(-30),
  receivedAt: null,
  dispatchedAt: null,
  ...patch,
});
const run = (patch: Partial<SellableInput>) =>
  sellableFor({
    figures: [],
    items: ITEMS,
    facilities: [
      { code: "LEEDS", connectionId: "c1", shopifyLocationId: LEEDS },
      { code: "MK", connectionId: "c2", shopifyLocationId: MK },
    ],
    demand: [],
    buffers: NO_BUFFERS,
    skewMs: 0,
    ...patch,
  });
/** "item@location" → quantity shown, for compact expectations. */
const shown = (patch: Partial<SellableInput>) => Object.fromEntries(run(patch).rows.map((r) => [`${r.inventoryItemId}@${r.locationId.split("/").pop()}`, r.quantity]));
const mugs = (patch: Partial<SellableInput>) => {
  const all = shown(patch);
  return [all["single@1"], all["case12@1"], all["case6@1"]];
};
const buffers = (global: Buffer | null, perSku: [string, Buffer][] = []) => ({ global, perSku: new Map(perSku) });

describe("sellableFor: pack conversion on one pool", () => {
  it.each([
    { name: "30 units: 30 singles, 2 cases of 12, 5 cases of 6", free: 30, shown: [30, 2, 5] },
    { name: "11 units: no whole case of 12", free: 11, shown: [11, 0, 1] },
    { name: "exactly 12 units: one case of 12, two of 6", free: 12, shown: [12, 1, 2] },
    { name: "nothing: nothing of any size", free: 0, shown: [0, 0, 0] },
  ])("$name", ({ free, shown: expected }) => {
    expect(mugs({ figures: [figure(free)] })).toEqual(expected);
  });

  it("a case of 12 ordered takes 12 units from the singles and the case of 6 too", () => {
    expect(mugs({ figures: [figure(30)], demand: [order(12)] })).toEqual([18, 1, 3]);
  });
});

describe("sellableFor: safety buffer", () => {
  it.each([
    { name: "none", buffers: NO_BUFFERS, shown: [30, 2, 5] },
    { name: "5 units", buffers: buffers({ kind: "units", value: 5 }), shown: [25, 2, 4] },
    { name: "10 % of 30 is 3", buffers: buffers({ kind: "percent", value: 10 }), shown: [27, 2, 4] },
    { name: "12.5 % of 30 is 3.75, held back as 4", buffers: buffers({ kind: "percent", value: 12.5 }), shown: [26, 2, 4] },
    { name: "100 % holds back everything", buffers: buffers({ kind: "percent", value: 100 }), shown: [0, 0, 0] },
    { name: "a buffer larger than the stock shows nothing, not less than nothing", buffers: buffers({ kind: "units", value: 1_000 }), shown: [0, 0, 0] },
    { name: "the SKU's own buffer replaces the global one", buffers: buffers({ kind: "units", value: 20 }, [["MUG", { kind: "units", value: 6 }]]), shown: [24, 2, 4] },
    { name: "a SKU buffer of 0 means none, whatever the global", buffers: buffers({ kind: "percent", value: 50 }, [["MUG", { kind: "units", value: 0 }]]), shown: [30, 2, 5] },
    { name: "another SKU's buffer does not apply", buffers: buffers(null, [["TEA", { kind: "units", value: 29 }]]), shown: [30, 2, 5] },
    { name: "a fractional unit buffer holds back the whole unit", buffers: buffers({ kind: "units", value: 0.5 }), shown: [29, 2, 4] },
  ])("$name", ({ buffers: given, shown: expected }) => {
    expect(mugs({ figures: [figure(30)], buffers: given })).toEqual(expected);
  });

  it("a percentage is of the warehouse's figure, before open demand", () => {
    // 10 % of 40 = 4 (not 10 % of the 28 left after the order): 40 − 12 − 4 = 24.
    expect(mugs({ figures: [figure(40)], demand: [order(12)], buffers: buffers({ kind: "percent", value: 10 }) })).toEqual([24, 2, 4]);
  });

  it.each([
    { name: "over 100 %", buffer: { kind: "percent", value: 150 } as Buffer },
    { name: "negative", buffer: { kind: "units", value: -3 } as Buffer },
    { name: "not a number", buffer: { kind: "percent", value: Number.NaN } as Buffer },
  ])("refuses a buffer $name and writes nothing for the SKU", ({ buffer }) => {
    const result = run({ figures: [figure(30)], buffers: buffers(buffer) });
    expect(result.rows).toEqual([]);
    expect(result.problems.map((p) => p.key)).toEqual(["invalid-buffer:c1:LEEDS:MUG"]);
  });
});

describe("sellableFor: open demand against the figure's time", () => {
  const free = (demand: DemandLine[], basis: StockFigure["basis"] = "free", skewMs = 0) => shown({ figures: [figure(100, { basis })], demand, skewMs })["single@1"];
  it.each([
    { name: "an order the warehouse does not have yet", demand: [order(10)], shown: 90 },
    { name: "an order placed after the figure", demand: [order(10, { placedAt: at(5) })], shown: 90 },
    { name: "an order the warehouse received before the figure is in it already", demand: [order(10, { receivedAt: at(-1) })], shown: 100 },
    { name: "an order the warehouse received after the figure", demand: [order(10, { receivedAt: at(1) })], shown: 90 },
    { name: "received exactly at the figure's time counts as in it", demand: [order(10, { receivedAt: at(0) })], shown: 100 },
    { name: "a dispatch before the figure means it was received", demand: [order(10, { dispatchedAt: at(-1) })], shown: 100 },
    { name: "a held order counts", demand: [order(10, { state: "held" })], shown: 90 },
    { name: "an order not yet evaluated counts", demand: [order(10, { state: "received" })], shown: 90 },
    { name: "a released order not yet sent counts", demand: [order(10, { state: "released" })], shown: 90 },
    { name: "a cancelled order does not", demand: [order(10, { state: "cancelled" })], shown: 100 },
    { name: "a draft awaiting completion does not", demand: [order(10, { state: "draft_awaiting_completion" })], shown: 100 },
    { name: "an order at another location does not", demand: [order(10, { locationId: MK })], shown: 100 },
    { name: "an order for another SKU does not", demand: [order(10, { baseSku: "TEA" })], shown: 100 },
    { name: "several orders add up", demand: [order(10), order(5, { orderId: "O2", state: "held" }), order(7, { orderId: "O3", receivedAt: at(-9) })], shown: 85 },
    { name: "a fraction of a unit is held back as a whole unit", demand: [order(1.2)], shown: 98 },
    { name: "more demand than stock shows nothing, not less", demand: [order(250)], shown: 0 },
  ])("free figure: $name → $shown", ({ demand, shown: expected }) => {
    expect(free(demand)).toBe(expected);
  });

  it("demand as large as can be stays an exact number and shows nothing", () => {
    const [row] = run({ figures: [figure(100)], demand: [order(Number.MAX_SAFE_INTEGER), order(Number.MAX_SAFE_INTEGER, { orderId: "O2" })] }).rows;
    expect(row?.quantity).toBe(0);
    expect(Number.isSafeInteger(row?.pool.demand)).toBe(true);
  });

  it.each([
    { name: "received before the figure but still on the shelf", demand: [order(10, { receivedAt: at(-5) })], shown: 90 },
    { name: "dispatched before the figure", demand: [order(10, { receivedAt: at(-5), dispatchedAt: at(-1) })], shown: 100 },
    { name: "dispatched after the figure", demand: [order(10, { receivedAt: at(-5), dispatchedAt: at(2) })], shown: 90 },
    { name: "a partial dispatch: the shipped part is gone, the rest still waits", demand: [order(4, { receivedAt: at(-5), dispatchedAt: at(-1) }), order(6, { receivedAt: at(-5) })], shown: 94 },
  ])("on-hand figure: $name → $shown", ({ demand, shown: expected }) => {
    expect(free(demand, "on_hand")).toBe(expected);
  });

  it("within the clock allowance an order is taken off, erring towards selling less", () => {
    expect(free([order(10, { receivedAt: at(-0.5) })], "free", 60_000)).toBe(90);
    expect(free([order(10, { receivedAt: at(-2) })], "free", 60_000)).toBe(100);
  });

  it("shows which orders were taken off", () => {
    const [row] = run({ figures: [figure(100)], demand: [order(10), order(3), order(5, { orderId: "O2", receivedAt: at(-1) })] }).rows;
    expect(row?.pool).toMatchObject({ free: 100, demand: 13, buffer: 0, units: 87, deductedOrders: ["O1"] });
  });

  it.each([
    { name: "not a number", quantity: Number.NaN },
    { name: "negative", quantity: -5 },
    { name: "infinite", quantity: Number.POSITIVE_INFINITY },
  ])("refuses demand that is $name rather than guess", ({ quantity }) => {
    const result = run({ figures: [figure(100)], demand: [order(quantity)] });
    expect(result.rows).toEqual([]);
    expect(result.problems.map((p) => p.key)).toEqual(["invalid-demand:c1:LEEDS:MUG"]);
  });
});

describe("sellableFor: figures from the warehouse", () => {
  it.each([
    { name: "a negative figure shows nothing", free: -7, shown: [0, 0, 0] },
    { name: "a fractional figure rounds down", free: 12.9, shown: [12, 1, 2] },
    { name: "Shopify's largest quantity is shown as it is", free: 1_000_000_000, shown: [1_000_000_000, 83_333_333, 166_666_666] },
  ])("$name", ({ free, shown: expected }) => {
    expect(mugs({ figures: [figure(free)] })).toEqual(expected);
  });

  it("a negative figure counts as nothing on the shelf, so a percentage buffer is nothing too", () => {
    const [row] = run({ figures: [figure(-40)], buffers: buffers({ kind: "percent", value: 10 }) }).rows;
    expect(row?.pool).toMatchObject({ free: 0, buffer: 0, units: 0 });
  });

  it.each([
    { name: "not a number", free: Number.NaN },
    { name: "infinite", free: Number.POSITIVE_INFINITY },
    { name: "above what Shopify can hold", free: 1_000_000_001 },
    { name: "beyond exact integers", free: Number.MAX_SAFE_INTEGER + 2 },
  ])("refuses a figure that is $name and leaves Shopify as it is", ({ free }) => {
    const result = run({ figures: [figure(free)] });
    expect(result.rows).toEqual([]);
    expect(result.problems.map((p) => p.kind)).toEqual(["invalid-stock-figure"]);
    expect(result.problems[0]?.message).toMatch(/^The warehouse reported .* units of “MUG” at LEEDS/);
  });

  it("the newest figure for a SKU wins, whatever the order they arrive in", () => {
    expect(mugs({ figures: [figure(24, { asOf: at(5), source: "delta" }), figure(30), figure(6, { asOf: at(-5) })] })).toEqual([24, 2, 4]);
  });

  it("each facility writes to its own location, and SKUs match whatever their case", () => {
    expect(shown({ figures: [figure(5, { baseSku: "tea" }), figure(9, { connectionId: "c2", facilityCode: "MK", baseSku: "TEA" })] })).toEqual({ "tea@1": 5, "tea@2": 9 });
  });

  it.each([
    { name: "a facility without a Shopify location", patch: { figures: [figure(5, { facilityCode: "BRISTOL" })] } },
    { name: "a facility code under another connection", patch: { figures: [figure(5, { connectionId: "c2" })] } },
    { name: "a SKU no Shopify item sells", patch: { figures: [figure(5, { baseSku: "SPOON" })] } },
  ])("writes nothing for $name", ({ patch }) => {
    expect(run(patch)).toEqual({ rows: [], problems: [] });
  });

  it("two facilities on one Shopify location: neither is written, and it says why", () => {
    const result = run({
      figures: [figure(5), figure(9, { connectionId: "c2", facilityCode: "MK" })],
      facilities: [
        { code: "LEEDS", connectionId: "c1", shopifyLocationId: LEEDS },
        { code: "MK", connectionId: "c2", shopifyLocationId: LEEDS },
      ],
    });
    expect(result.rows).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([
      "Facilities LEEDS and MK are both mapped to the same Shopify location, so Loadbay cannot tell whose stock to show there and updates neither. Give each facility its own Shopify location.",
    ]);
  });
});
