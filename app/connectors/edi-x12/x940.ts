// Loadbay's warehouse order draft → one 940 Warehouse Shipping Order in its own interchange (one file per
// order). W05-02 carries the idempotency key, so the 945 names the order back in W06-02. Lines go one
// per SKU, as dispatches come back by SKU. Pure and deterministic: same draft, numbers and clock → same
// bytes (DESIGN.md invariant 2: a resent file is byte-for-byte the first one).
import { err, ok, type Result } from "~/lib/result";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { ControlNumbers } from "./control-numbers";
import { groupCodeOf, type EdiX12Config } from "./edi-x12-config";
import { buildInterchange, type EnvelopeParties, type OutboundTransaction } from "./envelope";
import { isoDateToX12, x12Clock } from "./x12-dates";

type Out = { tag: string; elements: string[] };
const seg = (tag: string, ...elements: (string | null | undefined)[]): Out => ({ tag, elements: elements.map((e) => e ?? "") });

/** Our side sends, the partner receives: the envelope parties for anything Loadbay writes. */
export function outboundParties(config: EdiX12Config): EnvelopeParties {
  return {
    sender: { qualifier: config.us.qualifier, interchangeId: config.us.interchangeId, groupCode: groupCodeOf(config.us) },
    receiver: { qualifier: config.partner.qualifier, interchangeId: config.partner.interchangeId, groupCode: groupCodeOf(config.partner) },
    usage: config.usage,
    version: config.version,
    separators: { ...config.separators, repetition: config.version >= "005010" ? config.separators.repetition : null },
    lineBreaks: config.lineBreaks,
  };
}

function linesBySku(draft: WarehouseOrderDraft): { sku: string; quantity: number }[] {
  const bySku = new Map<string, number>();
  for (const line of draft.lines) bySku.set(line.warehouseSku, (bySku.get(line.warehouseSku) ?? 0) + line.quantity);
  return [...bySku].map(([sku, quantity]) => ({ sku, quantity }));
}

function shipToLoop(draft: WarehouseOrderDraft): Out[] {
  const { shipTo } = draft;
  const partyName = shipTo.company ?? shipTo.name;
  const out = [seg("N1", "ST", partyName)];
  if (shipTo.company && shipTo.name !== shipTo.company) out.push(seg("N2", shipTo.name));
  // N3 takes two street lines and may repeat once.
  for (let i = 0; i < shipTo.lines.length; i += 2) out.push(seg("N3", shipTo.lines[i], shipTo.lines[i + 1]));
  // N4-02 is a state or province code (2 or 3 characters: "CA", "ON"); a region name such as a UK county
  // does not fit it and is left out, the postcode locates the address.
  const regionCode = shipTo.region && /^[A-Za-z0-9]{2,3}$/.test(shipTo.region) ? shipTo.region : "";
  out.push(seg("N4", shipTo.city, regionCode, shipTo.postcode, shipTo.countryCode));
  if (shipTo.phone || shipTo.email) {
    const contact = [...(shipTo.phone ? ["TE", shipTo.phone] : []), ...(shipTo.email ? ["EM", shipTo.email] : [])];
    out.push(seg("PER", "IC", shipTo.name, ...contact));
  }
  return out;
}

function problemsOf(draft: WarehouseOrderDraft, config: EdiX12Config): string[] {
  const problems: string[] = [];
  const key = draft.idempotencyKey;
  if (key.length > config.orderNumberMaxLength) {
    problems.push(`The order reference ${key} is ${key.length} characters; the 940 order number (W05-02) takes at most ${config.orderNumberMaxLength}. Shorten the connection's order key prefix or agree a longer field with the warehouse.`);
  }
  if (draft.lines.length === 0) problems.push("The warehouse order has no lines; a 940 needs at least one W01.");
  if (draft.shipTo.lines.length > 4) problems.push("The delivery address has more than 4 street lines; a 940 takes at most two N3 segments of two lines.");
  const date = draft.references[config.requestedDateReference];
  if (date && !isoDateToX12(date)) problems.push(`The requested delivery date “${date}” is not an ISO date (YYYY-MM-DD).`);
  return problems;
}

/** The 940's segments between ST and SE. */
export function segments940(draft: WarehouseOrderDraft, config: EdiX12Config): Result<Out[], string[]> {
  const problems = problemsOf(draft, config);
  if (problems.length) return err(problems);
  const lines = linesBySku(draft);
  const requested = draft.references[config.requestedDateReference];
  const scac = config.scacByServiceCode[draft.serviceCode] ?? null;
  return ok([
    seg("W05", "N", draft.idempotencyKey, draft.references[config.poReference]),
    seg("N1", config.facilityParty, "", config.facilityQualifier, draft.facilityCode),
    ...shipToLoop(draft),
    ...(requested ? [seg("G62", config.requestedDateQualifier, isoDateToX12(requested))] : []),
    seg("W66", config.shipmentMethodOfPayment, config.transportationMethod, "", "", draft.serviceCode, "", "", "", "", scac),
    ...lines.flatMap((line, i) => [seg("LX", String(i + 1)), seg("W01", String(line.quantity), "EA", "", config.skuQualifier, line.sku)]),
    seg("W76", String(lines.reduce((sum, l) => sum + l.quantity, 0))),
  ]);
}

/**
 * The whole file for one warehouse order. `createdAt` and `control` are stored with the order before the
 * upload, so a retry renders the same bytes; `last` is what the caller stores as the connection's last numbers.
 */
export function render940(
  draft: WarehouseOrderDraft,
  config: EdiX12Config,
  envelope: { control: ControlNumbers; createdAt: Date },
): Result<{ text: string; last: ControlNumbers }, string[]> {
  const body = segments940(draft, config);
  if (!body.ok) return body;
  const transaction: OutboundTransaction = { setId: "940", segments: body.value };
  const built = buildInterchange({
    parties: outboundParties(config), control: envelope.control, clock: x12Clock(envelope.createdAt, config.timeZone), functionalId: "OW", transactions: [transaction],
  });
  return built.ok ? built : err([`Loadbay cannot write the 940 for ${draft.idempotencyKey}: ${built.error}`]);
}
