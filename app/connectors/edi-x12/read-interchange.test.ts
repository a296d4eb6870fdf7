import { describe, expect, it } from "vitest";
import { envelopeFaults, readEnvelope } from "./envelope";
import { config, fixture } from "./fixtures/fixtures";
import { readInterchange } from "./read-interchange";

const ENVELOPE = { control: { interchange: 900, group: 80, transaction: 70 }, createdAt: new Date("2026-11-22T15:00:00Z") };
const read = (text: string) => readInterchange(text, config(), ENVELOPE);
/** The 997's AK segments, one string each. */
const akLines = (ack: string | null) => (ack ?? "").split("~").map((s) => s.trim()).filter((s) => s.startsWith("AK"));

describe("reading a whole inbound file", () => {
  it.each([
    ["945-full.edi", ["dispatch"]],
    ["945-two-shipments.edi", ["dispatch", "dispatch"]],
    ["846-snapshot.edi", ["stock-snapshot"]],
    ["947-adjustment.edi", ["stock-adjustments"]],
  ])("accepts %s and answers with a 997 that accepts it", (name, kinds) => {
    const r = read(fixture(name));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.documents.map((d) => d.kind)).toEqual(kinds);
    expect(akLines(r.ack).filter((l) => l.startsWith("AK5") || l.startsWith("AK9"))).toEqual([...kinds.map(() => "AK5*A"), `AK9*A*${kinds.length}*${kinds.length}*${kinds.length}`]);
    expect(r.ackControl).toEqual({ interchange: 900, group: 80, transaction: 70 });
  });

  it("writes a 997 from Loadbay to the warehouse that itself passes envelope validation", () => {
    const r = read(fixture("945-full.edi"));
    const ack = readEnvelope(r.ack ?? "");
    expect(ack.ok && envelopeFaults(ack.value)).toEqual([]);
    expect(ack.ok && [ack.value.header.senderId, ack.value.header.receiverId, ack.value.header.controlNumber, ack.value.groups[0]?.functionalId]).toEqual(["LOADBAY", "GXOLEEDS", "000000900", "FA"]);
    expect(akLines(r.ack)).toEqual(["AK1*SW*301", "AK2*945*0001", "AK5*A", "AK9*A*1*1*1"]);
  });

  it("reads the warehouse's 997 and does not acknowledge it", () => {
    const r = read(fixture("997-from-warehouse.edi"));
    expect(r.ok && r.documents[0]?.kind).toBe("acknowledgement");
    expect(r.ack).toBeNull();
    expect(r.ackControl).toBeNull();
  });

  it.each([
    ["945-se-count-wrong.edi", /SE-01 of transaction set 945 0001 says 15 segments; the set has 16/, ["AK1*SW*301", "AK2*945*0001", "AK5*R*4", "AK9*R*1*1*0"]],
    ["945-control-mismatch.edi", /SE-02 \(0009\) does not match ST-02 \(0001\)/, ["AK1*SW*301", "AK2*945*0001", "AK5*R*3", "AK9*R*1*1*0"]],
    ["945-ge-count-wrong.edi", /GE-01 of group SW 301 says 2 transaction sets; the group holds 1/, ["AK1*SW*301", "AK2*945*0001", "AK5*R", "AK9*R*2*1*0*5"]],
    ["945-iea-count-wrong.edi", /IEA-01 says 2 functional groups/, ["AK1*SW*301", "AK2*945*0001", "AK5*R", "AK9*R*1*1*0"]],
    ["945-missing-w06.edi", /In transaction set 945 0001 of group SW 307: The 945 has no W06 segment/, ["AK1*SW*307", "AK2*945*0001", "AK3*W06***3", "AK5*R*5", "AK9*R*1*1*0"]],
  ])("rejects %s whole, with the reason and a rejecting 997", (name, message, ak) => {
    const r = read(fixture(name));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.join(" ")).toMatch(message);
    expect(akLines(r.ack)).toEqual(ak);
  });

  it("gives nothing from a file where one set of two is bad, and rejects both in the 997", () => {
    const text = fixture("945-two-shipments.edi").replace("W12*BP*3*0*3*EA**SK*GADGET-2", "W12*BP*3*x*3*EA**SK*GADGET-2");
    const r = read(text);
    expect(r.ok).toBe(false);
    expect("documents" in r).toBe(false);
    expect(akLines(r.ack).filter((l) => /^AK[59]/.test(l))).toEqual(["AK5*R", "AK5*R*5", "AK9*R*2*2*0"]);
  });

  it.each([
    ["from another sender", (t: string) => t.replace("GXOLEEDS       ", "SOMEONEELSE    "), /comes from ZZ:SOMEONEELSE, not from the warehouse's id ZZ:GXOLEEDS/],
    ["addressed to someone else", (t: string) => t.replace("LOADBAY        ", "OTHERAPP       "), /addressed to ZZ:OTHERAPP/],
    ["test data on a production connection", (t: string) => t.replace("*0*P*>~", "*0*T*>~"), /marked test data/],
    ["an unsupported set", (t: string) => t.replace("ST*945", "ST*944").replace("GS*SW", "GS*RE"), /does not take 944 documents/],
    ["a set in the wrong group", (t: string) => t.replace("GS*SW", "GS*IB"), /a 945 does not belong in a IB group/],
  ])("rejects an interchange %s", (_name, change, message) => {
    const r = read(change(fixture("945-full.edi")));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join(" ")).toMatch(message);
  });

  it("has no 997 to write when the ISA is unreadable", () => {
    expect(read("ISA*broken")).toEqual({ ok: false, problems: ["The ISA segment is cut short: it must be 106 characters with its terminator."], ack: null, ackControl: null });
  });
});
