import { describe, expect, it } from "vitest";
import type { OrderFacts } from "~/modules/orders/order-facts";
import { orderFacts } from "../../../test/support/factories/order-facts";
import { connectionProfileSchema } from "./mapping-settings.schema";
import { compileServiceCodes, serviceCodeFor } from "./service-codes";

const services = (rows: unknown[], defaultCode: string | null = null) =>
  compileServiceCodes(connectionProfileSchema.parse({ connectionId: "gxo", serviceCodes: { rows, defaultCode } }).serviceCodes);
const shipping = (title: string, code: string | null = null, carrier: string | null = null) => orderFacts({ shippingLines: [{ title, code, carrier }] });
const where = { orderNumber: "1001", connectionId: "gxo", warehouse: "GXO Leeds" };
const code = (facts: OrderFacts, table: ReturnType<typeof services>) => {
  const result = serviceCodeFor(facts, table, where);
  return "code" in result ? result.code : result.problem.kind;
};

const table = services([
  { matchOn: "title", value: "Express B2B", serviceCode: "NDAY" },
  { matchOn: "code", value: "STD-PALLET", serviceCode: "PALLET48" },
  { matchOn: "carrier", value: "DPD", serviceCode: "DPD12" },
  { value: "Standard", serviceCode: "STD" },
]);

describe("service-code map", () => {
  it.each([
    ["by title", shipping("Express B2B"), table, "NDAY"],
    ["title ignores case and spacing", shipping("  express   b2b "), table, "NDAY"],
    ["matchOn defaults to title", shipping("standard"), table, "STD"],
    ["code beats title", shipping("Express B2B", "std-pallet"), table, "PALLET48"],
    ["carrier when nothing else matches", shipping("Next day", null, "DPD"), table, "DPD12"],
    ["unmapped with no default", shipping("Collect from depot"), table, "unmapped-service"],
    ["unmapped goes to the default", shipping("Collect from depot"), services([], "AUTO"), "AUTO"],
    ["no shipping line and no default", orderFacts({ shippingLines: [] }), table, "unmapped-service"],
    ["no shipping line with a default", orderFacts({ shippingLines: [] }), services([], "AUTO"), "AUTO"],
  ])("%s", (_name, facts, services, expected) => {
    expect(code(facts, services)).toBe(expected);
  });

  it("names the unmapped method and the warehouse", () => {
    const result = serviceCodeFor(shipping("Express B2B"), services([]), where);
    expect("problem" in result && result.problem).toMatchObject({
      key: "unmapped-service:1001:gxo:Express B2B",
      kind: "unmapped-service",
      message: "The shipping method “Express B2B” has no service code for GXO Leeds. Add it to the service-code map, then retry.",
    });
  });
});
