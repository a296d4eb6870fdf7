import { describe, expect, it } from "vitest";
import type { OrderState } from "./orders.ports";
import { stateAfterShipment } from "./order-state";

describe("stateAfterShipment", () => {
  it.each<[OrderState, boolean, OrderState]>([
    ["in_fulfilment", false, "partially_shipped"],
    ["in_fulfilment", true, "shipped"],
    ["released", false, "partially_shipped"],
    ["partially_shipped", false, "partially_shipped"],
    ["partially_shipped", true, "shipped"],
    // The last shipment's record committed first: the earlier one's answer is older, not a step back.
    ["shipped", false, "shipped"],
    ["shipped", true, "shipped"],
    // A shipment never reopens a cancelled, closed or held order.
    ["cancelled", true, "cancelled"],
    ["closed", false, "closed"],
    ["held", true, "held"],
  ])("%s, fulfilled in Shopify %s → %s", (current, fulfilled, expected) => {
    expect(stateAfterShipment(current, fulfilled)).toBe(expected);
  });
});
