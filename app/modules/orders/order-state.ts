// The order state machine (DESIGN.md, "State"): which release decisions may move an order where.
import type { OrderState } from "./orders.ports";
import type { ReleaseDecision } from "./release-rules";

/** Once the warehouse has the order, release decisions no longer move it; changes become exceptions. */
export const AFTER_TRANSMISSION: ReadonlySet<OrderState> = new Set(["in_fulfilment", "partially_shipped", "shipped", "closed"]);

export function stateAfter(current: OrderState, decision: ReleaseDecision): OrderState {
  if (current === "cancelled" || AFTER_TRANSMISSION.has(current)) return current;
  if (decision.kind === "cancelled") return "cancelled";
  return decision.kind === "release" ? "released" : "held";
}
