import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { owDraft } from "./fixtures";
import { salesOrdersXml } from "./sales-order-xml";


// An independent reading: no array hints, values as strings.
const read = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false }).parse(xml);

describe("sales-order XML (what OrderWise pulls)", () => {
  it("carries reference, PO, customer, address, phone, service, lines and the totals exactly", () => {
    const doc = read(salesOrdersXml([owDraft()], { poReference: "poNumber" }));
    const order = doc.salesOrders.salesOrder;
    expect(doc.salesOrders["@count"]).toBe("1");
    expect(order).toMatchObject({
      orderReference: "LB-1001-LEEDS-0-r0",
      customerOrderNumber: "PO-4471",
      warehouseCode: "LEEDS",
      customer: { name: "Jo Bloggs", company: "Smith & Sons <Trade>" },
      deliveryAddress: { name: "Jo Bloggs", address1: "Unit 4", address2: "Canal Road", town: "Leeds", postcode: "LS11 5AA", countryCode: "GB", phone: "+44 113 496 0000" },
      deliveryMethod: "DPD-NEXT",
      totals: { grossTotal: { "@currency": "GBP", "#text": "1250.10" } },
    });
    expect(order.deliveryAddress.county).toBeUndefined();
    expect(order.lines.line).toEqual([
      { lineNumber: "1", productCode: "WIDGET-1", quantity: "24" },
      { lineNumber: "2", productCode: "007-BOLT", quantity: "5" },
    ]);
  });

  it("escapes markup in values, so a company name cannot break the document", () => {
    const xml = salesOrdersXml([owDraft()], { poReference: "poNumber" });
    expect(xml).toContain("Smith &amp; Sons &lt;Trade&gt;");
  });

  it("writes a batch in the order given, and an empty batch as an empty list", () => {
    const two = read(salesOrdersXml([owDraft(), owDraft({ idempotencyKey: "LB-1002-LEEDS-0-r0" })], { poReference: "poNumber" }));
    expect(two.salesOrders.salesOrder.map((o: { orderReference: string }) => o.orderReference)).toEqual(["LB-1001-LEEDS-0-r0", "LB-1002-LEEDS-0-r0"]);
    expect(read(salesOrdersXml([], { poReference: "poNumber" })).salesOrders).toMatchObject({ "@count": "0" });
  });

  it("leaves the customer order number out when the PO reference is not mapped", () => {
    const doc = read(salesOrdersXml([owDraft({ references: {} })], { poReference: "poNumber" }));
    expect(doc.salesOrders.salesOrder.customerOrderNumber).toBeUndefined();
  });
});
