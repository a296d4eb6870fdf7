// The worker process (`npm run worker`): BullMQ workers, the scheduler watchdog and the sweeper.
// SIGTERM/SIGINT: stop taking jobs, let running ones finish, close connections, exit 0.
import { MetricsTime, Worker } from "bullmq";
import { env as readEnv, type Env } from "~/lib/env.server";
import { createRedis } from "~/lib/redis.server";
import { createContainer, type Container } from "~/composition.server";
import { parseWebhookPayload } from "~/shopify/webhook-payloads.schema";
import { sweepUnfinished, type SweepDeps } from "~/modules/recovery/sweep-unfinished.use-case";
import type { Logger } from "pino";
import { QUEUE } from "./job-definitions";
import { evaluateProcessor } from "./evaluate.processor";
import { inboxProcessor } from "./inbox.processor";
import { transmitProcessor } from "./transmit.processor";
import { maintenanceProcessor } from "./maintenance.processor";
import { fulfilmentsProcessor } from "./fulfilments.processor";
import { inventoryProcessor } from "./inventory.processor";
import { ensureSchedulers } from "./schedulers.server";
import { evaluateNow, transmitNow } from "./run-now.server";

const SCHEDULER_CHECK_MS = 5_000;

function sweepDeps(c: Container, env: Env, log: Logger): SweepDeps {
  return {
    inbox: c.inbox,
    orders: c.orders,
    warehouseOrders: c.transmission,
    dispatches: c.dispatches,
    requeue: {
      dispatch: (job) => c.queues.enqueueDispatch(job),
      inboxRow: (job) => c.queues.enqueueInboxRow(job, { revive: true }),
      evaluation: (job) => c.queues.enqueueEvaluation(job, { revive: true }),
      transmission: ({ action, ...job }) => (action === "cancel" ? c.queues.enqueueCancellation(job) : c.queues.enqueueTransmission(job)),
    },
    log,
    now: () => new Date(),
    staleAfterMs: env.SWEEP_STALE_AFTER_S * 1000,
  };
}

export async function startWorker() {
  const env = readEnv();
  const c = createContainer(env);
  const log = c.log.child({ process: "worker" });
  const connection = createRedis(env.REDIS_URL, "worker");
  const common = {
    connection,
    prefix: env.QUEUE_PREFIX,
    lockDuration: env.WORKER_LOCK_MS,
    stalledInterval: env.WORKER_LOCK_MS,
    metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
  };
  const sweep = sweepDeps(c, env, log);
  const reconcile = { source: c.source, repo: c.reconcile, evaluations: c.queues, log, now: () => new Date() };

  const enqueueStatus = (job: { shop: string; orderId: string }, state: string) => c.queues.enqueueStatus(job, state);
  // Each step of an order runs in the job that produced it, and is queued only to wait or retry (run-now.server.ts).
  const transmit = { warehouseOrders: c.transmission, connectors: c.connectors, enqueueStatus, log };
  const evaluate = { orders: c.orders, source: c.source, holds: c.holds, moves: c.moves, transmissions: transmitNow(transmit, c.queues), log };
  const workers = [
    new Worker(QUEUE.inbox, inboxProcessor({ inbox: c.inbox, parse: parseWebhookPayload, evaluations: evaluateNow(evaluate, c.queues), log }), {
      ...common,
      concurrency: env.WORKER_CONCURRENCY,
    }),
    new Worker(QUEUE.orders, evaluateProcessor(evaluate), {
      ...common,
      concurrency: env.WORKER_CONCURRENCY,
    }),
    new Worker(QUEUE.transmit, transmitProcessor(transmit), {
      ...common,
      concurrency: env.WORKER_CONCURRENCY,
    }),
    new Worker(
      QUEUE.fulfilments,
      fulfilmentsProcessor({
        apply: { dispatches: c.dispatches, shopify: c.fulfillments },
        poll: { polls: c.dispatches, connectors: c.connectors, queue: c.queues, log },
        status: { statuses: c.warehouseStatus, writer: c.statusWriter },
        enqueueStatus,
        log,
      }),
      { ...common, concurrency: env.WORKER_CONCURRENCY },
    ),
    new Worker(
      QUEUE.maintenance,
      maintenanceProcessor({
        sweep,
        reconcile,
        inbox: c.inbox,
        polls: { targets: () => c.dispatches.pollTargets(), enqueuePoll: (job) => c.queues.enqueuePoll(job) },
        inventory: {
          schedule: c.stockPolls,
          enqueueFullSync: (job) => c.queues.enqueueFullSync(job),
          stockPolls: { targets: () => c.stockPolls.stockPollTargets(), enqueuePoll: (job) => c.queues.enqueueStockPoll(job) },
        },
        log,
      }),
      { ...common, concurrency: 1 },
    ),
    // A full sync holds its job for its whole run (minutes for a large catalogue); deltas for other
    // shops, and for this one, keep flowing beside it.
    new Worker(
      QUEUE.inventory,
      inventoryProcessor({
        full: { shopify: c.inventoryShopify, store: c.inventoryStore, log },
        delta: { shopify: c.inventoryShopify, store: c.inventoryStore, log },
        poll: { polls: c.stockPolls, connectors: c.connectors, queue: c.queues, log },
        log,
      }),
      { ...common, concurrency: Math.max(2, env.WORKER_CONCURRENCY) },
    ),
  ];
  for (const w of workers) {
    w.on("failed", (job, error) => log.warn({ err: error, queue: w.name, jobId: job?.id }, "job failed"));
    w.on("error", (error) => log.error({ err: error, queue: w.name }, "worker error"));
  }

  const watchSchedulers = async () => {
    try {
      const created = await ensureSchedulers(c.queues.queues.maintenance, { sweepIntervalS: env.SWEEP_INTERVAL_S, dispatchPollIntervalS: env.DISPATCH_POLL_INTERVAL_S });
      // Schedulers missing after start-up means Redis lost its data: sweep at once.
      if (created.length) await sweepUnfinished(sweep);
    } catch (error) {
      log.warn({ err: error }, "scheduler check failed; retrying");
    }
  };
  await watchSchedulers();
  const timer = setInterval(watchSchedulers, SCHEDULER_CHECK_MS);
  log.info({ queues: workers.map((w) => w.name), prefix: env.QUEUE_PREFIX }, "worker started");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker stopping: finishing running jobs");
    clearInterval(timer);
    await Promise.all(workers.map((w) => w.close()));
    await c.close();
    connection.disconnect();
    log.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startWorker().catch((error: unknown) => {
    process.stderr.write(`worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
