// Thin: parse the job, run the use case, translate the result for BullMQ. Throttling delays the job
// without spending an attempt (so one busy shop never holds a worker slot while it waits); other
// transient failures are retried with backoff.
import { DelayedError, type Job } from "bullmq";
import type { Logger } from "pino";
import { evaluateOrder, type EvaluateOrderDeps } from "~/modules/orders/evaluate-order.use-case";
import { evaluateJobSchema } from "./job-definitions";

/** How soon an evaluation waiting for Loadbay's own write looks again (the write takes one Shopify call). */
export const OWN_WRITE_RECHECK_MS = 300;

export function evaluateProcessor(deps: EvaluateOrderDeps & { log: Logger }) {
  return async (job: Job, token?: string): Promise<string> => {
    const data = evaluateJobSchema.parse(job.data);
    const result = await evaluateOrder(deps, data);
    if (result.status === "retry") {
      const { failure } = result;
      if (failure.kind === "throttled" && token) {
        await job.moveToDelayed(Date.now() + Math.max(failure.retryAfterMs, 250), token);
        throw new DelayedError();
      }
      throw new Error(`${failure.kind}: ${failure.message}`);
    }
    if (result.status === "deferred" && token) {
      await job.moveToDelayed(Date.now() + OWN_WRITE_RECHECK_MS, token);
      throw new DelayedError();
    }
    deps.log.debug({ shop: data.shop, orderId: data.orderId, jobId: job.id, result }, "order evaluated");
    return result.status === "decided" ? result.state : result.status;
  };
}
