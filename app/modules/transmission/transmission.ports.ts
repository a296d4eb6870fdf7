// What sending a warehouse order needs from storage and from the warehouse connections.
import type { ConnectorFailure, SubmitReceipt, WarehouseConnector } from "./warehouse-connector";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";

export interface ClaimedWarehouseOrder {
  id: string;
  shop: string;
  orderId: string;
  connectionId: string;
  idempotencyKey: string;
  draft: WarehouseOrderDraft;
  /** `transmitting` means an earlier attempt may have reached the warehouse: resubmitting is safe (same key). */
  resumed: boolean;
  /** The shop shows the warehouse status on Shopify orders (a status job follows the transmission). */
  mirrorStatus: boolean;
}

export interface TransmissionRepository {
  /** Whether the shop may send now (not dry run, installed). */
  mayTransmit(shop: string): Promise<{ ok: true } | { ok: false; reason: string }>;
  /**
   * Records the step before the call: `mapped` → `transmitting`. Returns null when the order is not
   * waiting to be sent (already sent, cancelled, gone) or the shop may not send (see `mayTransmit`).
   */
  claim(shop: string, warehouseOrderId: string): Promise<ClaimedWarehouseOrder | null>;
  /**
   * Records the step after the call: `transmitted` or `accepted`, the warehouse's reference, the
   * timeline; clears exceptions. `cancelNow` when the order was cancelled in Shopify meanwhile (the
   * warehouse order is then `cancel_requested`).
   */
  recordSubmitted(order: ClaimedWarehouseOrder, receipt: SubmitReceipt): Promise<{ cancelNow: boolean }>;
  /** A permanent failure: back to `mapped`, blocked by an exception carrying the warehouse's own message. */
  recordRejected(order: ClaimedWarehouseOrder, failure: Extract<ConnectorFailure, { kind: "rejected" | "auth-failed" }>): Promise<void>;
  /** A transient failure: stays `transmitting`; the attempt and error are noted for the operations view. */
  recordTransientFailure(order: ClaimedWarehouseOrder, failure: ConnectorFailure): Promise<void>;
  /**
   * Warehouse orders waiting to be sent (mapped or transmitting) or to be cancelled (cancel_requested),
   * last touched before `olderThan`.
   */
  listUnsent(olderThan: Date, limit: number): Promise<{ shop: string; warehouseOrderId: string; action: "submit" | "cancel" }[]>;
  /** A warehouse order in `cancel_requested`, with the warehouse's reference; null when it is not. */
  claimCancellation(shop: string, warehouseOrderId: string): Promise<(ClaimedWarehouseOrder & { warehouseReference: string | null }) | null>;
  /** The warehouse cancelled it; the order is cancelled once none of its warehouse orders is still open. */
  recordCancelled(order: ClaimedWarehouseOrder): Promise<void>;
  /**
   * The warehouse would not (or this connection cannot) cancel: the warehouse order goes back to where
   * it was, blocked by an exception the merchant resolves at the warehouse.
   */
  recordCancelRefused(order: ClaimedWarehouseOrder, message: string, detail?: unknown): Promise<void>;
}

export interface ConnectorRegistry {
  /** The connector for a shop's warehouse connection, or why there is none (a sentence). */
  forConnection(shop: string, connectionId: string): Promise<{ ok: true; connector: WarehouseConnector } | { ok: false; message: string }>;
}

export interface TransmissionQueue {
  enqueueTransmission(job: { shop: string; warehouseOrderId: string }): Promise<void>;
  /** Asks the warehouse to cancel a warehouse order in `cancel_requested`. */
  enqueueCancellation(job: { shop: string; warehouseOrderId: string }): Promise<void>;
}
