// A merchant releases, holds or picks an order from the admin. The choice is stored and the order is
// evaluated again, so the Shopify hold and the timeline follow the same path as any other decision.
import type { EvaluationQueue, ManualAction, OrderRepository } from "./orders.ports";
import type { TransmissionQueue } from "~/modules/transmission/transmission.ports";

export interface ManualDecisionDeps {
  orders: Pick<OrderRepository, "applyManual">;
  evaluations: EvaluationQueue;
}

export async function manualDecision(
  deps: ManualDecisionDeps,
  input: { shop: string; orderId: string; action: ManualAction; actor: string },
): Promise<"queued" | "not-found"> {
  const applied = await deps.orders.applyManual(input.shop, input.orderId, input.action, input.actor);
  if (!applied) return "not-found";
  // The order is durably pending; if Redis is down the sweeper enqueues it.
  await deps.evaluations.enqueueEvaluation({ shop: input.shop, orderId: input.orderId, revision: applied.revision }).catch(() => undefined);
  return "queued";
}

/**
 * The merchant made at the warehouse, by hand, the change or cancellation Loadbay could not: Loadbay's
 * record of the warehouse orders is brought in line and those exceptions close.
 */
export async function confirmDoneAtWarehouse(
  deps: { orders: Pick<OrderRepository, "confirmDoneAtWarehouse"> },
  input: { shop: string; orderId: string; actor: string },
): Promise<"confirmed" | "nothing-to-confirm"> {
  return (await deps.orders.confirmDoneAtWarehouse(input.shop, input.orderId, input.actor)) ? "confirmed" : "nothing-to-confirm";
}

/**
 * "Cancel at the warehouse" on the order page: the warehouse is asked to cancel what it has of the order
 * and has not shipped (Shopify's order is left as it is). A warehouse that refuses raises the usual
 * `warehouse-cancel-failed` exception; once every warehouse order is cancelled, so is Loadbay's order.
 */
export async function cancelAtWarehouse(
  deps: { orders: Pick<OrderRepository, "requestCancelAtWarehouse">; transmissions: Pick<TransmissionQueue, "enqueueCancellation"> },
  input: { shop: string; orderId: string; actor: string },
): Promise<{ requested: number }> {
  const ids = await deps.orders.requestCancelAtWarehouse(input.shop, input.orderId, input.actor);
  // Durably `cancel_requested`: the sweeper asks again if an enqueue is lost.
  for (const warehouseOrderId of ids) await deps.transmissions.enqueueCancellation({ shop: input.shop, warehouseOrderId }).catch(() => undefined);
  return { requested: ids.length };
}
