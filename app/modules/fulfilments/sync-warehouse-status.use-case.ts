// Writes the order's warehouse status to Shopify (tag and/or metafield, as the merchant chose) when it
// changed. Runs as its own job after a transmission or a dispatch, so a slow or throttled Shopify never
// holds those up; the write's `orders/updated` echo is recognised as Loadbay's own.
import type { SourceFailure, SourceResult } from "~/modules/orders/order-source.ports";
import type { FulfilmentSettings } from "./operations-settings.schema";
import { planStatusWrite, warehouseStatusOf, type StatusWrite } from "./warehouse-status";

export interface StatusRepository {
  load(shop: string, orderId: string): Promise<{ shopifyOrderId: string | null; state: string; written: string | null; settings: FulfilmentSettings } | null>;
  /** Noted before the write, so its echo is waited for rather than read (see OrderRecord.ownWriteInFlight). */
  markWriting(shop: string, orderId: string): Promise<void>;
  recordWritten(shop: string, orderId: string, write: StatusWrite, orderUpdatedAt: Date[]): Promise<void>;
}

export interface StatusWriter {
  /** `orderUpdatedAt`: the order's updatedAt after each of the writes (each sends its own echo). */
  write(shop: string, orderGid: string, write: StatusWrite): Promise<SourceResult<{ orderUpdatedAt: Date[] }>>;
}

export type SyncStatusResult = { status: "written"; value: string } | { status: "unchanged" } | { status: "retry"; failure: SourceFailure } | { status: "refused"; message: string };

/**
 * Status jobs of one order may overlap (one per state change); each writes until what is written
 * matches the order as it is after its own write, so the last one to finish leaves the true status.
 */
const MAX_ROUNDS = 3;

export async function syncWarehouseStatus(deps: { statuses: StatusRepository; writer: StatusWriter }, job: { shop: string; orderId: string }): Promise<SyncStatusResult> {
  let result: SyncStatusResult = { status: "unchanged" };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const order = await deps.statuses.load(job.shop, job.orderId);
    if (!order?.shopifyOrderId) return result;
    const write = planStatusWrite(order.settings, order.written, warehouseStatusOf(order.state, order.written));
    if (!write) return result;
    await deps.statuses.markWriting(job.shop, job.orderId);
    const written = await deps.writer.write(job.shop, order.shopifyOrderId, write);
    if (!written.ok) {
      // A refused write (a tag Shopify will not take, a metafield definition of another type) is the
      // merchant's setting to fix; it must not retry forever. The order itself is unaffected.
      if (written.error.kind === "invalid-request" || written.error.kind === "unauthorized") return { status: "refused", message: written.error.message };
      return { status: "retry", failure: written.error };
    }
    await deps.statuses.recordWritten(job.shop, job.orderId, write, written.value.orderUpdatedAt);
    result = { status: "written", value: write.status };
  }
  return result;
}
