// A merchant releases, holds or picks an order from the admin. The choice is stored and the order is
// evaluated again, so the Shopify hold and the timeline follow the same path as any other decision.
import type { EvaluationQueue, ManualAction, OrderRepository } from "./orders.ports";

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
