import { describe, expect, it } from "vitest";
import type { DecisionRecord, OrderState } from "./orders.ports";
import { againstCurrentState, stateAfterShipment } from "./order-state";

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

describe("againstCurrentState", () => {
  const decision = (state: OrderState, over: Partial<DecisionRecord> = {}): DecisionRecord => ({
    revision: 3,
    state,
    holdReasons: [],
    facts: null,
    ownWriteStamp: null,
    timeline: [
      { actor: "rule:release", kind: "transition", message: "released → held" },
      { actor: "rule:release", kind: "decision", message: "Held: awaiting approval" },
    ],
    raise: [],
    clear: [],
    warehouseOrders: [],
    ...over,
  });

  it("records the decision as made when the order is still where the evaluation found it", () => {
    const d = decision("held");
    expect(againstCurrentState(d, "released", "released")).toEqual({ decision: d, void: false });
  });

  it("keeps a shipment that landed while an evaluation after transmission ran", () => {
    const d = decision("partially_shipped", { timeline: [] });
    expect(againstCurrentState(d, "partially_shipped", "shipped")).toEqual({ decision: { ...d, state: "shipped" }, void: false });
  });

  it("voids a transition decided from a state the order has left, with its hold reasons and warehouse orders", () => {
    const d = decision("held", { holdReasons: [{ code: "awaiting_approval", message: "Awaiting approval" }] });
    const { decision: recorded, void: voided } = againstCurrentState(d, "released", "in_fulfilment");
    expect(voided).toBe(true);
    expect(recorded).toMatchObject({ state: "in_fulfilment", holdReasons: null, warehouseOrders: null });
    expect(recorded.timeline.map((t) => t.kind)).toEqual(["decision"]);
  });
});
