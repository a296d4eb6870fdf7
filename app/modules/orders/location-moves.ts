// Placing an order at the routed facility's Shopify location (decision 0017): when the merchant chose
// "move", the fulfillment orders Shopify assigned elsewhere are moved (`fulfillmentOrderMove`) and the
// order is read again, since moved fulfillment orders get new ids and lines. A refused move is an
// exception; nothing is sent from a location the routing did not choose.
import type { LocationMove } from "~/modules/mapping/locations";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { OrderFacts } from "./order-facts";
import type { FulfillmentOrderMoves, OrderSource, SourceFailure } from "./order-source.ports";
import type { DecisionRecord, OrderRecord, ShopContext } from "./orders.ports";
import type { ReleaseDecision } from "./release-rules";

/** Each fulfillment order is moved once, even when two warehouse orders (a backorder split) plan it. */
export function plannedMoves(drafts: readonly WarehouseOrderDraft[]): LocationMove[] {
  const byId = new Map<string, LocationMove>();
  for (const move of drafts.flatMap((d) => d.needsMove)) if (!byId.has(move.fulfillmentOrderId)) byId.set(move.fulfillmentOrderId, move);
  return [...byId.values()];
}

export type MoveOutcome =
  | { kind: "moved"; facts: OrderFacts; updatedAt: Date | null }
  | { kind: "refused"; message: string }
  | { kind: "retry"; failure: SourceFailure };

/** Moves, then reads the order again: the moved fulfillment orders have new ids and lines. */
export async function moveThenReread(deps: { moves: FulfillmentOrderMoves; source: OrderSource }, order: OrderRecord, shop: ShopContext, facts: OrderFacts, moves: LocationMove[]): Promise<MoveOutcome> {
  let updatedAt: Date | null = null;
  for (const move of moves) {
    const moved = await deps.moves.move(order.shop, move);
    if (!moved.ok) return moved.error.kind === "invalid-request" ? { kind: "refused", message: moved.error.message } : { kind: "retry", failure: moved.error };
    updatedAt = moved.value.updatedAt ?? updatedAt;
  }
  const reread = await deps.source.fetchOrder(order.shop, facts.shopifyOrderId, shop.settings.factSources);
  if (!reread.ok) return { kind: "retry", failure: reread.error };
  if (!reread.value) return { kind: "refused", message: "The order disappeared from Shopify while Loadbay moved it." };
  return { kind: "moved", facts: reread.value, updatedAt };
}

export const moveFailedKey = (orderId: string) => `location-move-failed:${orderId}`;

export function moveRefused(order: OrderRecord, facts: OrderFacts, state: OrderRecord["state"], decision: ReleaseDecision, reason: string): DecisionRecord {
  const message = `Loadbay could not move ${order.name} to the location of the facility the routing rules chose. ${reason} Move it in Shopify, or change the routing rules, then retry.`;
  return {
    revision: order.evaluationRevision,
    ownWriteStamp: null,
    clear: [],
    state,
    holdReasons: decision.kind === "hold" ? decision.reasons : [],
    facts,
    timeline: [{ actor: "rule:mapping", kind: "exception", message }],
    raise: [{ key: moveFailedKey(order.id), kind: "location-move-failed", message }],
    warehouseOrders: [],
  };
}
