import { describe, expect, it } from "vitest";
import { orderFacts } from "../../../test/support/factories/order-facts";
import { referenceMappingSchema } from "./mapping-settings.schema";
import { referencesFor } from "./references";

const where = { orderNumber: "1001", connectionId: "gxo", warehouse: "GXO Leeds" };
const plain = { transliterate: false, requestedDeliveryDate: null };

describe("reference mapping", () => {
  it("sends each reference to its field by default", () => {
    const facts = orderFacts({ note: "Deliver to goods in, door 4" });
    expect(referencesFor(facts, referenceMappingSchema.parse({}), { ...plain, requestedDeliveryDate: "2026-12-01" }, where).references).toEqual({
      poNumber: "PO-1",
      orderNumber: "1001",
      companyName: "Acme Trading",
      deliveryNotes: "Deliver to goods in, door 4",
      requiredDeliveryDate: "2026-12-01",
    });
  });

  it.each([
    ["PO into a warehouse's own field", { poNumber: "CustomerPurchaseOrderReferenceNumber" }, orderFacts(), { CustomerPurchaseOrderReferenceNumber: "PO-1" }],
    ["an empty field leaves the reference out", { poNumber: "" }, orderFacts(), {}],
    ["a missing PO is left out, not sent empty", { poNumber: "poNumber" }, orderFacts({ poNumber: null }), {}],
    ["a note that was the PO is not also an instruction", { poNumber: "po", deliveryInstructions: "notes" }, orderFacts({ poNumber: "PO-9", poSource: "note", note: "PO-9" }), { po: "PO-9" }],
    ["a note is an instruction when the PO came from elsewhere", { deliveryInstructions: "notes" }, orderFacts({ note: "Gate 3" }), { notes: "Gate 3" }],
    ["the organisation falls back to the address company", { customerOrganisation: "org" }, orderFacts({ company: null }), { org: "Acme Trading" }],
  ])("%s", (_name, over, facts, expected) => {
    const none = { poNumber: null, orderNumber: null, customerOrganisation: null, deliveryInstructions: null, requestedDeliveryDate: null };
    expect(referencesFor(facts, referenceMappingSchema.parse({ ...none, ...over }), plain, where).references).toEqual(expected);
  });

  it("refuses two references in one field", () => {
    expect(referenceMappingSchema.safeParse({ poNumber: "Reference", orderNumber: "Reference" }).success).toBe(false);
  });

  it("folds references for an ASCII-only warehouse and reports what cannot be folded", () => {
    const facts = orderFacts({ note: "Bitte an Tor 3 – Danke", company: { ...orderFacts().company!, name: "株式会社" } });
    const result = referencesFor(facts, referenceMappingSchema.parse({}), { ...plain, transliterate: true }, where);
    expect(result.references.deliveryNotes).toBe("Bitte an Tor 3 - Danke");
    expect(result.problems.map((p) => [p.key, p.message])).toEqual([
      ["untransliterable:1001:gxo:references", "The order has characters GXO Leeds cannot take: “株式会社” (customer organisation). Write them in Latin letters in Shopify, then retry."],
    ]);
  });
});
