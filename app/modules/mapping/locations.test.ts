import { describe, expect, it } from "vitest";
import type { FulfillmentOrderFacts } from "~/modules/orders/order-facts";
import { orderFacts } from "../../../test/support/factories/order-facts";
import { locationPlan } from "./locations";

const facility = { code: "LEEDS", name: "GXO Leeds", connectionId: "gxo", shopifyLocationId: "gid://shopify/Location/1" };
const fo = (id: string, locationId: string | null, lineItemIds: string[], status = "OPEN"): FulfillmentOrderFacts => ({
  id,
  status,
  locationId,
  holds: [],
  lines: lineItemIds.map((lineItemId, i) => ({ id: `${id}/line${i}`, lineItemId, sku: null, remainingQuantity: 2, totalQuantity: 2 })),
});
const plan = (fos: FulfillmentOrderFacts[], mode: "move" | "exception", lines = ["L1"]) =>
  locationPlan(orderFacts({ fulfillmentOrders: fos }), new Set(lines), facility, mode, "1001");

describe("fulfillment order locations", () => {
  it.each([
    ["at the facility's location", [fo("FO1", "gid://shopify/Location/1", ["L1"])], "exception", ["FO1"], 0, []],
    ["elsewhere, merchant chose exceptions", [fo("FO1", "gid://shopify/Location/9", ["L1"])], "exception", ["FO1"], 0, ["location-mismatch"]],
    ["elsewhere, merchant chose moves", [fo("FO1", "gid://shopify/Location/9", ["L1"])], "move", ["FO1"], 1, []],
    ["location not known", [fo("FO1", null, ["L1"])], "exception", ["FO1"], 0, []],
    ["a closed fulfillment order is left alone", [fo("FO1", "gid://shopify/Location/9", ["L1"], "CLOSED")], "exception", [], 0, []],
    ["another facility's lines are not ours", [fo("FO1", "gid://shopify/Location/9", ["L2"])], "exception", [], 0, []],
  ] as const)("%s", (_name, fos, mode, ids, moves, problems) => {
    const result = plan([...fos], mode);
    expect([result.fulfillmentOrderIds, result.needsMove.length, result.problems.map((p) => p.kind)]).toEqual([ids, moves, problems]);
  });

  it("moves only the lines routed here", () => {
    const result = plan([fo("FO1", "gid://shopify/Location/9", ["L1", "L2"])], "move");
    expect(result.needsMove).toEqual([
      { fulfillmentOrderId: "FO1", fromLocationId: "gid://shopify/Location/9", toLocationId: "gid://shopify/Location/1", lines: [{ fulfillmentOrderLineId: "FO1/line0", quantity: 2 }] },
    ]);
  });
});
