// DESIGN.md invariant 1 under failure: a recorded webhook is processed exactly once in effect even
// when the worker is SIGKILLed mid-job or Redis is flushed (losing jobs and job schedulers).
// The worker is the real `npm run worker` entry point; Redis is a private redis-server so that
// FLUSHALL touches nothing else.
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createContainer, type Container } from "~/composition.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { testEnv } from "../support/env";
import { startPrivateRedis, testQueuePrefix, type PrivateRedis } from "../support/redis";
import { startWorker as startWorkerProcess, type ManagedProcess } from "../../tools/stack/processes";
import { waitFor } from "../support/wait-for";
import { TEST_ENV } from "../support/test-env";
import { orderBody } from "../support/webhooks";

const SHOP = "recovery-shop.myshopify.com";
let database: TestDatabase;
let redis: PrivateRedis;
let c: Container;
let workerEnv: Record<string, string>;
const running: ManagedProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase("recovery");
  redis = await startPrivateRedis();
  const prefix = testQueuePrefix("recovery");
  workerEnv = {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: prefix,
    WORKER_LOCK_MS: "2000",
    SWEEP_INTERVAL_S: "1",
    SWEEP_STALE_AFTER_S: "1",
    WORKER_CONCURRENCY: "4",
  };
  c = createContainer(testEnv(workerEnv));
  await c.queues.queues.inbox.waitUntilReady();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((w) => w.stop("SIGKILL")));
});

afterAll(async () => {
  await c.close();
  await redis.stop();
  await database.drop();
});

function startWorker(): ManagedProcess {
  const w = startWorkerProcess({ ...TEST_ENV, LOG_LEVEL: "warn", ...workerEnv });
  running.push(w);
  return w;
}

async function recordOrders(count: number, firstId: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const body = orderBody(firstId + i);
    const result = await c.recordWebhook({
      shop: SHOP,
      topic: "orders/create",
      webhookId: randomUUID(),
      eventId: randomUUID(),
      apiVersion: "2026-07",
      triggeredAt: new Date(),
      rawBody: JSON.stringify(body),
    });
    expect(result).toBe("recorded");
  }
}

const countProcessed = () => database.db.webhookInbox.count({ where: { shop: SHOP, status: "processed" } });
const countAll = () => database.db.webhookInbox.count({ where: { shop: SHOP } });

async function expectExactlyOnce(): Promise<void> {
  const total = await countAll();
  expect(await database.db.webhookInbox.count({ where: { shop: SHOP, status: { not: "processed" } } })).toBe(0);
  // One timeline event per processed webhook: a second application would add a second event.
  expect(await database.db.timelineEvent.count({ where: { shop: SHOP, kind: "webhook" } })).toBe(total);
  expect(await database.db.order.count({ where: { shop: SHOP } })).toBe(total);
}

describe("worker recovery", () => {
  it("loses nothing and applies nothing twice when the worker is SIGKILLed mid-run", async () => {
    await recordOrders(1500, 10_000);
    const first = startWorker();
    await waitFor(countProcessed, (n) => n >= 150, 30_000, "the first worker to make progress");
    const exit = await first.stop("SIGKILL");
    expect(exit).toBeNull(); // killed by the signal, not a clean exit
    const processedAtKill = await countProcessed();
    expect(processedAtKill).toBeLessThan(1500);

    startWorker();
    await waitFor(countProcessed, (n) => n === 1500, 90_000, "every webhook to be processed after the restart");
    await expectExactlyOnce();
  }, 150_000);

  it("recovers jobs and job schedulers after FLUSHALL while the worker runs", async () => {
    const before = await countAll();
    await recordOrders(800, 50_000);
    startWorker();
    const maintenance = new Queue("maintenance", { connection: { host: "127.0.0.1", port: redis.port }, prefix: workerEnv.QUEUE_PREFIX });
    await waitFor(() => maintenance.getJobScheduler("sweep"), (s) => Boolean(s), 30_000, "the sweep scheduler");
    await waitFor(countProcessed, (n) => n >= before + 50, 30_000, "progress before the flush");

    const admin = new Redis(redis.url);
    await admin.flushall();
    expect(await maintenance.getJobScheduler("sweep")).toBeFalsy();
    expect(await countProcessed()).toBeLessThan(before + 800);

    await recordOrders(50, 90_000); // arrivals after the flush are not lost either
    await waitFor(countProcessed, (n) => n === before + 850, 90_000, "every webhook to be processed after the flush");
    await waitFor(() => maintenance.getJobScheduler("sweep"), (s) => Boolean(s), 30_000, "the sweep scheduler to come back");
    expect(await maintenance.getJobScheduler("purge-payloads")).toBeTruthy();
    await expectExactlyOnce();
    admin.disconnect();
    await maintenance.close();
  }, 150_000);

  it("finishes running jobs and exits 0 on SIGTERM; the next worker completes the rest", async () => {
    const before = await countAll();
    await recordOrders(600, 120_000);
    const w = startWorker();
    await waitFor(countProcessed, (n) => n >= before + 20, 30_000, "progress before SIGTERM");
    expect(await w.stop("SIGTERM")).toBe(0);
    expect(await countProcessed()).toBeLessThan(before + 600);

    startWorker();
    await waitFor(countProcessed, (n) => n === before + 600, 60_000, "the rest after a clean stop");
    await expectExactlyOnce();
  }, 90_000);
});
