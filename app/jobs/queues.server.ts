// BullMQ producers. One Queue object per queue per process; web and worker both enqueue.
import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { InboxQueue } from "~/modules/inbox/inbox.ports";
import { QUEUE, inboxJobId, inboxJobSchema, type QueueName } from "./job-definitions";

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: "exponential", delay: 1_000 },
  // Completed jobs are kept briefly for /metrics latencies; PostgreSQL is the record, not Redis.
  removeOnComplete: { age: 3_600, count: 1_000 },
  removeOnFail: { age: 24 * 3_600 },
};

export class JobQueues implements InboxQueue {
  readonly queues: Record<QueueName, Queue>;

  constructor(connection: Redis, prefix: string) {
    const make = (name: QueueName) => new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    this.queues = { inbox: make(QUEUE.inbox), maintenance: make(QUEUE.maintenance) };
  }

  async enqueueInboxRow(job: { shop: string; inboxId: string }): Promise<void> {
    const data = inboxJobSchema.parse(job);
    await this.queues.inbox.add("inbox", data, { jobId: inboxJobId(data.inboxId) });
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
  }
}
