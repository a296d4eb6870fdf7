// "Retry" on an exception (or on every open exception of a kind): the affected orders are evaluated
// again from the current Shopify order and the current settings. An exception whose cause was fixed
// clears itself then; one that was not stays, with its count raised.
import type { EvaluationQueue, OrderRepository } from "~/modules/orders/orders.ports";
import type { ExceptionReader } from "./exceptions.ports";

export interface RetryExceptionsDeps {
  exceptions: Pick<ExceptionReader, "affectedOrders">;
  orders: Pick<OrderRepository, "applyManual">;
  evaluations: EvaluationQueue;
}

export async function retryExceptions(
  deps: RetryExceptionsDeps,
  input: { shop: string; target: { ids: string[] } | { kind: string }; actor: string },
): Promise<{ orders: number }> {
  const orderIds = await deps.exceptions.affectedOrders(input.shop, input.target);
  let queued = 0;
  for (const orderId of orderIds) {
    const applied = await deps.orders.applyManual(input.shop, orderId, "retry", input.actor);
    if (!applied) continue;
    queued++;
    // Durably pending already; the sweeper enqueues it if Redis is down.
    await deps.evaluations.enqueueEvaluation({ shop: input.shop, orderId, revision: applied.revision }).catch(() => undefined);
  }
  return { orders: queued };
}
