// "Retry" on an exception (or on every open exception of a kind): the affected orders are evaluated
// again from the current Shopify order and the current settings; blocked dispatches are applied again. An exception whose cause was fixed
// clears itself then; one that was not stays, with its count raised.
import type { EvaluationQueue, OrderRepository } from "~/modules/orders/orders.ports";
import type { DispatchQueue } from "~/modules/fulfilments/fulfilments.ports";
import type { ExceptionReader } from "./exceptions.ports";

export interface RetryExceptionsDeps {
  exceptions: Pick<ExceptionReader, "affected">;
  orders: Pick<OrderRepository, "applyManual">;
  evaluations: EvaluationQueue;
  /** Dispatches blocked by the chosen exceptions go back to be applied again. */
  dispatches: { reopen(shop: string, dispatchIds: string[]): Promise<string[]> };
  dispatchQueue: DispatchQueue;
}

export async function retryExceptions(
  deps: RetryExceptionsDeps,
  input: { shop: string; target: { ids: string[] } | { kind: string }; actor: string },
): Promise<{ orders: number; dispatches: number }> {
  const affected = await deps.exceptions.affected(input.shop, input.target);
  // A shipment that could not be recorded is applied again from the stored advice, against the
  // current settings and Shopify order; re-deciding its order would not help it.
  const reopened = await deps.dispatches.reopen(input.shop, affected.dispatches);
  for (const dispatchId of reopened) await deps.dispatchQueue.enqueueDispatch({ shop: input.shop, dispatchId }).catch(() => undefined);
  const orderIds = affected.orders;
  let queued = 0;
  for (const orderId of orderIds) {
    const applied = await deps.orders.applyManual(input.shop, orderId, "retry", input.actor);
    if (!applied) continue;
    queued++;
    // Durably pending already; the sweeper enqueues it if Redis is down.
    await deps.evaluations.enqueueEvaluation({ shop: input.shop, orderId, revision: applied.revision }).catch(() => undefined);
  }
  return { orders: queued, dispatches: reopened.length };
}
