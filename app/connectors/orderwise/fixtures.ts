// Test support: a warehouse order draft for the OrderWise tests (SKU with leading zeros, markup in a name, totals with a trailing zero).
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";

export const owDraft = (overrides: Partial<WarehouseOrderDraft> = {}): WarehouseOrderDraft => ({
  connectionId: "conn-ow", facilityCode: "LEEDS", split: 0, backordered: false, idempotencyKey: "LB-1001-LEEDS-0-r0", serviceCode: "DPD-NEXT",
  lines: [
    { warehouseSku: "WIDGET-1", quantity: 24, baseSku: "WIDGET-1", sourceLineItemId: "gid://shopify/LineItem/1", sourceSku: "WIDGET-1-PK12", orderedQuantity: 2, factor: 12 },
    { warehouseSku: "007-BOLT", quantity: 5, baseSku: "007-BOLT", sourceLineItemId: "gid://shopify/LineItem/2", sourceSku: "007-BOLT", orderedQuantity: 5, factor: 1 },
  ],
  shipTo: { name: "Jo Bloggs", company: "Smith & Sons <Trade>", lines: ["Unit 4", "Canal Road"], city: "Leeds", region: null, postcode: "LS11 5AA", countryCode: "GB", phone: "+44 113 496 0000", email: null },
  references: { PONumber: "PO-4471", orderNumber: "1001" },
  totals: { amount: "1250.10", currencyCode: "GBP" },
  shopifyLocationId: "gid://shopify/Location/9", fulfillmentOrderIds: [], needsMove: [],
  ...overrides,
});
