// The delivery address as one warehouse takes it: complete, folded to ASCII where the warehouse needs
// it, and street lines that fit its fields. Nothing is cut or guessed; what does not fit is a problem.
import type { Address, OrderFacts } from "~/modules/orders/order-facts";
import type { AddressProfile } from "./mapping-settings.schema";
import { mappingProblem, quoted, type MappingProblem, type Where } from "./mapping-problem";
import { toAscii } from "./transliterate";
import { fitStreetLines } from "./wrap";

export interface ShipTo {
  name: string;
  company: string | null;
  /** Street lines, at most the profile's maxLines, each at most lineMaxLength. */
  lines: string[];
  city: string;
  region: string | null;
  postcode: string | null;
  countryCode: string;
  phone: string | null;
  email: string | null;
}

type Field = "name" | "company" | "address1" | "address2" | "city" | "region" | "postcode" | "phone" | "email";
type Fields = Record<Field, string | null>;

const LABELS: Record<Field, string> = {
  name: "name", company: "company", address1: "address line 1", address2: "address line 2", city: "city",
  region: "region", postcode: "postcode", phone: "phone number", email: "email address",
};

const clean = (value: string | null | undefined) => value?.replace(/\s+/g, " ").trim() || null;

function fieldsOf(facts: OrderFacts, a: Address): Fields {
  const company = clean(a.company) ?? clean(facts.company?.name);
  return {
    name: clean(a.name) ?? company, company, address1: clean(a.address1), address2: clean(a.address2), city: clean(a.city),
    region: clean(a.province), postcode: clean(a.zip), phone: clean(a.phone), email: clean(facts.email),
  };
}

export function shipToFor(facts: OrderFacts, profile: AddressProfile, where: Where): { shipTo: ShipTo | null; problems: MappingProblem[] } {
  const address = facts.shippingAddress;
  if (!address) return { shipTo: null, problems: [missingAddress(["address"], where)] };
  const raw = fieldsOf(facts, address);
  const countryCode = clean(address.countryCode)?.toUpperCase() ?? null;
  const missing = (["name", "address1", "city"] as const).filter((f) => raw[f] === null).map((f) => LABELS[f]);
  if (missing.length || !countryCode) return { shipTo: null, problems: [missingAddress(countryCode ? missing : [...missing, "country"], where)] };
  const { fields, problem } = profile.transliterate ? folded(raw, where) : { fields: raw, problem: null };
  const problems = problem ? [problem] : [];
  const lines = fitStreetLines([fields.address1 ?? "", fields.address2 ?? ""], profile.lineMaxLength, profile.maxLines, profile.overflow);
  if (!lines) problems.push(streetTooLong(fields, profile, where));
  problems.push(...tooLongFields(fields, profile.fieldMaxLength, where));
  if (problems.length || !lines) return { shipTo: null, problems };
  const { name, company, city, region, postcode, phone, email } = fields;
  return { shipTo: { name: name ?? "", company, lines, city: city ?? "", region, postcode, countryCode, phone, email }, problems };
}

function folded(raw: Fields, where: Where): { fields: Fields; problem: MappingProblem | null } {
  const fields = { ...raw };
  const bad: { field: Field; value: string; characters: string[] }[] = [];
  for (const field of Object.keys(raw) as Field[]) {
    const value = raw[field];
    if (value === null) continue;
    const ascii = toAscii(value);
    fields[field] = ascii.text;
    if (ascii.unrepresentable.length) bad.push({ field, value, characters: ascii.unrepresentable });
  }
  if (!bad.length) return { fields, problem: null };
  const list = bad.map((b) => `${quoted(b.value)} (${LABELS[b.field]})`).join(", ");
  const message = `The shipping address has characters ${where.warehouse} cannot take: ${list}. Write them in Latin letters in Shopify, then retry.`;
  return { fields, problem: mappingProblem("untransliterable", { orderNumber: where.orderNumber, subject: `${where.connectionId}:address` }, message, { fields: bad }) };
}

const missingAddress = (missing: string[], where: Where) =>
  mappingProblem(
    "missing-address",
    { orderNumber: where.orderNumber },
    `The shipping address has no ${missing.join(", ")}. Complete the shipping address in Shopify, then retry.`,
    { missing },
  );

function streetTooLong(fields: Fields, profile: AddressProfile, where: Where): MappingProblem {
  const street = [fields.address1, fields.address2].filter(Boolean).join(", ");
  const room = `${profile.maxLines} ${profile.maxLines === 1 ? "line" : "lines"} of ${profile.lineMaxLength} characters`;
  return mappingProblem(
    "address-too-long",
    { orderNumber: where.orderNumber, subject: `${where.connectionId}:street` },
    `The street address ${quoted(street)} does not fit the ${room} that ${where.warehouse} takes. Shorten it in Shopify, then retry.`,
    { address1: fields.address1, address2: fields.address2, lineMaxLength: profile.lineMaxLength, maxLines: profile.maxLines, overflow: profile.overflow },
  );
}

function tooLongFields(fields: Fields, max: number | null, where: Where): MappingProblem[] {
  if (max === null) return [];
  return (["name", "company", "city"] as const)
    .filter((f) => (fields[f]?.length ?? 0) > max)
    .map((f) =>
      mappingProblem(
        "address-too-long",
        { orderNumber: where.orderNumber, subject: `${where.connectionId}:${f}` },
        `The ${LABELS[f]} ${quoted(fields[f] ?? "")} is longer than the ${max} characters ${where.warehouse} takes. Shorten it in Shopify, then retry.`,
        { field: f, value: fields[f], max },
      ),
    );
}
