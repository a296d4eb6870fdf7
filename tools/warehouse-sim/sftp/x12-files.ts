// The simulated warehouse's EDI X12 (004010) files, written and read here on their own terms — not with
// Loadbay's reader — so the two sides check each other: it reads 940s (answering each with a 997), reads
// Loadbay's 997s, and writes 945s (one per shipment: every line with its status, a MAN per parcel), 846
// snapshots and 947 adjustments, each in its own interchange with its own control numbers.
import type { SimFileFormat, ShipmentOut } from "./sim-format";
import type { ReceivedOrder } from "./warehouse-files";

export interface X12Parties {
  /** The warehouse (ISA-06 on what it writes). */
  warehouse: { qualifier: string; id: string };
  /** Loadbay (ISA-08 on what it writes). */
  client: { qualifier: string; id: string };
  usage: "P" | "T";
}

type Segments = string[][];

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const ymd = (at: Date) => `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1, 2)}${pad(at.getUTCDate(), 2)}`;
const hm = (at: Date) => `${pad(at.getUTCHours(), 2)}${pad(at.getUTCMinutes(), 2)}`;

/** Segments of an interchange as element arrays, from its own separators (ISA characters 4, 105, 106). */
export function x12Segments(text: string): Segments | null {
  if (!text.startsWith("ISA") || text.length < 106) return null;
  const element = text[3]!;
  const terminator = text[105]!;
  return text.split(terminator).map((s) => s.trim()).filter(Boolean).map((s) => s.split(element));
}

export class X12Writer {
  private control = 0;

  constructor(private readonly parties: X12Parties, private readonly now: () => Date) {}

  /** One interchange of one group holding one set per `sets` entry. */
  interchange(functionalId: string, setId: string, sets: Segments[]): string {
    const n = ++this.control;
    const at = this.now();
    const { warehouse: w, client: c } = this.parties;
    const isa = `ISA*00*${" ".repeat(10)}*00*${" ".repeat(10)}*${w.qualifier}*${w.id.padEnd(15)}*${c.qualifier}*${c.id.padEnd(15)}*${ymd(at).slice(2)}*${hm(at)}*U*00401*${pad(n, 9)}*0*${this.parties.usage}*>`;
    const lines = [isa, `GS*${functionalId}*${w.id}*${c.id}*${ymd(at)}*${hm(at)}*${n}*X*004010`];
    sets.forEach((body, i) => {
      const st = pad(i + 1, 4);
      lines.push(`ST*${setId}*${st}`, ...body.map((s) => s.join("*")), `SE*${body.length + 2}*${st}`);
    });
    lines.push(`GE*${sets.length}*${n}`, `IEA*1*${pad(n, 9)}`);
    return `${lines.join("~\n")}~\n`;
  }
}

function shipment945(s: ShipmentOut): Segments {
  const ordered = new Map<string, number>();
  for (const l of s.order.lines) ordered.set(l.sku, (ordered.get(l.sku) ?? 0) + l.quantity);
  const shipped = new Map<string, number>();
  for (const l of s.parcels.flatMap((p) => p.lines)) shipped.set(l.sku, (shipped.get(l.sku) ?? 0) + l.quantity);
  const lines = [...ordered].flatMap(([sku, quantity], i) => {
    const now = shipped.get(sku) ?? 0;
    const left = s.remaining.get(sku) ?? 0;
    const status = left === 0 ? "CC" : now > 0 ? "PR" : "BP";
    return [["LX", String(i + 1)], ["W12", status, String(quantity), String(now), String(left), "EA", "", "SK", sku]];
  });
  const total = [...shipped.values()].reduce((a, b) => a + b, 0);
  return [
    ["W06", "F", s.order.reference, ymd(s.at), s.shipmentId, s.order.id],
    ["G62", "11", ymd(s.at), "8", hm(s.at)],
    ["W27", "M", s.carrier.replace(/[^A-Z]/gi, "").slice(0, 4).toUpperCase() || "DPDU", s.carrier],
    ...s.parcels.map((p) => ["MAN", "CP", p.tracking]),
    ...lines,
    ["W03", String(total)],
  ];
}

type Read940 = { ok: true; reference: string; lines: { sku: string; quantity: number }[]; fields: Record<string, string> } | { ok: false; reason: string };

function read940(body: Segments): Read940 {
  const w05 = body.find((s) => s[0] === "W05");
  if (!w05?.[2]) return { ok: false, reason: "W05-02 (order number) is missing" };
  const lines = body.filter((s) => s[0] === "W01").map((s) => ({ sku: s[5] ?? "", quantity: Number(s[1]) }));
  if (lines.length === 0 || lines.some((l) => !l.sku || !Number.isInteger(l.quantity) || l.quantity <= 0)) return { ok: false, reason: "a W01 line is missing or invalid" };
  const shipTo = body.find((s) => s[0] === "N1" && s[1] === "ST");
  const n4 = body.find((s) => s[0] === "N4");
  return { ok: true, reference: w05[2], lines, fields: { po_number: w05[3] ?? "", ship_to: shipTo?.[2] ?? "", ship_postcode: n4?.[3] ?? "", service_code: body.find((s) => s[0] === "W66")?.[5] ?? "" } };
}

/** Reads one ST … SE; the count in SE-01 must be right (a broken 940 is refused, as a translator would). */
function setsOf(segments: Segments): { setId: string; control: string; body: Segments; countOk: boolean }[] {
  const sets: { setId: string; control: string; body: Segments; countOk: boolean }[] = [];
  let open: (typeof sets)[number] | null = null;
  for (const s of segments) {
    if (s[0] === "ST") open = { setId: s[1] ?? "", control: s[2] ?? "", body: [], countOk: false };
    else if (s[0] === "SE" && open) {
      open.countOk = Number(s[1]) === open.body.length + 2 && s[2] === open.control;
      sets.push(open);
      open = null;
    } else open?.body.push(s);
  }
  return sets;
}

export function x12Format(parties: X12Parties, now: () => Date): SimFileFormat & { writer: X12Writer } {
  const writer = new X12Writer(parties, now);
  let adjustments = 0;
  const ack = (groupControl: string, verdicts: { control: string; accepted: boolean }[]) => {
    const accepted = verdicts.filter((v) => v.accepted).length;
    const status = accepted === verdicts.length ? "A" : accepted === 0 ? "R" : "P";
    return writer.interchange("FA", "997", [[
      ["AK1", "OW", groupControl],
      ...verdicts.flatMap((v) => [["AK2", "940", v.control], v.accepted ? ["AK5", "A"] : ["AK5", "R", "5"]]),
      ["AK9", status, String(verdicts.length), String(verdicts.length), String(accepted)],
    ]]);
  };
  return {
    writer,
    extension: "edi",
    readOrderFile(content, products) {
      const segments = x12Segments(content.toString("utf8"));
      const gs = segments?.find((s) => s[0] === "GS");
      if (!segments || !gs) return { ok: false, reason: "not an X12 interchange" };
      if (gs[1] === "FA") return { ok: true, orders: [], notAnOrder: true };
      if (gs[1] !== "OW") return { ok: false, reason: `group ${gs[1]} is not taken here` };
      const orders: ReceivedOrder[] = [];
      const verdicts = setsOf(segments).map((set) => {
        const read = set.countOk ? read940(set.body) : ({ ok: false, reason: "SE-01 count" } as const);
        const known = read.ok && (!products || read.lines.every((l) => products.has(l.sku)));
        if (read.ok && known) orders.push({ reference: read.reference, lines: read.lines, fields: read.fields });
        return { control: set.control, accepted: known };
      });
      const answer = ack(gs[6] ?? "", verdicts);
      return verdicts.every((v) => v.accepted) ? { ok: true, orders, answer } : { ok: false, reason: "997 rejected the 940", answer };
    },
    dispatchFile: (s) => writer.interchange("SW", "945", [shipment945(s)]),
    stockFile: (facility, levels, at) =>
      writer.interchange("IB", "846", [[
        ["BIA", "00", "DD", `INV${ymd(at)}${hm(at)}`, ymd(at), hm(at)],
        ["DTM", "405", ymd(at), hm(at)],
        ["N1", "WH", "SIM WAREHOUSE", "ZZ", facility],
        ...levels.flatMap(([sku, free], i) => [["LIN", String(i + 1), "SK", sku], ["QTY", "33", String(free), "EA"]]),
      ]]),
    adjustmentFile: (facility, movements, at) =>
      writer.interchange("AW", "947", [[
        ["W15", ymd(at), `ADJ${pad(++adjustments, 6)}`],
        ["N1", "WH", "SIM WAREHOUSE", "ZZ", facility],
        ...movements.map((m) => ["W19", m.delta < 0 ? "AU" : "56", String(m.delta), "EA", "", "SK", m.sku]),
      ]]),
  };
}
