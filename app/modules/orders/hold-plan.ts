// Which Shopify fulfillment holds should exist for a decision: Loadbay's hold (handle `loadbay`) on
// every open fulfillment order while the order is held, and none of Loadbay's holds otherwise.
// Holds placed by staff or other apps are never touched.
import type { OrderFacts } from "./order-facts";
import type { HoldReason as ShopifyHoldReason } from "./order-source.ports";
import type { ReleaseDecision } from "./release-rules";

export const LOADBAY_HOLD_HANDLE = "loadbay";

export type HoldPlan =
  | { action: "none" }
  | { action: "hold"; fulfillmentOrderIds: string[]; reason: ShopifyHoldReason; notes: string }
  | { action: "release"; holds: { fulfillmentOrderId: string; holdIds: string[] }[] };

export function planHolds(facts: OrderFacts, decision: ReleaseDecision): HoldPlan {
  const ours = (fo: OrderFacts["fulfillmentOrders"][number]) => fo.holds.filter((h) => h.handle === LOADBAY_HOLD_HANDLE && h.heldByApp);
  if (decision.kind === "hold") {
    const missing = facts.fulfillmentOrders.filter((fo) => fo.status === "OPEN" && ours(fo).length === 0).map((fo) => fo.id);
    if (missing.length === 0) return { action: "none" };
    const awaitingPayment = decision.reasons.every((r) => r.code === "awaiting_payment");
    return {
      action: "hold",
      fulfillmentOrderIds: missing,
      reason: awaitingPayment ? "AWAITING_PAYMENT" : "OTHER",
      notes: `Loadbay: ${decision.reasons.map((r) => r.message).join(" ")}`.slice(0, 255),
    };
  }
  const held = facts.fulfillmentOrders
    .map((fo) => ({ fulfillmentOrderId: fo.id, holdIds: ours(fo).map((h) => h.id) }))
    .filter((h) => h.holdIds.length > 0);
  return held.length ? { action: "release", holds: held } : { action: "none" };
}
