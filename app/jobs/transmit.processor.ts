// Thin: parse, run the use case, translate. Rate limits delay the job without spending an attempt;
// transient failures retry with backoff; permanent ones end as exceptions (recorded by the use case).
import { DelayedError, type Job } from "bullmq";
import type { Logger } from "pino";
import { transmitWarehouseOrder, type TransmitDeps } from "~/modules/transmission/transmit-warehouse-order.use-case";
import { cancelWarehouseOrder } from "~/modules/transmission/cancel-warehouse-order.use-case";
import { TRANSMIT_JOB, transmitJobSchema } from "./job-definitions";

export interface TransmitProcessorDeps extends TransmitDeps {
  log: Logger;
  enqueueStatus(job: { shop: string; orderId: string }, state: string): Promise<void>;
}

type Outcome = Awaited<ReturnType<typeof transmitWarehouseOrder>> | Awaited<ReturnType<typeof cancelWarehouseOrder>>;

export function transmitProcessor(deps: TransmitProcessorDeps) {
  return async (job: Job, token?: string): Promise<string> => {
    const data = transmitJobSchema.parse(job.data);
    const result = job.name === TRANSMIT_JOB.cancel ? await cancelWarehouseOrder(deps, data) : await transmitWarehouseOrder(deps, data);
    if (result.status === "retry") {
      if (result.failure.kind === "rate-limited" && token) {
        await job.moveToDelayed(Date.now() + result.failure.retryAfterMs, token);
        throw new DelayedError();
      }
      throw new Error(`${result.failure.kind}: ${result.failure.message}`);
    }
    await afterTransmit(deps, { ...data, job: job.name }, result);
    return result.status;
  };
}

/** What follows a finished attempt, queued or run in its producer's job (run-now.server.ts). */
export async function afterTransmit(deps: TransmitProcessorDeps, data: { shop: string; warehouseOrderId: string; job: string }, result: Outcome): Promise<void> {
  if (result.status === "blocked" || result.status === "refused") deps.log.warn({ ...data, message: result.message }, "warehouse order blocked");
  // The order is now at the warehouse; its status on the Shopify order follows (a lost enqueue only delays it).
  if (result.status === "sent" && result.mirrorStatus) await deps.enqueueStatus({ shop: data.shop, orderId: result.orderId }, "in_fulfilment").catch(() => undefined);
  if (result.status === "cancelled") await deps.enqueueStatus({ shop: data.shop, orderId: result.orderId }, "cancelled").catch(() => undefined);
}
