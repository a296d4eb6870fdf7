// Webhooks into the real web server while the worker is SIGKILLed every few seconds and Redis is
// flushed once. Lost: a webhook answered 200 whose effect never happened. Duplicated: a webhook
// whose effect happened twice (more than one timeline event for its inbox row's order).
import { createHmac, randomUUID } from "node:crypto";
import pg from "pg";
import { Redis } from "ioredis";
import { parseDatabaseUrl } from "../../app/lib/database-url";
import { createIsolatedEnv, DEMO_SECRET, freePort } from "../stack/isolated-env";
import { startPrivateRedis } from "../stack/private-redis";
import { ensureBuilt, startWeb, startWorker, waitForHttp, type ManagedProcess } from "../stack/processes";

const WEBHOOKS = 2_000;
const KILL_EVERY_MS = 4_000;

export async function intakeChaos() {
  ensureBuilt();
  const redis = await startPrivateRedis();
  const isolated = await createIsolatedEnv("chaos_intake", { REDIS_URL: redis.url });
  const env: Record<string, string> = { ...isolated.env, PORT: String(await freePort()), WORKER_LOCK_MS: "2000", SWEEP_INTERVAL_S: "1", SWEEP_STALE_AFTER_S: "2" };
  const web = startWeb(env);
  let worker: ManagedProcess = startWorker(env);
  const killer = setInterval(() => {
    void worker.stop("SIGKILL").then(() => (worker = startWorker(env)));
  }, KILL_EVERY_MS);
  try {
    await waitForHttp(`http://127.0.0.1:${env.PORT}/healthz`);
    const acknowledged = await sendWebhooks(`http://127.0.0.1:${env.PORT}`, redis.url);
    clearInterval(killer);
    const { connectionString, schema } = parseDatabaseUrl(env.DATABASE_URL!);
    const db = new pg.Client({ connectionString, options: `-c search_path="${schema}"` });
    await db.connect();
    const settled = await waitUntilSettled(db, acknowledged.length, 120_000);
    const counts = await db.query<{ order: string; events: number }>(
      `SELECT o."shopifyOrderId" AS order, count(t.id)::int AS events FROM "order" o LEFT JOIN timeline_event t ON t."orderId" = o.id GROUP BY 1`,
    );
    await db.end();
    const seen = new Map(counts.rows.map((r) => [r.order, r.events]));
    const lost = acknowledged.filter((gid) => !seen.has(gid)).length;
    const duplicated = counts.rows.filter((r) => r.events > 1).length;
    return { lost, duplicated, webhooks_acknowledged: acknowledged.length, settle_ms: settled };
  } finally {
    clearInterval(killer);
    await Promise.all([web.stop(), worker.stop("SIGKILL")]);
    await isolated.cleanup();
    await redis.stop();
  }
}

async function sendWebhooks(base: string, redisUrl: string): Promise<string[]> {
  const acknowledged: string[] = [];
  const flushAt = Math.floor(WEBHOOKS / 2);
  for (let i = 1; i <= WEBHOOKS; i++) {
    if (i === flushAt) await flushAll(redisUrl);
    const gid = `gid://shopify/Order/${i}`;
    const body = JSON.stringify({ id: i, admin_graphql_api_id: gid, name: `#C${i}`, updated_at: new Date().toISOString() });
    const res = await fetch(`${base}/webhooks/orders/create`, {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-shopify-hmac-sha256": createHmac("sha256", DEMO_SECRET).update(body).digest("base64"),
        "x-shopify-topic": "orders/create",
        "x-shopify-shop-domain": "chaos-shop.myshopify.com",
        "x-shopify-api-version": "2026-07",
        "x-shopify-webhook-id": randomUUID(),
        "x-shopify-event-id": randomUUID(),
      },
    }).catch(() => null);
    if (res?.status === 200) acknowledged.push(gid);
    if (i % 50 === 0) await new Promise((r) => setTimeout(r, 100)); // spread over the kill cycles
  }
  return acknowledged;
}

async function waitUntilSettled(db: pg.Client, expected: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_inbox WHERE status = 'processed'`);
    if (rows[0]!.n >= expected) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 250));
  }
  return Date.now() - started;
}

async function flushAll(redisUrl: string): Promise<void> {
  const admin = new Redis(redisUrl);
  await admin.flushall();
  admin.disconnect();
}
