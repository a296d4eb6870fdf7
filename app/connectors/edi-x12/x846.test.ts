import { describe, expect, it } from "vitest";
import { readEnvelope } from "./envelope";
import { config, fixture } from "./fixtures/fixtures";
import type { Segment } from "./segments";
import { read846 } from "./x846";

const segments = (): Segment[] => {
  const r = readEnvelope(fixture("846-snapshot.edi"));
  if (!r.ok) throw new Error(r.error);
  return r.value.groups[0]?.transactions[0]?.segments ?? [];
};
const without = (s: Segment[], tag: string) => s.filter((x) => x.tag !== tag);
const asOf = new Date("2026-11-22T06:00:00Z");

describe("846 in", () => {
  it("reads free stock (QTY 33) per LIN, the SKU by qualifier, the facility from N1 and the time from DTM", () => {
    expect(read846(segments(), config())).toEqual({
      ok: true,
      value: [
        { facilityCode: "LEEDS", warehouseSku: "WIDGET-1", freeQuantity: 120, asOf },
        { facilityCode: "LEEDS", warehouseSku: "GADGET-2", freeQuantity: 0, asOf },
        { facilityCode: "LEEDS", warehouseSku: "BOLT-3", freeQuantity: -2, asOf },
      ],
    });
  });

  it("falls back to the next configured qualifier, BIA's date and the connection's facility", () => {
    const s = without(without(segments(), "DTM"), "N1").map((x) => (x.tag === "BIA" ? { ...x, elements: ["00", "DD", "R1", "20260701", "1200"] } : x));
    const r = read846(s, config({ freeQuantityQualifiers: ["17", "33"], skuQualifier: "VN", facilityCode: "LDS-2" }));
    expect(r.ok && r.value.map((l) => [l.facilityCode, l.warehouseSku, l.freeQuantity, l.asOf.toISOString()])).toEqual([
      ["LDS-2", "WIDGET-1", 150, "2026-07-01T11:00:00.000Z"],
      ["LDS-2", "G2-VENDOR", 9, "2026-07-01T11:00:00.000Z"],
      ["LDS-2", "V-9", -2, "2026-07-01T11:00:00.000Z"],
    ]);
  });

  it("adds up several LIN loops of one SKU", () => {
    const s = segments().map((x) => (x.tag === "LIN" ? { ...x, elements: [x.elements[0] ?? "", "SK", "SAME"] } : x));
    expect(read846(s, config())).toMatchObject({ ok: true, value: [{ warehouseSku: "SAME", freeQuantity: 118 }] });
  });

  it.each([
    ["no BIA", without(segments(), "BIA"), /no BIA/],
    ["a LIN without free stock", segments().filter((x) => !(x.tag === "QTY" && x.elements[0] === "33" && x.elements[1] === "-2")), /LIN for BOLT-3 has no QTY with qualifier 33/],
    ["a quantity that is not whole", segments().map((x) => (x.tag === "QTY" && x.elements[1] === "120" ? { ...x, elements: ["33", "12.5", "EA"] } : x)), /“12.5” is not a whole number/],
    ["no LIN", segments().filter((x) => x.tag !== "LIN" && x.tag !== "QTY"), /no LIN item/],
  ])("refuses %s", (_name, s, message) => {
    const r = read846(s, config());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => p.sentence).join(" ")).toMatch(message);
  });
});
