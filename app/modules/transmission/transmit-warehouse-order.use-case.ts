// Sends one mapped warehouse order to its warehouse, safe across crashes: the step is recorded before
// the call (`transmitting`) and after it; a retry of a `transmitting` order resubmits with the same
// idempotency key, which the connector turns into "already there" rather than a second order.
import type { ConnectorFailure } from "./warehouse-connector";
import type { ConnectorRegistry, TransmissionQueue, TransmissionRepository } from "./transmission.ports";
import { cancelWarehouseOrder } from "./cancel-warehouse-order.use-case";

export interface TransmitDeps {
  warehouseOrders: TransmissionRepository;
  connectors: ConnectorRegistry;
}

export type TransmitResult =
  | { status: "sent"; accepted: boolean; alreadyThere: boolean }
  | { status: "skipped"; note: string }
  | { status: "blocked"; message: string }
  | { status: "retry"; failure: Extract<ConnectorFailure, { kind: "transient" | "rate-limited" }> };

export async function transmitWarehouseOrder(deps: TransmitDeps, job: { shop: string; warehouseOrderId: string }): Promise<TransmitResult> {
  const allowed = await deps.warehouseOrders.mayTransmit(job.shop);
  if (!allowed.ok) return { status: "skipped", note: allowed.reason };
  const order = await deps.warehouseOrders.claim(job.shop, job.warehouseOrderId);
  if (!order) return { status: "skipped", note: "not waiting to be sent" };
  const found = await deps.connectors.forConnection(job.shop, order.connectionId);
  if (!found.ok) {
    await deps.warehouseOrders.recordRejected(order, { kind: "auth-failed", message: found.message });
    return { status: "blocked", message: found.message };
  }
  const result = await found.connector.submitOrder({ shop: job.shop, warehouseOrderId: order.id, draft: order.draft });
  if (result.ok) {
    const { cancelNow } = await deps.warehouseOrders.recordSubmitted(order, result.value);
    // Cancelled in Shopify while it was on its way; if this attempt fails, the sweeper asks again.
    if (cancelNow) await cancelWarehouseOrder(deps, job);
    return { status: "sent", accepted: result.value.accepted, alreadyThere: result.value.alreadyThere };
  }
  const failure = result.error;
  if (failure.kind === "rejected" || failure.kind === "auth-failed") {
    await deps.warehouseOrders.recordRejected(order, failure);
    return { status: "blocked", message: failure.message };
  }
  await deps.warehouseOrders.recordTransientFailure(order, failure);
  return { status: "retry", failure };
}

/**
 * Where a decision hands its mapped warehouse orders: send each at once, and queue only what did not go
 * (a transient or rate-limited failure, or an error), so the transmit job's retries take over. Saves a
 * job per order on the happy path (decision 0016); a crash mid-send is recovered by the claim's lease
 * and the sweeper, as for a crashed transmit job.
 */
export function sendNowOrQueue(deps: TransmitDeps, queue: TransmissionQueue): TransmissionQueue {
  return {
    async enqueueTransmission(job) {
      const result = await transmitWarehouseOrder(deps, job).catch(() => ({ status: "retry" as const }));
      if (result.status === "retry") await queue.enqueueTransmission(job);
    },
    enqueueCancellation: (job) => queue.enqueueCancellation(job),
  };
}
