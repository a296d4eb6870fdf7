// The order pipeline's next step runs in the job that produced it, and goes to its own queue only when
// it has to wait (throttled, deferred, a transient failure) or throws: in the common case an order is
// one job (webhook → decision → warehouse) instead of three, saving two queue round trips and the
// waits between them (decision 0025). The queued jobs stay the path for retries, for the sweeper and
// for the admin's actions, and behave as before. Crash safety does not change: each step's state is in
// PostgreSQL before the next starts, and the sweeper re-queues whatever a dead worker left.
import type { Logger } from "pino";
import { evaluateOrder, type EvaluateOrderDeps } from "~/modules/orders/evaluate-order.use-case";
import type { EvaluationRequest } from "~/modules/inbox/inbox.ports";
import { transmitWarehouseOrder } from "~/modules/transmission/transmit-warehouse-order.use-case";
import type { TransmissionQueue } from "~/modules/transmission/transmission.ports";
import { OWN_WRITE_RECHECK_MS } from "./evaluate.processor";
import type { EnqueueOptions } from "./queues.server";
import { afterTransmit, type TransmitProcessorDeps } from "./transmit.processor";
import { TRANSMIT_JOB } from "./job-definitions";

/** The first backoff step of a queued job (queues.server.ts): a step that failed here waits as long. */
const FIRST_RETRY_MS = 1_000;

interface Queues {
  enqueueEvaluation(job: EvaluationRequest, options?: EnqueueOptions): Promise<void>;
  enqueueTransmission(job: { shop: string; warehouseOrderId: string }, options?: EnqueueOptions): Promise<void>;
  enqueueCancellation(job: { shop: string; warehouseOrderId: string }): Promise<void>;
}

/** Sends a warehouse order now; queues it when the warehouse asks to wait or the attempt fails. */
export function transmitNow(deps: TransmitProcessorDeps, queues: Queues): TransmissionQueue {
  return {
    async enqueueTransmission(job) {
      try {
        const result = await transmitWarehouseOrder(deps, job);
        if (result.status !== "retry") return afterTransmit(deps, { ...job, job: TRANSMIT_JOB.submit }, result);
        await queues.enqueueTransmission(job, { delayMs: result.failure.kind === "rate-limited" ? result.failure.retryAfterMs : FIRST_RETRY_MS });
      } catch (error) {
        deps.log.warn({ err: error, ...job }, "transmission failed in its producer's job; queued");
        await queues.enqueueTransmission(job, { delayMs: FIRST_RETRY_MS });
      }
    },
    // Rare, and the warehouse may be slow to answer a cancel: always queued.
    enqueueCancellation: (job) => queues.enqueueCancellation(job),
  };
}

/** Decides an order now (and sends it, through `deps.transmissions`); queues it when it must wait or fails. */
export function evaluateNow(deps: EvaluateOrderDeps & { log: Logger }, queues: Queues) {
  return {
    async enqueueEvaluation(job: EvaluationRequest): Promise<void> {
      try {
        const result = await evaluateOrder(deps, job);
        if (result.status === "deferred") await queues.enqueueEvaluation(job, { delayMs: OWN_WRITE_RECHECK_MS });
        if (result.status === "retry") {
          const { failure } = result;
          await queues.enqueueEvaluation(job, { delayMs: failure.kind === "throttled" ? Math.max(failure.retryAfterMs, 250) : FIRST_RETRY_MS });
        }
      } catch (error) {
        deps.log.warn({ err: error, ...job }, "evaluation failed in its producer's job; queued");
        await queues.enqueueEvaluation(job, { delayMs: FIRST_RETRY_MS });
      }
    },
  };
}
