import { describe, expect, it } from "vitest";
import { readAcknowledgements } from "./acknowledgement-xml";
import { readDespatches } from "./despatch-xml";
import { readFreeStock } from "./free-stock-xml";

const NOW = new Date("2026-11-23T12:00:00Z");

describe("acknowledgement XML", () => {
  it("reads accepted (with OrderWise's order number) and rejected (with its message)", () => {
    const read = readAcknowledgements(`<acknowledgements>
      <acknowledgement><orderReference>LB-1-A-0-r0</orderReference><status>Accepted</status><orderNumber>SO-77</orderNumber></acknowledgement>
      <acknowledgement><orderReference>LB-2-A-0-r0</orderReference><status>Rejected</status><message>Unknown product 007-BOLT</message></acknowledgement>
    </acknowledgements>`);
    expect(read).toEqual({
      ok: true,
      value: [
        { orderReference: "LB-1-A-0-r0", accepted: true, warehouseReference: "SO-77", message: "Accepted." },
        { orderReference: "LB-2-A-0-r0", accepted: false, warehouseReference: null, message: "Unknown product 007-BOLT" },
      ],
    });
  });

  it.each([
    ["not XML", "<acknowledgements><ack>", /well-formed/],
    ["another document", "<despatches/>", /acknowledgements/],
    ["an unknown status (refused whole)", "<acknowledgements><acknowledgement><orderReference>X</orderReference><status>Maybe</status></acknowledgement></acknowledgements>", /Accepted or Rejected/],
    ["no order reference", "<acknowledgements><acknowledgement><status>Accepted</status></acknowledgement></acknowledgements>", /orderReference/],
  ])("refuses %s", (_name, xml, reason) => {
    const read = readAcknowledgements(xml);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(reason);
  });

  it("reads an empty acknowledgement as nothing", () => {
    expect(readAcknowledgements("<acknowledgements/>")).toEqual({ ok: true, value: [] });
  });
});

const despatch = (status: string, consignments: string) => `<despatches><despatch>
  <orderReference>LB-1001-LEEDS-0-r0</orderReference><orderNumber>SO-77</orderNumber><orderStatus>${status}</orderStatus>
  <deliveryNumber>DN-5001</deliveryNumber><despatchDate>2026-11-23T10:15:00Z</despatchDate><courierName>DPD</courierName>
  ${consignments}
  <lines><line><productCode>007-BOLT</productCode><quantity>3</quantity></line><line><productCode>WIDGET-1</productCode><quantity>12</quantity></line></lines>
</despatch></despatches>`;

describe("despatch XML", () => {
  it("reads a partial despatch: delivery number as shipment id, consignment numbers as tracking, courier, lines", () => {
    const read = readDespatches(despatch("Partially despatched", "<consignmentNumbers><consignmentNumber>1Z001</consignmentNumber><consignmentNumber>1Z002</consignmentNumber></consignmentNumbers>"));
    expect(read).toEqual({
      ok: true,
      value: [{
        shipmentId: "DN-5001", orderReference: "LB-1001-LEEDS-0-r0", warehouseReference: "SO-77", shippedAt: new Date("2026-11-23T10:15:00Z"),
        carrier: "DPD", trackingNumbers: ["1Z001", "1Z002"], trackingUrls: [],
        lines: [{ warehouseSku: "007-BOLT", quantity: 3 }, { warehouseSku: "WIDGET-1", quantity: 12 }], complete: false,
      }],
    });
  });

  it.each([
    ["Completed", "<consignmentNumbers><consignmentNumber>1Z001</consignmentNumber></consignmentNumbers>", true, ["1Z001"]],
    ["completed", "<consignmentNumbers>1Z001, 1Z002</consignmentNumbers>", true, ["1Z001", "1Z002"]],
    ["Partially despatched", "", false, []],
  ])("status %s with %s → complete %s, tracking %j", (status, consignments, complete, tracking) => {
    const read = readDespatches(despatch(status, consignments));
    expect(read).toMatchObject({ ok: true, value: [{ complete, trackingNumbers: tracking }] });
  });

  it.each([
    ["an unknown status", despatch("Picked", ""), /Partially despatched/],
    ["a fractional quantity", despatch("Completed", "").replace("<quantity>3</quantity>", "<quantity>1.5</quantity>"), /whole number/],
    ["no delivery number", despatch("Completed", "").replace("<deliveryNumber>DN-5001</deliveryNumber>", ""), /deliveryNumber/],
    ["a bad date", despatch("Completed", "").replace("2026-11-23T10:15:00Z", "yesterday"), /date/],
    ["no despatch at all", "<despatches/>", /despatch/],
  ])("refuses %s", (_name, xml, reason) => {
    const read = readDespatches(xml);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(reason);
  });
});

describe("free-stock XML", () => {
  it("reads free stock per product, the facility from the document or the connection, the time from the document or now", () => {
    const read = readFreeStock(`<stockLevels dateTime="2026-11-23T06:00:00Z">
      <stockLevel><productCode>007-BOLT</productCode><freeStock>040</freeStock></stockLevel>
      <stockLevel><productCode>WIDGET-1</productCode><warehouseCode>YORK</warehouseCode><freeStock>-2</freeStock></stockLevel>
    </stockLevels>`, "LEEDS", NOW);
    const at = new Date("2026-11-23T06:00:00Z");
    expect(read).toEqual({ ok: true, value: [
      { facilityCode: "LEEDS", warehouseSku: "007-BOLT", freeQuantity: 40, asOf: at },
      { facilityCode: "YORK", warehouseSku: "WIDGET-1", freeQuantity: -2, asOf: at },
    ] });
    expect(readFreeStock("<stockLevels><stockLevel><productCode>A</productCode><freeStock>1</freeStock></stockLevel></stockLevels>", "LEEDS", NOW))
      .toMatchObject({ ok: true, value: [{ asOf: NOW }] });
  });

  it("refuses a quantity that is not a whole number", () => {
    expect(readFreeStock("<stockLevels><stockLevel><productCode>A</productCode><freeStock>many</freeStock></stockLevel></stockLevels>", "LEEDS", NOW).ok).toBe(false);
  });
});
