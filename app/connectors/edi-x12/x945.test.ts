import { describe, expect, it } from "vitest";
import { readEnvelope } from "./envelope";
import { config, fixture } from "./fixtures/fixtures";
import type { Segment } from "./segments";
import { read945 } from "./x945";

const setsOf = (name: string): Segment[][] => {
  const r = readEnvelope(fixture(name));
  if (!r.ok) throw new Error(r.error);
  return r.value.groups.flatMap((g) => g.transactions.map((t) => t.segments));
};
const first = (name: string) => setsOf(name)[0] ?? [];
const edit = (segments: Segment[], tag: string, elements: string[] | null): Segment[] =>
  segments.flatMap((s) => (s.tag !== tag ? [s] : elements ? [{ ...s, elements }] : []));

describe("945 in", () => {
  it("reads a full shipment: order, shipment, time in the partner's zone, carrier, parcels, lines, complete", () => {
    expect(read945(first("945-full.edi"), config())).toEqual({
      ok: true,
      value: {
        shipmentId: "SHP-77001", orderReference: "LB-1001-LEEDS-0-r0", warehouseReference: "GXO-55120",
        shippedAt: new Date("2026-11-22T14:05:00Z"), carrier: "DPDU",
        trackingNumbers: ["15501234567890", "15501234567891"], trackingUrls: [],
        lines: [{ warehouseSku: "WIDGET-1", quantity: 10 }, { warehouseSku: "GADGET-2", quantity: 4 }],
        complete: true,
      },
    });
  });

  it("reads a partial shipment: only CP tracking numbers, not-shipped lines left out, not complete", () => {
    const r = read945(first("945-partial.edi"), config());
    expect(r.ok && r.value).toMatchObject({
      shipmentId: "SHP-77002", shippedAt: new Date("2026-11-23T00:00:00Z"), carrier: "UPSN",
      trackingNumbers: ["1Z999AA10123456784", "1Z999AA10123456785", "1Z999AA10123456786"],
      lines: [{ warehouseSku: "WIDGET-1", quantity: 7 }], complete: false,
    });
  });

  it.each([
    [["CC", "CC"], true],
    [["CC", "CP"], true],
    [["CS", "IC"], true],
    [["CC", "PR"], false],
    [["CC", "BP"], false],
    [["CC", "ZZ"], false],
  ])("W12 statuses %j → complete %s", (statuses, complete) => {
    let n = 0;
    const segments = first("945-full.edi").map((s) => (s.tag === "W12" ? { ...s, elements: [statuses[n++] ?? "", ...s.elements.slice(1)] } : s));
    const r = read945(segments, config());
    expect(r.ok && r.value.complete).toBe(complete);
  });

  it("takes the SKU by the configured qualifier, and W06-05 as shipment id when W06-04 is empty", () => {
    const segments = edit(edit(first("945-full.edi"), "W06", ["F", "LB-1", "20261122", "", "AGENT-1"]), "W12", ["CC", "1", "1", "0", "EA", "", "UP", "0001234", "", "", "", "", "", "", "", "", "VN", "V-1"]);
    const r = read945(edit(segments, "W03", null), config({ skuQualifier: "VN" }));
    expect(r.ok && [r.value.shipmentId, r.value.lines]).toEqual(["AGENT-1", [{ warehouseSku: "V-1", quantity: 2 }]]);
  });

  it.each([
    ["no W06", (s: Segment[]) => edit(s, "W06", null), "W06", null, "3", /no W06 segment/],
    ["an empty order number", (s: Segment[]) => edit(s, "W06", ["F", "", "20261122", "S1"]), "W06", 2, "8", /W06-02/],
    ["no shipment id", (s: Segment[]) => edit(s, "W06", ["F", "LB-1", "20261122"]), "W06", 2, "8", /no shipment id/],
    ["a bad date", (s: Segment[]) => edit(edit(s, "G62", null), "W06", ["F", "LB-1", "20261340", "S1"]), "W06", 2, "8", /not a date/],
    ["a bad quantity", (s: Segment[]) => edit(s, "W12", ["CC", "4", "four", "0", "EA", "", "SK", "X"]), "W12", 12, "8", /“four” is not a whole number/],
    ["no product id", (s: Segment[]) => edit(s, "W12", ["CC", "4", "4"]), "W12", 12, "8", /no product id/],
    ["totals that do not add up", (s: Segment[]) => edit(s, "W03", ["15"]), "W03", 15, "8", /W03-01 says 15 units shipped; the W12 lines add up to 14/],
    ["no lines", (s: Segment[]) => edit(edit(s, "W12", null), "W03", null), "W12", null, "3", /no W12 line/],
  ])("refuses %s, locating the segment for the 997", (_name, change, segment, position, code, sentence) => {
    const r = read945(change(first("945-full.edi")), config());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error[0]).toMatchObject({ segment, position, code });
      expect(r.error[0]?.sentence).toMatch(sentence);
    }
  });

  it("reads the fixture with W06 missing as a refusal", () => {
    expect(read945(first("945-missing-w06.edi"), config()).ok).toBe(false);
  });
});
