// Orders to the warehouse under everything at once: a 20% 5xx rate (half of them after the order was
// stored, so the answer is lost), a warehouse outage, the worker SIGKILLed every 20 s and one Redis
// FLUSHALL. Lost: an order placed in Shopify that never reached the warehouse. Duplicated: a
// reference the warehouse stored more than once (the simulator counts every create it receives).
import { createSecretBox } from "../../app/lib/crypto.server";
import { resetDemoShop, seedDemoMapping, storeOfflineSession } from "../demo/session";
import { demoCatalog } from "../shopify-sim";
import { startShopifySimForApp } from "../stack/shopify-sim-for-app";
import { createIsolatedEnv, freePort } from "../stack/isolated-env";
import { startPrivateRedis } from "../stack/private-redis";
import { ensureBuilt, startWeb, startWorker, waitForHttp, type ManagedProcess } from "../stack/processes";
import { startWarehouseSim } from "../warehouse-sim";
import { Redis } from "ioredis";

const SHOP = "chaos-transmit.myshopify.com";
const ORDERS = Number(process.env.CHAOS_ORDERS ?? 300);
const OUTAGE_MS = Number(process.env.CHAOS_OUTAGE_S ?? 120) * 1000;
const KILL_EVERY_MS = 20_000;

export async function transmitChaos() {
  ensureBuilt();
  const redis = await startPrivateRedis();
  const port = await freePort();
  const sim = await startShopifySimForApp(port, { plan: "plus" });
  const wms = await startWarehouseSim({ seed: 7 });
  const isolated = await createIsolatedEnv("chaos_transmit", { REDIS_URL: redis.url, SHOPIFY_ADMIN_ORIGIN: sim.url, PORT: String(port) });
  const env: Record<string, string> = { ...isolated.env, WORKER_LOCK_MS: "3000", SWEEP_INTERVAL_S: "2", SWEEP_STALE_AFTER_S: "5" };
  const shop = sim.createShop(SHOP, { protectedDataLevel: 2 });
  demoCatalog(shop);
  await resetDemoShop(env.DATABASE_URL!, SHOP);
  await storeOfflineSession(env.DATABASE_URL!, SHOP, sim.issueOfflineToken(SHOP, { expiring: true }));
  const { password, ...credentials } = wms.credentials;
  await seedDemoMapping(env.DATABASE_URL!, SHOP, shop.locations()[0]!.id, {
    config: { baseUrl: wms.url, ...credentials, warehouseId: 3, timeoutMs: 3_000 },
    sealedSecrets: createSecretBox(env.ENCRYPTION_KEY!).seal(JSON.stringify({ password })),
  });
  const web = startWeb(env);
  let worker: ManagedProcess = startWorker(env);
  const killer = setInterval(() => void worker.stop("SIGKILL").then(() => (worker = startWorker(env))), KILL_EVERY_MS);
  const started = Date.now();
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    wms.setFaults({ errorRate: 0.2, errorPhase: "after" }, 11);
    const placed: string[] = [];
    for (let i = 0; i < ORDERS; i++) {
      if (i === Math.floor(ORDERS / 3)) wms.setFaults({ outage: { mode: "503", until: new Date(Date.now() + OUTAGE_MS) } });
      if (i === Math.floor(ORDERS / 2)) await flushAll(redis.url);
      placed.push(shop.scenarios.paidByCard().name);
      await new Promise((r) => setTimeout(r, 50));
    }
    await sim.webhooksIdle();
    // Each paid order maps to one warehouse order (one facility, no backorder split): one reference.
    await waitUntil(() => wms.counters.ordersByReference.size >= ORDERS, OUTAGE_MS + 180_000);
    const stored = [...wms.counters.ordersByReference.values()];
    return {
      lost: ORDERS - wms.counters.ordersByReference.size,
      duplicated: stored.filter((n) => n > 1).length,
      orders_placed: placed.length,
      warehouse_create_requests: wms.counters.createRequests,
      duplicate_submits_refused: wms.counters.duplicates,
      settle_s: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    clearInterval(killer);
    await Promise.all([web.stop(), worker.stop("SIGKILL")]);
    await sim.close();
    await wms.close();
    await isolated.cleanup();
    await redis.stop();
  }
}

async function flushAll(url: string): Promise<void> {
  const admin = new Redis(url);
  await admin.flushall();
  admin.disconnect();
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !done()) await new Promise((r) => setTimeout(r, 500));
}
