import { describe, expect, it } from "vitest";
import { DEFAULT_DISPATCH_COLUMNS } from "./column-maps";
import { parseDispatchFile } from "./dispatch-file";

const file = { path: "/dispatches/DSP_1.csv", modifiedAt: new Date("2026-11-22T12:00:00Z") };
const HEADER = "shipment_id,order_reference,warehouse_reference,shipped_at,carrier,tracking_number,tracking_url,sku,quantity,complete";
const csv = (...rows: string[]) => [HEADER, ...rows].join("\r\n");
const parseDefault = (text: string) => parseDispatchFile(Buffer.from(text), DEFAULT_DISPATCH_COLUMNS, file);

describe("dispatch file", () => {
  it("reads a partial shipment in two parcels as one shipment with both tracking numbers", () => {
    const result = parseDefault(csv(
      "S1,LB-1,WH-9,2026-11-22T10:00:00Z,DPD,T1,https://t/T1,WIDGET-1,5,N",
      "S1,LB-1,WH-9,2026-11-22T10:00:00Z,DPD,T2,https://t/T2,WIDGET-1,2,N",
      "S1,LB-1,WH-9,2026-11-22T10:00:00Z,DPD,T2,https://t/T2,WIDGET-2,1,N",
    ));
    expect(result).toEqual({
      ok: true,
      value: [{
        shipmentId: "S1", orderReference: "LB-1", warehouseReference: "WH-9", shippedAt: new Date("2026-11-22T10:00:00Z"), carrier: "DPD",
        trackingNumbers: ["T1", "T2"], trackingUrls: ["https://t/T1", "https://t/T2"],
        lines: [{ warehouseSku: "WIDGET-1", quantity: 7 }, { warehouseSku: "WIDGET-2", quantity: 1 }], complete: false,
      }],
    });
  });

  it("keeps shipments apart, in file order, and reads the complete flag", () => {
    const result = parseDefault(csv("S2,LB-2,,2026-11-22,,T9,,A,1,Y", "S1,LB-1,,2026-11-22 09:30,,,,B,2,no"));
    expect(result.ok && result.value.map((a) => [a.shipmentId, a.complete, a.shippedAt.toISOString(), a.trackingNumbers, a.warehouseReference])).toEqual([
      ["S2", true, "2026-11-22T00:00:00.000Z", ["T9"], null],
      ["S1", false, "2026-11-22T09:30:00.000Z", [], null],
    ]);
  });

  it("splits several parcel numbers in one cell", () => {
    const result = parseDefault(csv('S1,LB-1,,,,"T1, T2;T3",,A,1,'));
    expect(result.ok && result.value[0]?.trackingNumbers).toEqual(["T1", "T2", "T3"]);
  });

  it("takes the file's time when there is no dispatch time, and a shipment per order when there is no shipment id column", () => {
    const columns = { orderReference: "Ref", sku: "Item", quantity: "Qty" };
    const result = parseDispatchFile(Buffer.from("\uFEFFRef,Item,Qty\nLB-1,A,1\nLB-2,B,2\nLB-1,C,3\n"), columns, file);
    expect(result.ok && result.value.map((a) => [a.shipmentId, a.shippedAt, a.lines])).toEqual([
      ["DSP_1.csv:LB-1", file.modifiedAt, [{ warehouseSku: "A", quantity: 1 }, { warehouseSku: "C", quantity: 3 }]],
      ["DSP_1.csv:LB-2", file.modifiedAt, [{ warehouseSku: "B", quantity: 2 }]],
    ]);
  });

  it("matches headers whatever their case and surrounding spaces", () => {
    const text = HEADER.toUpperCase().replace("SKU", " Sku ") + "\r\nS1,LB-1,,,,,,A,1,";
    expect(parseDefault(text).ok).toBe(true);
  });

  it("reads an empty file as no shipments", () => {
    expect(parseDefault("")).toEqual({ ok: true, value: [] });
    expect(parseDefault(HEADER)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ["a missing column", "shipment_id,order_reference,sku\nS1,LB-1,A", /no column “warehouse_reference”, “shipped_at”/],
    ["a bad quantity", csv("S1,LB-1,,,,,,A,two,"), /on line 2, the quantity “two” is not a whole number above 0/],
    ["a zero quantity", csv("S1,LB-1,,,,,,A,0,"), /quantity “0”/],
    ["an empty SKU", csv("S1,LB-1,,,,,,,1,"), /line 2, the SKU is empty/],
    ["a bad date", csv("S1,LB-1,,22/11/2026,,,,A,1,"), /dispatch time “22\/11\/2026”/],
    ["an unclear complete flag", csv("S1,LB-1,,,,,,A,1,maybe"), /complete flag “maybe”/],
    ["one shipment naming two orders", csv("S1,LB-1,,,,,,A,1,", "S1,LB-2,,,,,,B,1,"), /line 3, shipment S1 names a second order/],
    ["broken CSV", csv('S1,"LB-1,,,,,,A,1,'), /not valid CSV/],
    ["a header twice", "sku,SKU\nA,B", /names the column “sku” twice/],
  ])("refuses a file with %s, naming the file", (_name, text, message) => {
    const result = parseDefault(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^Loadbay cannot read the dispatch file \/dispatches\/DSP_1\.csv: /);
      expect(result.error).toMatch(message);
    }
  });
});
