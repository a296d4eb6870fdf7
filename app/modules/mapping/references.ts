// Which warehouse field gets the PO number, the order number, the customer organisation, delivery
// instructions and the requested delivery date. Losing the PO on the way is a classic B2B failure, so
// each reference goes exactly where the merchant said, and nowhere when the field is left empty.
import type { OrderFacts } from "~/modules/orders/order-facts";
import type { ReferenceMapping } from "./mapping-settings.schema";
import { mappingProblem, quoted, type MappingProblem, type Where } from "./mapping-problem";
import { toAscii } from "./transliterate";

type Source = keyof ReferenceMapping;

const LABELS: Record<Source, string> = {
  poNumber: "PO number",
  orderNumber: "order number",
  customerOrganisation: "customer organisation",
  deliveryInstructions: "delivery instructions",
  requestedDeliveryDate: "requested delivery date",
};

function values(facts: OrderFacts, requestedDeliveryDate: string | null): Record<Source, string | null> {
  return {
    poNumber: facts.poNumber,
    orderNumber: facts.name.replace(/^#/, ""),
    customerOrganisation: facts.company?.name ?? facts.shippingAddress?.company ?? null,
    // SparkLayer may put the customer reference in the note; when the PO came from there, it is not an instruction.
    deliveryInstructions: facts.poSource === "note" ? null : facts.note,
    requestedDeliveryDate,
  };
}

export function referencesFor(
  facts: OrderFacts,
  mapping: ReferenceMapping,
  options: { transliterate: boolean; requestedDeliveryDate: string | null },
  where: Where,
): { references: Record<string, string>; problems: MappingProblem[] } {
  const references: Record<string, string> = {};
  const bad: { source: Source; value: string; characters: string[] }[] = [];
  const given = values(facts, options.requestedDeliveryDate);
  for (const source of Object.keys(LABELS) as Source[]) {
    const field = mapping[source];
    const value = given[source]?.trim();
    if (!field || !value) continue;
    const ascii = options.transliterate ? toAscii(value) : { text: value, unrepresentable: [] };
    if (ascii.unrepresentable.length) bad.push({ source, value, characters: ascii.unrepresentable });
    references[field] = ascii.text;
  }
  return { references, problems: bad.length ? [untransliterable(bad, where)] : [] };
}

function untransliterable(bad: { source: Source; value: string; characters: string[] }[], where: Where): MappingProblem {
  const list = bad.map((b) => `${quoted(b.value)} (${LABELS[b.source]})`).join(", ");
  return mappingProblem(
    "untransliterable",
    { orderNumber: where.orderNumber, subject: `${where.connectionId}:references` },
    `The order has characters ${where.warehouse} cannot take: ${list}. Write them in Latin letters in Shopify, then retry.`,
    { references: bad },
  );
}
