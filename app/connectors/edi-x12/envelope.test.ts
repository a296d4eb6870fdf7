import { describe, expect, it } from "vitest";
import { buildInterchange, envelopeFaults, readEnvelope, type InterchangeToWrite } from "./envelope";
import { fixture } from "./fixtures/fixtures";

const read = (text: string) => {
  const r = readEnvelope(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe("reading envelopes", () => {
  it("reads the separators from the ISA and the sets from the groups", () => {
    const r = read(fixture("945-two-shipments.edi"));
    expect(r.separators).toEqual({ element: "*", subElement: ">", segment: "~", repetition: null });
    expect(r.header).toMatchObject({ senderId: "GXOLEEDS", receiverId: "LOADBAY", controlNumber: "000000506", version: "00401", usage: "P" });
    expect(r.groups.map((g) => [g.functionalId, g.controlNumber, g.declaredCount, g.transactions.map((t) => [t.setId, t.controlNumber, t.segments[0]?.tag])])).toEqual([
      ["SW", "306", 2, [["945", "0001", "W06"], ["945", "0002", "W06"]]],
    ]);
    expect(envelopeFaults(r)).toEqual([]);
  });

  it("reads other separators, no line breaks and a byte-order mark", () => {
    const text = "\uFEFF" + fixture("945-full.edi").replaceAll("*", "|").replaceAll("~\n", "'").replace("|>'", "|:'");
    const r = read(text);
    expect(r.separators).toMatchObject({ element: "|", subElement: ":", segment: "'" });
    expect(envelopeFaults(r)).toEqual([]);
    expect(r.groups[0]?.transactions[0]?.segments.length).toBe(14);
  });

  it.each([
    ["945-se-count-wrong.edi", "4", /SE-01 of transaction set 945 0001 says 15 segments; the set has 16/],
    ["945-control-mismatch.edi", "3", /SE-02 \(0009\) does not match ST-02 \(0001\)/],
  ])("records %s against the set with AK5 code %s", (name, code, sentence) => {
    const r = read(fixture(name));
    const set = r.groups[0]?.transactions[0];
    expect(set?.errors.map((e) => e.code)).toEqual([code]);
    expect(set?.errors[0]?.sentence).toMatch(sentence);
    expect(r.problems).toEqual([]);
  });

  it("records a wrong GE count against the group (AK9 code 5)", () => {
    const r = read(fixture("945-ge-count-wrong.edi"));
    expect(r.groups[0]?.errors).toEqual([{ code: "5", sentence: "GE-01 of group SW 301 says 2 transaction sets; the group holds 1." }]);
  });

  it("records a wrong IEA count against the interchange", () => {
    expect(read(fixture("945-iea-count-wrong.edi")).problems).toEqual(["IEA-01 says 2 functional groups; the interchange holds 1."]);
  });

  it("finds missing trailers, stray segments, cut-off files and repeated control numbers", () => {
    const base = fixture("945-two-shipments.edi");
    const noSe = read(base.replace("SE*16*0001~\n", ""));
    expect(noSe.groups[0]?.transactions[0]?.errors.map((e) => e.code)).toEqual(["2"]);
    expect(read(base.replace("ST*945*0002", "ST*945*0001").replace(/SE\*(\d+)\*0002/, "SE*$1*0001")).groups[0]?.transactions[1]?.errors.map((e) => e.code)).toEqual(["23"]);
    expect(read(base.replace("GE*2*306~\n", "")).groups[0]?.errors.map((e) => e.code)).toEqual(["3"]);
    expect(read(base.replace(/IEA\*1\*000000506~\n$/, "")).problems).toEqual(["The IEA trailer is missing: the file may be cut off."]);
    expect(read(base.replace(/~\n$/, "")).problems[0]).toMatch(/ends in the middle of a segment/);
    expect(read(base + base).problems).toEqual(["The file holds a second interchange after the IEA; Loadbay takes one interchange per file."]);
    expect(read(base.replace("ST*945*0001~\n", "")).problems[0]).toMatch(/is outside any transaction set/);
    expect(read(base.replace("IEA*1*000000506", "IEA*1*000000507")).problems).toEqual(["IEA-02 (000000507) does not match ISA-13 (000000506)."]);
  });

  it.each([
    ["not X12", "hello", /does not start with an ISA/],
    ["a short ISA", "ISA*00*", /cut short/],
    ["an ISA element of the wrong width", fixture("945-full.edi").replace("*GXOLEEDS       *", "*GXOLEEDS*"), /ISA-06 must be exactly 15 characters/],
    ["a letter as separator", fixture("945-full.edi").replace("*P*>~", "*P*A~"), /three different characters/],
    ["a non-numeric ISA-13", fixture("945-full.edi").replace("000000501*0*P", "00000050X*0*P"), /ISA-13.*9 digits/],
  ])("refuses %s as unreadable", (_name, text, message) => {
    const r = readEnvelope(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe("building envelopes", () => {
  const input = (overrides: Partial<InterchangeToWrite> = {}): InterchangeToWrite => ({
    parties: {
      sender: { qualifier: "ZZ", interchangeId: "LOADBAY", groupCode: "LOADBAY" },
      receiver: { qualifier: "01", interchangeId: "123456789", groupCode: "GXO" },
      usage: "T", version: "004010", separators: { element: "*", subElement: ">", segment: "~", repetition: null }, lineBreaks: false,
    },
    control: { interchange: 12, group: 34, transaction: 56 },
    clock: { date: "20261122", time: "0905" },
    functionalId: "FA",
    transactions: [{ setId: "997", segments: [{ tag: "AK1", elements: ["SW", "1"] }, { tag: "AK9", elements: ["A", "0", "0", "0", ""] }] }, { setId: "997", segments: [{ tag: "AK1", elements: ["SW", "2"] }] }],
    ...overrides,
  });

  it("pads the ISA, counts the trailers and numbers the sets on", () => {
    const built = buildInterchange(input());
    expect(built).toEqual({
      ok: true,
      value: {
        text:
          "ISA*00*          *00*          *ZZ*LOADBAY        *01*123456789      *261122*0905*U*00401*000000012*0*T*>~" +
          "GS*FA*LOADBAY*GXO*20261122*0905*34*X*004010~ST*997*0056~AK1*SW*1~AK9*A*0*0*0~SE*4*0056~ST*997*0057~AK1*SW*2~SE*3*0057~GE*2*34~IEA*1*000000012~",
        last: { interchange: 12, group: 34, transaction: 57 },
      },
    });
    if (built.ok) expect(envelopeFaults(read(built.value.text))).toEqual([]);
  });

  it("writes the repetition separator in ISA-11 from version 00501", () => {
    const parties = { ...input().parties, version: "005010", separators: { element: "*", subElement: ":", segment: "~", repetition: "^" } };
    const built = buildInterchange(input({ parties }));
    expect(built.ok && built.value.text.slice(0, 106)).toMatch(/\*\^\*00501\*000000012\*0\*T\*:~$/);
    if (built.ok) expect(read(built.value.text).separators.repetition).toBe("^");
  });

  it("refuses a value that contains a separator", () => {
    const built = buildInterchange(input({ transactions: [{ setId: "997", segments: [{ tag: "AK1", elements: ["SW", "1~2"] }] }] }));
    expect(built).toEqual({ ok: false, error: "AK1-02 (“1~2”) contains “~”, which the interchange uses as a separator." });
  });
});
