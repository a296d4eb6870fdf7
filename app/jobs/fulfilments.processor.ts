// Thin: parse, run the use case, translate. Shopify's throttling delays the job without spending an
// attempt; transient failures retry with backoff; a dispatch that cannot be applied as it is ends as
// exceptions (recorded by the use case) and waits for the merchant's retry.
import { DelayedError, type Job } from "bullmq";
import type { Logger } from "pino";
import { applyDispatch, type ApplyDispatchDeps } from "~/modules/fulfilments/apply-dispatch.use-case";
import { pollDispatches, type PollDispatchesDeps } from "~/modules/fulfilments/poll-dispatches.use-case";
import { syncWarehouseStatus, type StatusRepository, type StatusWriter } from "~/modules/fulfilments/sync-warehouse-status.use-case";
import { dispatchJobSchema, FULFILMENT_JOB, pollJobSchema, statusJobSchema } from "./job-definitions";

export interface FulfilmentsDeps {
  apply: ApplyDispatchDeps;
  poll: PollDispatchesDeps;
  status: { statuses: StatusRepository; writer: StatusWriter };
  enqueueStatus(job: { shop: string; orderId: string }, state: string): Promise<void>;
  log: Logger;
}

export function fulfilmentsProcessor(deps: FulfilmentsDeps) {
  return async (job: Job, token?: string): Promise<string> => {
    if (job.name === FULFILMENT_JOB.poll) {
      const result = await pollDispatches(deps.poll, pollJobSchema.parse(job.data));
      if (result.status === "retry") throw new Error(`${result.failure.kind}: ${result.failure.message}`);
      return result.status;
    }
    if (job.name === FULFILMENT_JOB.status) {
      const data = statusJobSchema.parse(job.data);
      const result = await syncWarehouseStatus(deps.status, data);
      if (result.status === "retry") throw new Error(`${result.failure.kind}: ${result.failure.message}`);
      if (result.status === "refused") deps.log.warn({ ...data, message: result.message }, "warehouse status not written");
      return result.status;
    }
    const data = dispatchJobSchema.parse(job.data);
    const result = await applyDispatch(deps.apply, data);
    if (result.status === "retry") {
      if (result.failure.kind === "throttled" && token) {
        await job.moveToDelayed(Date.now() + result.failure.retryAfterMs, token);
        throw new DelayedError();
      }
      throw new Error(`${result.failure.kind}: ${result.failure.message}`);
    }
    if (result.status === "blocked") deps.log.warn({ ...data, problems: result.problems.map((p) => p.kind) }, "dispatch blocked");
    // Recorded already; a lost enqueue only delays the status until the next change.
    if (result.status === "applied" && result.mirrorStatus) await deps.enqueueStatus({ shop: data.shop, orderId: result.orderId }, result.orderState).catch(() => undefined);
    return result.status;
  };
}
