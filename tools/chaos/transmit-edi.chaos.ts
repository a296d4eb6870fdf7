// Orders to an EDI X12 warehouse over SFTP under the part-1 fault mix: 20% of SFTP writes (upload, write,
// rename) take effect and then lose their answer, a 10 ms delay on every answer, a warehouse outage (the
// port refuses connections), the worker SIGKILLed every 20 s and one Redis FLUSHALL. Lost: an order placed
// in Shopify whose 940 never reached the warehouse. Duplicated: a reference the warehouse took in more than
// once (the simulator counts every order it receives per reference). Also reported: how many warehouse
// orders the warehouse's 997s made "accepted" (read back through the dispatch poll).
import pg from "pg";
import { createSecretBox } from "../../app/lib/crypto.server";
import { parseDatabaseUrl } from "../../app/lib/database-url";
import { resetDemoShop, seedDemoMapping, storeOfflineSession } from "../demo/session";
import { demoCatalog } from "../shopify-sim";
import { startShopifySimForApp } from "../stack/shopify-sim-for-app";
import { createIsolatedEnv, freePort } from "../stack/isolated-env";
import { startPrivateRedis } from "../stack/private-redis";
import { ensureBuilt, startWeb, startWorker, waitForHttp, type ManagedProcess } from "../stack/processes";
import { startSftpWarehouseSim } from "../warehouse-sim";
import { Redis } from "ioredis";

const SHOP = "chaos-transmit-edi.myshopify.com";
const ORDERS = Number(process.env.CHAOS_EDI_ORDERS ?? 60);
// Two minutes, as in part 1 (issue 6).
const OUTAGE_MS = Number(process.env.CHAOS_EDI_OUTAGE_S ?? 120) * 1000;
const KILL_EVERY_MS = 20_000;

export async function transmitEdiChaos() {
  ensureBuilt();
  const redis = await startPrivateRedis();
  const port = await freePort();
  const sim = await startShopifySimForApp(port, { plan: "plus" });
  const wms = await startSftpWarehouseSim({ format: "x12", seed: 7 });
  const isolated = await createIsolatedEnv("chaos_transmit_edi", { REDIS_URL: redis.url, SHOPIFY_ADMIN_ORIGIN: sim.url, PORT: String(port) });
  const env: Record<string, string> = { ...isolated.env, WORKER_LOCK_MS: "3000", SWEEP_INTERVAL_S: "2", SWEEP_STALE_AFTER_S: "5", DISPATCH_POLL_INTERVAL_S: "1" };
  const shop = sim.createShop(SHOP, { protectedDataLevel: 2 });
  demoCatalog(shop);
  await resetDemoShop(env.DATABASE_URL!, SHOP);
  await storeOfflineSession(env.DATABASE_URL!, SHOP, sim.issueOfflineToken(SHOP, { expiring: true }));
  const { password, ...settings } = wms.ediConnectionSettings();
  await seedDemoMapping(env.DATABASE_URL!, SHOP, shop.locations()[0]!.id, {
    provider: "edi_x12", name: "Demo 3PL (EDI X12)", config: { ...settings, facilityCode: "LEEDS", timeoutMs: 3_000 },
    sealedSecrets: createSecretBox(env.ENCRYPTION_KEY!).seal(JSON.stringify({ password })),
  });
  const web = startWeb(env);
  let worker: ManagedProcess = startWorker(env);
  const killer = setInterval(() => void worker.stop("SIGKILL").then(() => (worker = startWorker(env))), KILL_EVERY_MS);
  const started = Date.now();
  const { connectionString, schema } = parseDatabaseUrl(env.DATABASE_URL!);
  const db = new pg.Client({ connectionString, options: `-c search_path="${schema}"` });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    await db.connect();
    await wms.setFaults({ errorRate: 0.2, errorPhase: "after", latencyMs: 10 }, 11);
    for (let i = 0; i < ORDERS; i++) {
      if (i === Math.floor(ORDERS / 3)) await wms.setFaults({ outage: { mode: "refuse", until: new Date(Date.now() + OUTAGE_MS) } });
      if (i === Math.floor(ORDERS / 2)) await flushAll(redis.url);
      shop.scenarios.paidByCard();
      await new Promise((r) => setTimeout(r, 50));
    }
    await sim.webhooksIdle();
    // Each paid order maps to one warehouse order (one facility, no backorder split): one reference.
    await waitUntil(async () => wms.counters.ordersByReference.size >= ORDERS && (await accepted(db)) >= ORDERS, OUTAGE_MS + 180_000);
    const stored = [...wms.counters.ordersByReference.values()];
    return {
      lost: ORDERS - wms.counters.ordersByReference.size,
      duplicated: stored.filter((n) => n > 1).length,
      orders_placed: ORDERS,
      accepted_by_997: await accepted(db),
      files_received: wms.counters.filesReceived,
      duplicate_files_dropped: wms.counters.duplicateFiles,
      acknowledgements_from_loadbay: wms.counters.acknowledgementsReceived,
      sftp_faults_injected: wms.faultsInjected,
      settle_s: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    clearInterval(killer);
    await db.end().catch(() => undefined);
    await Promise.all([web.stop(), worker.stop("SIGKILL")]);
    await sim.close();
    await wms.close();
    await isolated.cleanup();
    await redis.stop();
  }
}

async function accepted(db: pg.Client): Promise<number> {
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM warehouse_order WHERE state = 'accepted'`);
  return Number(rows[0]?.n ?? 0);
}

async function flushAll(url: string): Promise<void> {
  const admin = new Redis(url);
  await admin.flushall();
  admin.disconnect();
}

async function waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !(await done())) await new Promise((r) => setTimeout(r, 500));
}
