// BullMQ producers. One Queue object per queue per process; web and worker both enqueue.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { InboxQueue } from "~/modules/inbox/inbox.ports";
import type { EvaluationQueue } from "~/modules/orders/orders.ports";
import type { TransmissionQueue } from "~/modules/transmission/transmission.ports";
import type { DispatchQueue } from "~/modules/fulfilments/fulfilments.ports";
import {
  QUEUE,
  dispatchJobId,
  dispatchJobSchema,
  evaluateJobId,
  evaluateJobSchema,
  FULFILMENT_JOB,
  fullSyncJobId,
  INVENTORY_JOB,
  inventoryShopJobSchema,
  stockDeltaJobId,
  stockPollJobId,
  stockPollJobSchema,
  inboxJobId,
  inboxJobSchema,
  pollJobId,
  pollJobSchema,
  statusJobId,
  statusJobSchema,
  transmitJobSchema,
  TRANSMIT_JOB,
  type QueueName,
} from "./job-definitions";

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: "exponential", delay: 1_000 },
  // Completed jobs are kept briefly for /metrics latencies; PostgreSQL is the record, not Redis.
  removeOnComplete: { age: 3_600, count: 1_000 },
  removeOnFail: { age: 24 * 3_600 },
};

export interface EnqueueOptions {
  /**
   * The sweeper's path: a job that exhausted its attempts is kept (failed) under the same id, and a
   * plain add would be a no-op for a day, so revive it instead.
   */
  revive?: boolean;
  /** Not before this many milliseconds: a step that ran in its producer's job and must wait (run-now.server.ts). */
  delayMs?: number;
}

/** Dispatch and poll jobs go when done: their ids are reused for the next advice change or poll. */
const GONE_WHEN_DONE: JobsOptions = { removeOnComplete: true, removeOnFail: true };

export class JobQueues implements InboxQueue, EvaluationQueue, TransmissionQueue, DispatchQueue {
  readonly queues: Record<QueueName, Queue>;

  constructor(connection: Redis, prefix: string) {
    const make = (name: QueueName) => new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    this.queues = {
      inbox: make(QUEUE.inbox),
      orders: make(QUEUE.orders),
      transmit: make(QUEUE.transmit),
      fulfilments: make(QUEUE.fulfilments),
      maintenance: make(QUEUE.maintenance),
      inventory: make(QUEUE.inventory),
    };
  }

  async enqueueInboxRow(job: { shop: string; inboxId: string }, options: EnqueueOptions = {}): Promise<void> {
    const data = inboxJobSchema.parse(job);
    await this.add(this.queues.inbox, "inbox", data, inboxJobId(data.inboxId), options);
  }

  async enqueueEvaluation(job: { shop: string; orderId: string; revision: number }, options: EnqueueOptions = {}): Promise<void> {
    const data = evaluateJobSchema.parse(job);
    await this.add(this.queues.orders, "evaluate", data, evaluateJobId(data.orderId, data.revision), options);
  }

  /**
   * No custom job id: a warehouse order is sent again after a fix, and a retained completed job with
   * the same id would swallow that. The claim (state + lease) is what stops two sends at once.
   */
  async enqueueTransmission(job: { shop: string; warehouseOrderId: string }, options: Pick<EnqueueOptions, "delayMs"> = {}): Promise<void> {
    await this.queues.transmit.add(TRANSMIT_JOB.submit, transmitJobSchema.parse(job), options.delayMs ? { delay: options.delayMs } : undefined);
  }

  /** Like transmissions, no custom id: the `cancel_requested` state is what stops two cancels at once. */
  async enqueueCancellation(job: { shop: string; warehouseOrderId: string }): Promise<void> {
    await this.queues.transmit.add(TRANSMIT_JOB.cancel, transmitJobSchema.parse(job));
  }

  async enqueueDispatch(job: { shop: string; dispatchId: string }): Promise<void> {
    const data = dispatchJobSchema.parse(job);
    await this.queues.fulfilments.add(FULFILMENT_JOB.apply, data, { jobId: dispatchJobId(data.dispatchId), ...GONE_WHEN_DONE });
  }

  /** A poll still waiting for a connection makes another one a no-op. */
  async enqueuePoll(job: { shop: string; connectionId: string }): Promise<void> {
    const data = pollJobSchema.parse(job);
    await this.queues.fulfilments.add(FULFILMENT_JOB.poll, data, { jobId: pollJobId(data.connectionId), attempts: 1, ...GONE_WHEN_DONE });
  }

  /** Writes the order's warehouse status to Shopify after it reached `state`. */
  async enqueueStatus(job: { shop: string; orderId: string }, state: string): Promise<void> {
    const data = statusJobSchema.parse(job);
    await this.queues.fulfilments.add(FULFILMENT_JOB.status, data, { jobId: statusJobId(data.orderId, state), ...GONE_WHEN_DONE });
  }

  /** The full reconciliation for one shop ("Run full sync now", or the schedule). */
  async enqueueFullSync(job: { shop: string }): Promise<void> {
    const data = inventoryShopJobSchema.parse(job);
    await this.queues.inventory.add(INVENTORY_JOB.full, data, { jobId: fullSyncJobId(data.shop), attempts: 3, ...GONE_WHEN_DONE });
  }

  /** Brings Shopify in line with the stock changes stored; `changeId` is the first change the job is for. */
  async enqueueStockDelta(job: { shop: string; changeId: string }): Promise<void> {
    const data = inventoryShopJobSchema.parse({ shop: job.shop });
    await this.queues.inventory.add(INVENTORY_JOB.delta, data, { jobId: stockDeltaJobId(job.changeId), ...GONE_WHEN_DONE });
  }

  async enqueueStockPoll(job: { shop: string; connectionId: string }): Promise<void> {
    const data = stockPollJobSchema.parse(job);
    await this.queues.inventory.add(INVENTORY_JOB.poll, data, { jobId: stockPollJobId(data.connectionId), attempts: 1, ...GONE_WHEN_DONE });
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
  }

  private async add(queue: Queue, name: string, data: object, jobId: string, options: EnqueueOptions): Promise<void> {
    if (options.revive) {
      const existing = await queue.getJob(jobId);
      if (existing && (await existing.isFailed())) {
        await existing.retry("failed", { resetAttemptsMade: true });
        return;
      }
    }
    await queue.add(name, data, { jobId, ...(options.delayMs ? { delay: options.delayMs } : {}) });
  }
}
