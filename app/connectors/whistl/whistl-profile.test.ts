// Whistl's rules, applied through the mapping engine exactly as a new Whistl connection gets them.
import { describe, expect, it } from "vitest";
import { compileMappingSettings } from "~/modules/mapping/compile-settings";
import { mapOrder } from "~/modules/mapping/map-order";
import { mappingSettingsSchema } from "~/modules/mapping/mapping-settings.schema";
import type { OrderLine } from "~/modules/orders/order-facts";
import { orderFacts } from "../../../test/support/factories/order-facts";
import { whistlMappingProfile, WHISTL_PO_FIELD } from "./whistl-profile";

const settings = compileMappingSettings(
  mappingSettingsSchema.parse({
    facilities: [{ code: "WHI", name: "Whistl Doncaster", connectionId: "c-whistl", shopifyLocationId: "gid://shopify/Location/1" }],
    routing: { rules: [], defaultFacilityCode: "WHI" },
    connections: [{ ...whistlMappingProfile("c-whistl", "Whistl"), serviceCodes: { rows: [{ matchOn: "title", value: "Express B2B", serviceCode: "WHI_EXP" }] } }],
  }),
);
const line = (sku: string): OrderLine => ({ lineItemId: "gid://shopify/LineItem/1", sku, title: sku, quantity: 2, variantId: null, packSize: null });
const map = (over: Parameters<typeof orderFacts>[0]) => mapOrder(orderFacts(over), settings, { orderNumber: "1001", revision: 0 });

describe("the Whistl profile", () => {
  it("sends the PO in Whistl's customer reference, the SKU in upper case and the mapped WHI_ service code", () => {
    const result = map({ lines: [line("widget1")], poNumber: "PO-77" });
    expect(result.problems).toEqual([]);
    const [order] = result.warehouseOrders;
    expect(order!.references[WHISTL_PO_FIELD]).toBe("PO-77");
    expect(order!.lines.map((l) => l.warehouseSku)).toEqual(["WIDGET1"]);
    expect(order!.serviceCode).toBe("WHI_EXP");
  });

  it.each([
    { name: "a SKU with anything but letters and digits", over: { lines: [line("AB-12/34")] }, kind: "invalid-sku" },
    { name: "no phone number", over: { lines: [line("W1")], shippingAddress: { ...orderFacts({}).shippingAddress!, phone: null }, phone: null }, kind: "missing-phone" },
    { name: "no PO number", over: { lines: [line("W1")], poNumber: null }, kind: "missing-po" },
  ])("refuses $name, as an exception", ({ over, kind }) => {
    const result = map(over);
    expect(result.warehouseOrders).toEqual([]);
    expect(result.problems.map((p) => p.kind)).toEqual([kind]);
  });
});
