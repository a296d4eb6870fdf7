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
