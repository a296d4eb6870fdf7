// What a warehouse's pull of orders needs from storage (decision 0023). Implemented in
// app/persistence/order-pull.repo.server.ts.
import type { InboundFileScope } from "~/modules/transmission/inbound-files.ports";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";

/** Where a pull connector queues an order in its transport state: `transport.pull.reference`. */
export const PULL_KEY = "pull";
/** What an acknowledgement of `reference` matches in the transport state. */
export const pullMatch = (reference: string) => ({ [PULL_KEY]: { reference } });
/** The connection's stamp of the warehouse's last pull (TransportState.stamp), read by "Test connection". */
export const LAST_PULL_STAMP = "lastPulledAt";

export interface WaitingOrder {
  warehouseOrderId: string;
  draft: WarehouseOrderDraft;
}

export interface OrderPullRepository {
  /**
   * Up to `limit` of the connection's warehouse orders waiting to be pulled — `transmitted`, queued for
   * pulling (`transport.pull`), not acknowledged — oldest first. Notes the pull on each (count, first and
   * last time; the first pull on the timeline). Nothing is taken off the queue: the same orders come back
   * until they are acknowledged, so a pull whose answer is lost loses nothing.
   */
  takeWaiting(scope: InboundFileScope, limit: number, at: Date): Promise<WaitingOrder[]>;
}
