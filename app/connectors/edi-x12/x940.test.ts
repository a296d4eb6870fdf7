import { describe, expect, it } from "vitest";
import { envelopeFaults, readEnvelope } from "./envelope";
import { config, draft, ENVELOPE, fixture } from "./fixtures/fixtures";
import { render940, segments940 } from "./x940";

const rendered = (d = draft(), c = config()) => {
  const r = render940(d, c, ENVELOPE);
  if (!r.ok) throw new Error(r.error.join(" "));
  return r.value;
};

describe("940 out", () => {
  it("writes exactly the 940 a warehouse receives (fixture 940-as-received.edi)", () => {
    expect(rendered().text).toBe(fixture("940-as-received.edi"));
  });

  it("is deterministic: the same draft, numbers and clock give the same bytes", () => {
    expect(rendered().text).toBe(rendered().text);
    expect(render940(draft(), config(), { ...ENVELOPE, control: { interchange: 43, group: 8, transaction: 2 } })).not.toEqual(render940(draft(), config(), ENVELOPE));
  });

  it("parses back and passes the same envelope validation as inbound files", () => {
    const variants = [
      draft(),
      draft({ shipTo: { ...draft().shipTo, company: null, phone: null, email: null, lines: ["1 Long Street", "Flat 2", "Block C"], region: "CA", countryCode: "US" } }),
      draft({ references: {}, serviceCode: "UNMAPPED-SERVICE" }),
    ];
    for (const d of variants) {
      const read = readEnvelope(rendered(d).text);
      expect(read.ok && envelopeFaults(read.value)).toEqual([]);
      expect(read.ok && read.value.groups[0]?.transactions[0]?.segments.find((s) => s.tag === "W05")?.elements[1]).toBe("LB-1001-LEEDS-0-r0");
    }
  });

  it("puts order, PO, parties, date, carrier and lines where the field guide says", () => {
    const c = config({ skuQualifier: "VN", facilityParty: "WH", facilityQualifier: "91", shipmentMethodOfPayment: "CC", transportationMethod: "U" });
    const body = segments940(draft(), c);
    const line = (tag: string) => body.ok && body.value.filter((s) => s.tag === tag).map((s) => s.elements.join("*"));
    expect(line("W05")).toEqual(["N*LB-1001-LEEDS-0-r0*PO-4471"]);
    expect(line("N1")).toEqual(["WH**91*LEEDS", "ST*Acme Trading Ltd"]);
    expect(line("W66")).toEqual(["CC*U***DPD-NEXT*****DPDU"]);
    expect(line("W01")).toEqual(["10*EA**VN*WIDGET-1", "4*EA**VN*GADGET-2"]);
    expect(line("W76")).toEqual(["14"]);
  });

  it("leaves out what the draft does not have: no PO, no date, no SCAC, no contact, a region name", () => {
    const d = draft({ references: {}, serviceCode: "OTHER", shipTo: { ...draft().shipTo, company: null, phone: null, email: null, region: "West Yorkshire" } });
    const body = segments940(d, config());
    const tags = body.ok ? body.value.map((s) => `${s.tag}*${s.elements.join("*")}`) : [];
    expect(tags).toContain("W05*N*LB-1001-LEEDS-0-r0*");
    expect(tags).toContain("N1*ST*Jo Bloggs");
    expect(tags).toContain("N4*Leeds**LS11 5AA*GB");
    expect(tags.some((t) => t.startsWith("G62") || t.startsWith("PER") || t.startsWith("N2"))).toBe(false);
    expect(tags).toContain("W66*PP*T***OTHER*****");
    const text = render940(d, config(), ENVELOPE);
    expect(text.ok && text.value.text).toContain("\nW66*PP*T***OTHER~\n");
  });

  it.each([
    ["a reference longer than W05-02 takes", draft({ idempotencyKey: "LB-123456789012-LEEDS-0-r0" }), /is 26 characters; the 940 order number \(W05-02\) takes at most 22/],
    ["no lines", draft({ lines: [] }), /no lines/],
    ["a date that is not ISO", draft({ references: { requiredDeliveryDate: "25/11/2026" } }), /“25\/11\/2026” is not an ISO date/],
    ["a separator in the data", draft({ shipTo: { ...draft().shipTo, name: "Jo*Bloggs" } }), /contains “\*”, which the interchange uses as a separator/],
  ])("refuses %s with a sentence", (_name, d, message) => {
    const r = render940(d, config(), ENVELOPE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.join(" ")).toMatch(message);
  });

  it("takes a longer order number when the partner agreed one", () => {
    expect(render940(draft({ idempotencyKey: "LB-123456789012-LEEDS-0-r0" }), config({ orderNumberMaxLength: 40 }), ENVELOPE).ok).toBe(true);
  });
});
