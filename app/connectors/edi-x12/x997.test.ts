import { describe, expect, it } from "vitest";
import { readEnvelope } from "./envelope";
import { fixture } from "./fixtures/fixtures";
import { read997, segments997 } from "./x997";

describe("997", () => {
  it("reads the warehouse's 997 for our 940s per ST control number", () => {
    const r = readEnvelope(fixture("997-from-warehouse.edi"));
    const segments = r.ok ? (r.value.groups[0]?.transactions[0]?.segments ?? []) : [];
    expect(read997(segments)).toEqual({
      ok: true,
      value: {
        functionalId: "OW", groupControlNumber: "7", groupStatus: "partially-accepted", groupErrorCodes: [],
        sets: [
          { setId: "940", controlNumber: "0001", status: "accepted", errorCodes: [] },
          { setId: "940", controlNumber: "0002", status: "rejected", errorCodes: ["5"] },
        ],
      },
    });
  });

  it("refuses a 997 without AK1 or AK9", () => {
    const r = read997([{ tag: "AK2", elements: ["940", "0001"], line: 4 }]);
    expect(r.ok === false && r.error.map((p) => p.segment)).toEqual(["AK1", "AK9"]);
  });

  it("writes AK1, AK2/AK3/AK5 per set and AK9 with included, received and accepted counts", () => {
    const lines = segments997({
      functionalId: "SW", controlNumber: "301", declaredCount: 3, accepted: false, errorCodes: ["5"],
      sets: [
        { setId: "945", controlNumber: "0001", accepted: false, errorCodes: ["5"], segmentProblems: [{ segment: "W06", position: null, code: "3", sentence: "" }] },
        { setId: "945", controlNumber: "0002", accepted: false, errorCodes: ["4", "3"], segmentProblems: [] },
      ],
    }).map((s) => [s.tag, ...s.elements].join("*"));
    expect(lines).toEqual(["AK1*SW*301", "AK2*945*0001", "AK3*W06***3", "AK5*R*5", "AK2*945*0002", "AK5*R*4*3", "AK9*R*3*2*0*5"]);
  });

  it("accepts a group whose sets are all accepted", () => {
    const lines = segments997({ functionalId: "IB", controlNumber: "9", declaredCount: 1, accepted: true, errorCodes: [], sets: [{ setId: "846", controlNumber: "0001", accepted: true, errorCodes: [], segmentProblems: [] }] });
    expect(lines.map((s) => [s.tag, ...s.elements].join("*"))).toEqual(["AK1*IB*9", "AK2*846*0001", "AK5*A", "AK9*A*1*1*1"]);
  });
});
