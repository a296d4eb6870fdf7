// The order state machine (DESIGN.md, "State"): which release decisions may move an order where.
import type { DecisionRecord, OrderState } from "./orders.ports";
import type { ReleaseDecision } from "./release-rules";

/** Once the warehouse has the order, release decisions no longer move it; changes become exceptions. */
export const AFTER_TRANSMISSION: ReadonlySet<OrderState> = new Set(["in_fulfilment", "partially_shipped", "shipped", "closed"]);

export function stateAfter(current: OrderState, decision: ReleaseDecision): OrderState {
  if (current === "cancelled" || AFTER_TRANSMISSION.has(current)) return current;
  if (decision.kind === "cancelled") return "cancelled";
  return decision.kind === "release" ? "released" : "held";
}

const SHIPPABLE: ReadonlySet<OrderState> = new Set(["released", "in_fulfilment", "partially_shipped", "shipped"]);

/**
 * Where a recorded shipment moves the order. `fulfilledInShopify` is Shopify's answer to that
 * shipment's fulfillment; shipments of one order are recorded one after another, but not necessarily
 * in the order Shopify answered, so a shipped order stays shipped (fulfillments only add up).
 */
export function stateAfterShipment(current: OrderState, fulfilledInShopify: boolean): OrderState {
  if (!SHIPPABLE.has(current)) return current;
  return fulfilledInShopify || current === "shipped" ? "shipped" : "partially_shipped";
}

/**
 * The decision as it may be recorded on the order as it is now. While the evaluation ran, a shipment or a
 * transmission may have moved the order on: its state stays. A transition decided from the old state is
 * then void, with what came with it (hold reasons, warehouse orders to send, the transition's timeline entry).
 */
export function againstCurrentState(d: DecisionRecord, readState: OrderState, currentState: OrderState): { decision: DecisionRecord; void: boolean } {
  if (currentState === readState) return { decision: d, void: false };
  if (d.state === readState) return { decision: { ...d, state: currentState }, void: false };
  return {
    decision: { ...d, state: currentState, holdReasons: null, warehouseOrders: null, timeline: d.timeline.filter((t) => t.kind !== "transition") },
    void: true,
  };
}
