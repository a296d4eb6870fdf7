import { describe, expect, it } from "vitest";
import type { OrderLine } from "~/modules/orders/order-facts";
import { LEEDS_LOCATION, mappingSettings, MK_LOCATION } from "../../../test/support/factories/mapping-settings";
import { orderFacts } from "../../../test/support/factories/order-facts";
import type { StockView } from "./backorder-split";
import { compileMappingSettings } from "./compile-settings";
import { mapOrder } from "./map-order";

const ctx = { orderNumber: "1001", revision: 0 };
const line = (n: number, sku: string | null, quantity: number, over: Partial<OrderLine> = {}): OrderLine => ({
  lineItemId: `gid://shopify/LineItem/${n}`,
  sku,
  title: sku ?? "Custom item",
  quantity,
  variantId: null,
  packSize: null,
  ...over,
});
const bulkToMk = { routing: { rules: [{ facilityCode: "MK", conditions: { skuPrefix: ["BULK"] } }], defaultFacilityCode: "LEEDS" } };
const kinds = (result: ReturnType<typeof mapOrder>) => result.problems.map((p) => p.kind);

describe("mapOrder", () => {
  it("maps a plain order to one warehouse order", () => {
    expect(mapOrder(orderFacts(), mappingSettings(), ctx)).toEqual({
      warehouseOrders: [
        {
          connectionId: "gxo",
          facilityCode: "LEEDS",
          split: 0,
          backordered: false,
          idempotencyKey: "LB-1001-LEEDS-0-r0",
          serviceCode: "NDAY",
          lines: [{ warehouseSku: "WIDGET-1", quantity: 12, baseSku: "WIDGET-1", sourceLineItemId: "gid://shopify/LineItem/1", sourceSku: "WIDGET-1", orderedQuantity: 12, factor: 1 }],
          shipTo: { name: "Jo Buyer", company: "Acme Trading", lines: ["1 High St"], city: "Leeds", region: null, postcode: "LS1 1AA", countryCode: "GB", phone: "+441130000000", email: "jo@acme.example" },
          references: { poNumber: "PO-1", orderNumber: "1001", companyName: "Acme Trading" },
          totals: { amount: "800.00", currencyCode: "GBP" },
          shopifyLocationId: LEEDS_LOCATION,
          fulfillmentOrderIds: [],
          needsMove: [],
        },
      ],
      problems: [],
    });
  });

  it("sends a case of 12, quantity 2, as 24 base units", () => {
    const facts = orderFacts({ lines: [line(1, "CASE-12-WIDGET", 2, { title: "Widget, case of 12" })] });
    expect(mapOrder(facts, mappingSettings(), ctx).warehouseOrders[0]?.lines).toEqual([
      { warehouseSku: "WIDGET-1", quantity: 24, baseSku: "WIDGET-1", sourceLineItemId: "gid://shopify/LineItem/1", sourceSku: "CASE-12-WIDGET", orderedQuantity: 2, factor: 12 },
    ]);
  });

  it("splits an order whose lines route to different facilities, each with its warehouse's codes", () => {
    const facts = orderFacts({ lines: [line(1, "WIDGET-1", 5), line(2, "bulk9", 3), line(3, "WIDGET-2", 1)] });
    const result = mapOrder(facts, mappingSettings(bulkToMk), ctx);
    expect(result.warehouseOrders.map((o) => [o.idempotencyKey, o.serviceCode, o.shopifyLocationId, o.lines.map((l) => `${l.warehouseSku}×${l.quantity}`)])).toEqual([
      ["LB-1001-LEEDS-0-r0", "NDAY", LEEDS_LOCATION, ["WIDGET-1×5", "WIDGET-2×1"]],
      ["LB-1001-MK-0-r0", "WHI_EXP", MK_LOCATION, ["BULK9×3"]],
    ]);
  });

  it("sends nothing when anything cannot be mapped, and lists every problem at once", () => {
    const facts = orderFacts({
      shippingLines: [{ title: "Collect from depot", code: null, carrier: null }],
      shippingAddress: { ...orderFacts().shippingAddress!, phone: null },
      lines: [line(1, "WIDGET-1", 5), line(2, "BULK-9", 3), line(3, "BOX-6-BOLT", 7, { packSize: 2 })],
    });
    const result = mapOrder(facts, mappingSettings(bulkToMk), ctx);
    expect(result.warehouseOrders).toEqual([]);
    expect(result.problems.map((p) => p.key).sort()).toEqual([
      "invalid-sku:1001:whistl:BULK-9",
      "missing-phone:1001:whistl",
      "pack-multiple:1001:BOX-6-BOLT",
      "unmapped-pack:1001:BOX-6-BOLT",
      "unmapped-service:1001:gxo:Collect from depot",
      "unmapped-service:1001:whistl:Collect from depot",
    ]);
  });

  it("raises no-route for lines nothing routes, naming them", () => {
    const result = mapOrder(orderFacts(), mappingSettings({ routing: { rules: [{ facilityCode: "MK", conditions: { country: ["FR"] } }] } }), ctx);
    expect(result.problems).toMatchObject([
      { key: "no-route:1001", kind: "no-route", message: "No routing rule sends SKU “WIDGET-1” to a facility, and there is no default facility. Add a routing rule or a default facility, then retry." },
    ]);
  });

  it("refuses a non-Latin address for an ASCII-only warehouse", () => {
    const facts = orderFacts({ shippingAddress: { ...orderFacts().shippingAddress!, city: "Санкт-Петербург", countryCode: "RU", zip: "190000" } });
    const settings = mappingSettings({ connections: [{ connectionId: "gxo", name: "GXO Leeds", serviceCodes: { defaultCode: "NDAY" }, address: { transliterate: true } }] });
    expect(kinds(mapOrder(facts, settings, ctx))).toEqual(["untransliterable"]);
  });

  it("carries the totals exactly as Shopify gave them", () => {
    const facts = orderFacts({ totals: { shop: { amount: "1234.50", currencyCode: "EUR" }, presentment: { amount: "1100.00", currencyCode: "GBP" } } });
    expect(mapOrder(facts, mappingSettings(), ctx).warehouseOrders[0]?.totals).toEqual({ amount: "1234.50", currencyCode: "EUR" });
  });

  it("leaves out lines with nothing to send", () => {
    const facts = orderFacts({ lines: [line(1, "WIDGET-1", 5), line(2, "GONE-1", 0)] });
    expect(mapOrder(facts, mappingSettings(), ctx).warehouseOrders[0]?.lines.map((l) => l.sourceSku)).toEqual(["WIDGET-1"]);
  });

  it("plans a fulfillment order move, or raises an exception, as the merchant chose", () => {
    const fo = { id: "gid://shopify/FulfillmentOrder/1", status: "OPEN", locationId: MK_LOCATION, holds: [], lines: [{ id: "gid://shopify/FulfillmentOrderLineItem/1", lineItemId: "gid://shopify/LineItem/1", sku: "WIDGET-1", remainingQuantity: 12, totalQuantity: 12 }] };
    const facts = orderFacts({ fulfillmentOrders: [fo] });
    const move = mapOrder(facts, mappingSettings({ routing: { defaultFacilityCode: "LEEDS", onLocationMismatch: "move" } }), ctx);
    expect(move.warehouseOrders[0]).toMatchObject({ fulfillmentOrderIds: [fo.id], needsMove: [{ fulfillmentOrderId: fo.id, fromLocationId: MK_LOCATION, toLocationId: LEEDS_LOCATION }] });
    expect(kinds(mapOrder(facts, mappingSettings(), ctx))).toEqual(["location-mismatch"]);
  });

  describe("backorder split", () => {
    const facts = orderFacts({ lines: [line(1, "WIDGET-1", 10), line(2, "WIDGET-2", 4)] });
    const stock: StockView = { available: (_facility, sku) => ({ "WIDGET-1": 6, "WIDGET-2": 50 })[sku] ?? null };
    const summary = (result: ReturnType<typeof mapOrder>) => result.warehouseOrders.map((o) => [o.idempotencyKey, o.backordered, o.lines.map((l) => `${l.warehouseSku}×${l.quantity}`)]);

    it("sends in-stock lines now and the rest as their own warehouse order", () => {
      expect(summary(mapOrder(facts, mappingSettings({ backorderSplit: true }), { ...ctx, stock }))).toEqual([
        ["LB-1001-LEEDS-0-r0", false, ["WIDGET-1×6", "WIDGET-2×4"]],
        ["LB-1001-LEEDS-1-r0", true, ["WIDGET-1×4"]],
      ]);
    });

    it.each([
      ["the merchant did not enable it", { backorderSplit: false }, stock],
      ["stock is not known", { backorderSplit: true }, null],
    ])("does not split when %s", (_name, over, known) => {
      expect(summary(mapOrder(facts, mappingSettings(over), { ...ctx, stock: known }))).toEqual([["LB-1001-LEEDS-0-r0", false, ["WIDGET-1×10", "WIDGET-2×4"]]]);
    });
  });

  it("gives the same answer from raw and compiled settings, every time", () => {
    const settings = mappingSettings(bulkToMk);
    const facts = orderFacts({ lines: [line(1, "WIDGET-1", 5), line(2, "BULK9", 3)] });
    const once = mapOrder(facts, settings, { ...ctx, revision: 2 });
    expect(mapOrder(facts, compileMappingSettings(settings), { ...ctx, revision: 2 })).toEqual(once);
    expect(JSON.parse(JSON.stringify(once))).toEqual(once);
    expect(once.warehouseOrders.map((o) => o.idempotencyKey)).toEqual(["LB-1001-LEEDS-0-r2", "LB-1001-MK-0-r2"]);
  });
});
