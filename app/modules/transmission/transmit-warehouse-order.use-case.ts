// Sends one mapped warehouse order to its warehouse, safe across crashes: the step is recorded before
// the call (`transmitting`) and after it; a retry of a `transmitting` order resubmits with the same
// idempotency key, which the connector turns into "already there" rather than a second order.
import type { ConnectorFailure } from "./warehouse-connector";
import type { ConnectorRegistry, TransmissionRepository } from "./transmission.ports";
import { cancelWarehouseOrder } from "./cancel-warehouse-order.use-case";

export interface TransmitDeps {
  warehouseOrders: TransmissionRepository;
  connectors: ConnectorRegistry;
}

export type TransmitResult =
  | { status: "sent"; accepted: boolean; alreadyThere: boolean; orderId: string; mirrorStatus: boolean }
  | { status: "skipped"; note: string }
  | { status: "blocked"; message: string }
  | { status: "retry"; failure: Extract<ConnectorFailure, { kind: "transient" | "rate-limited" }> };

export async function transmitWarehouseOrder(deps: TransmitDeps, job: { shop: string; warehouseOrderId: string }): Promise<TransmitResult> {
  const order = await deps.warehouseOrders.claim(job.shop, job.warehouseOrderId);
  if (!order) {
    const allowed = await deps.warehouseOrders.mayTransmit(job.shop);
    return { status: "skipped", note: allowed.ok ? "not waiting to be sent" : allowed.reason };
  }
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
    return { status: "sent", accepted: result.value.accepted, alreadyThere: result.value.alreadyThere, orderId: order.orderId, mirrorStatus: order.mirrorStatus };
  }
  const failure = result.error;
  if (failure.kind === "rejected" || failure.kind === "auth-failed") {
    await deps.warehouseOrders.recordRejected(order, failure);
    return { status: "blocked", message: failure.message };
  }
  await deps.warehouseOrders.recordTransientFailure(order, failure);
  return { status: "retry", failure };
}
