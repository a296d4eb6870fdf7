// How the orders area reads and writes Shopify, as interfaces. Implemented in app/sources/shopify
// (reads) and app/shopify (holds), on top of the Admin GraphQL gateway.
import type { LocationMove } from "~/modules/mapping/locations";
import type { FactSources, OrderFacts } from "./order-facts";

export type SourceFailure =
  | { kind: "throttled"; message: string; retryAfterMs: number }
  | { kind: "unavailable"; message: string }
  | { kind: "unauthorized"; message: string }
  | { kind: "invalid-request"; message: string }
  | { kind: "ambiguous"; message: string };

export type SourceResult<T> = { ok: true; value: T } | { ok: false; error: SourceFailure };

export interface OrderSource {
  /** The current order with its fulfillment orders; `null` when Shopify has no such order. */
  fetchOrder(shop: string, shopifyOrderId: string, sources: FactSources): Promise<SourceResult<OrderFacts | null>>;
  /** One page of orders updated after `since` (oldest first), for the reconciliation sweep. */
  ordersUpdatedSince(
    shop: string,
    since: Date,
    cursor: string | null,
  ): Promise<SourceResult<{ orders: { shopifyOrderId: string; name: string; createdAt: Date; updatedAt: Date }[]; nextCursor: string | null }>>;
}

/** The reason shown in Shopify on a fulfillment hold Loadbay places. */
export type HoldReason = "AWAITING_PAYMENT" | "OTHER";

export interface FulfillmentHolds {
  /**
   * Places Loadbay's hold (handle `loadbay`) on each open fulfillment order that does not have it.
   * Returns the order's `updatedAt` after the writes, so their `orders/updated` echoes can be recognised.
   */
  hold(shop: string, fulfillmentOrderIds: string[], reason: HoldReason, notes: string): Promise<SourceResult<{ updatedAt: Date | null }>>;
  /** Releases Loadbay's holds (only ours), returning the order's `updatedAt` afterwards. */
  release(shop: string, holds: { fulfillmentOrderId: string; holdIds: string[] }[]): Promise<SourceResult<{ updatedAt: Date | null }>>;
}

export interface FulfillmentOrderMoves {
  /**
   * Moves the planned lines of one fulfillment order to the facility's location. Returns the order's
   * `updatedAt` afterwards; `invalid-request` carries Shopify's reason when it refuses.
   */
  move(shop: string, move: LocationMove): Promise<SourceResult<{ updatedAt: Date | null }>>;
}
