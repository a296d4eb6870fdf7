import { describe, expect, it } from "vitest";
import { readEnvelope } from "./envelope";
import { config, fixture } from "./fixtures/fixtures";
import type { Segment } from "./segments";
import { read947 } from "./x947";

const segments = (): Segment[] => {
  const r = readEnvelope(fixture("947-adjustment.edi"));
  if (!r.ok) throw new Error(r.error);
  return r.value.groups[0]?.transactions[0]?.segments ?? [];
};
const at = new Date("2026-11-22T00:00:00Z");

describe("947 in", () => {
  it("reads each W19 as a signed delta with its reason, keyed by adjustment number and line", () => {
    expect(read947(segments(), config())).toEqual({
      ok: true,
      value: [
        { adjustmentId: "ADJ-9001", line: 1, facilityCode: "LEEDS", warehouseSku: "WIDGET-1", delta: -2, reasonCode: "AU", at },
        { adjustmentId: "ADJ-9001", line: 2, facilityCode: "LEEDS", warehouseSku: "GADGET-2", delta: 5, reasonCode: "56", at },
      ],
    });
  });

  it.each([
    ["no W15", segments().filter((s) => s.tag !== "W15"), /no W15/],
    ["no adjustment number", segments().map((s) => (s.tag === "W15" ? { ...s, elements: ["20261122"] } : s)), /no adjustment number/],
    ["a 6-digit date", segments().map((s) => (s.tag === "W15" ? { ...s, elements: ["261122", "A1"] } : s)), /“261122” is not a date CCYYMMDD/],
    ["a fractional quantity", segments().map((s) => (s.tag === "W19" ? { ...s, elements: ["AU", "1.5", "EA", "", "SK", "X"] } : s)), /“1.5” is not a whole number/],
    ["no items", segments().filter((s) => s.tag !== "W19"), /no W19/],
  ])("refuses %s", (_name, s, message) => {
    const r = read947(s, config());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => p.sentence).join(" ")).toMatch(message);
  });
});
