// Asks the warehouse to cancel a warehouse order the merchant cancelled in Shopify after sending it
// (or from the order page).
// A connection that cannot cancel, or a warehouse that refuses (already picked), leaves an exception
// saying what to do by hand; a transient failure is retried.
import type { ConnectorFailure } from "./warehouse-connector";
import type { ConnectorRegistry, TransmissionRepository } from "./transmission.ports";

export interface CancelDeps {
  warehouseOrders: TransmissionRepository;
  connectors: ConnectorRegistry;
}

export type CancelResult =
  | { status: "cancelled"; orderId: string }
  | { status: "skipped"; note: string }
  | { status: "refused"; message: string }
  | { status: "retry"; failure: Extract<ConnectorFailure, { kind: "transient" | "rate-limited" }> };

export async function cancelWarehouseOrder(deps: CancelDeps, job: { shop: string; warehouseOrderId: string }): Promise<CancelResult> {
  const order = await deps.warehouseOrders.claimCancellation(job.shop, job.warehouseOrderId);
  if (!order) return { status: "skipped", note: "no cancellation waiting" };
  const refuse = async (message: string, detail?: unknown): Promise<CancelResult> => {
    await deps.warehouseOrders.recordCancelRefused(order, message, detail);
    return { status: "refused", message };
  };
  const byHand = "Cancel it at the warehouse by hand, then press “Done at the warehouse” on the order.";
  const found = await deps.connectors.forConnection(job.shop, order.connectionId);
  if (!found.ok) return refuse(`${order.idempotencyKey} could not be cancelled at the warehouse: ${found.message} ${byHand}`);
  if (!found.connector.capabilities.cancel) return refuse(`${order.idempotencyKey} is at the warehouse, and this warehouse connection cannot cancel orders. ${byHand}`);
  const result = await found.connector.cancelOrder({ shop: job.shop, warehouseOrderId: order.id, draft: order.draft }, order.warehouseReference);
  if (result.ok) {
    if (!result.value.cancelled) return refuse(`The warehouse did not cancel ${order.idempotencyKey}. ${byHand}`);
    await deps.warehouseOrders.recordCancelled(order);
    return { status: "cancelled", orderId: order.orderId };
  }
  const failure = result.error;
  if (failure.kind === "transient" || failure.kind === "rate-limited") return { status: "retry", failure };
  const why = failure.kind === "rejected" ? `The warehouse would not cancel ${order.idempotencyKey}: “${failure.message}” It may already be picked or packed.` : `${failure.message}`;
  return refuse(`${why} ${byHand}`, failure);
}
