// Warehouse dispatch to Shopify fulfillment, through the Mintsoft connector: orders placed in one shop
// (Standard plan limits) are sent to the Mintsoft-format simulator and despatched there at a steady
// pace; the worker polls the despatches and makes one fulfillment each. The latency runs from the
// dispatch advice received (stored by Loadbay) to the fulfillment created in the Shopify simulator; the
// points (`shopify_points_per_order`, as issue 8 names it) are everything Shopify charged for the orders'
// whole journey, divided by the orders. The
// baseline in the same run is one bare Admin API round trip to the same simulator.
import pg from "pg";
import { createSecretBox } from "../../app/lib/crypto.server";
import { parseDatabaseUrl } from "../../app/lib/database-url";
import { seedDemoMapping, storeOfflineSession } from "../demo/session";
import { demoCatalog, type SimShop } from "../shopify-sim";
import { createIsolatedEnv, freePort } from "../stack/isolated-env";
import { ensureBuilt, startWeb, startWorker, waitForHttp } from "../stack/processes";
import { startShopifySimForApp } from "../stack/shopify-sim-for-app";
import { startWarehouseSim, type WarehouseSim } from "../warehouse-sim";
import type { BenchGroup } from "./group";
import { median, percentile, round } from "./stats";

const ORDERS_PER_RUN = Number(process.env.DISPATCH_ORDERS ?? 30);
/** Despatches per second at the warehouse: a busy B2B warehouse's afternoon, well inside the Standard plan's 100 points/s. */
const DESPATCH_RATE = 1;
const POLL_INTERVAL_S = 1;
const DOMAIN = "bench-dispatch.myshopify.com";

export const dispatchGroup: BenchGroup = async ({ runs }) => {
  ensureBuilt();
  const port = await freePort();
  const sim = await startShopifySimForApp(port, { plan: "standard" });
  const wms = await startWarehouseSim({ seed: 5 });
  const isolated = await createIsolatedEnv("bench_dispatch", { SHOPIFY_ADMIN_ORIGIN: sim.url, PORT: String(port), DISPATCH_POLL_INTERVAL_S: String(POLL_INTERVAL_S) });
  const env = isolated.env;
  const shop = await seedShop(env, sim, wms);
  const token = sim.issueOfflineToken(DOMAIN, { expiring: false }).accessToken;
  const web = startWeb(env);
  const worker = startWorker(env);
  const { connectionString, schema } = parseDatabaseUrl(env.DATABASE_URL!);
  const db = new pg.Client({ connectionString, options: `-c search_path="${schema}"` });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    await db.connect();
    const p50: number[] = [];
    const p99: number[] = [];
    const baseline: number[] = [];
    const points: number[] = [];
    for (let run = 0; run < runs; run++) {
      const pointsBefore = shop.pointsSpent();
      const orders = await placeAndSend(shop, db);
      const latencies = await despatchAll(shop, wms, db, orders);
      p50.push(percentile(latencies, 50));
      p99.push(percentile(latencies, 99));
      points.push((shop.pointsSpent() - pointsBefore) / orders.length);
      baseline.push(await adminRoundTripMs(sim.url, token));
    }
    console.error(`dispatch: Shopify points by operation ${JSON.stringify(pointsByOperation(shop))}`);
    return {
      dispatch_to_fulfillment_p50_ms: round(median(p50)),
      dispatch_to_fulfillment_p99_ms: round(median(p99)),
      shopify_points_per_order: round(median(points)),
      dispatch_orders_per_run: ORDERS_PER_RUN,
      dispatch_poll_interval_ms: POLL_INTERVAL_S * 1000,
      baseline_admin_roundtrip_p50_ms: round(median(baseline)),
      dispatch_to_fulfillment_p50_vs_baseline: round(median(p50) / median(baseline)),
    };
  } finally {
    await db.end().catch(() => undefined);
    await Promise.all([web.stop(), worker.stop()]);
    await sim.close();
    await wms.close();
    await isolated.cleanup();
  }
};

async function seedShop(env: Record<string, string>, sim: Awaited<ReturnType<typeof startShopifySimForApp>>, wms: WarehouseSim): Promise<SimShop> {
  const { password, ...credentials } = wms.credentials;
  const sealed = createSecretBox(env.ENCRYPTION_KEY!).seal(JSON.stringify({ password }));
  const shop = sim.createShop(DOMAIN, { protectedDataLevel: 2 });
  demoCatalog(shop);
  await storeOfflineSession(env.DATABASE_URL!, DOMAIN, sim.issueOfflineToken(DOMAIN, { expiring: true }));
  await seedDemoMapping(env.DATABASE_URL!, DOMAIN, shop.locations()[0]!.id, { config: { baseUrl: wms.url, ...credentials, warehouseId: 3 }, sealedSecrets: sealed });
  return shop;
}

interface SentOrder {
  gid: string;
  idempotencyKey: string;
}

/** Orders placed a few a second, then waited for until Mintsoft accepted each. */
async function placeAndSend(shop: SimShop, db: pg.Client): Promise<SentOrder[]> {
  const gids: string[] = [];
  for (let i = 0; i < ORDERS_PER_RUN; i++) {
    gids.push(shop.scenarios.paidByCard().id);
    await sleep(500);
  }
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { rows } = await db.query<{ gid: string; key: string }>(
      `SELECT o."shopifyOrderId" AS gid, w."idempotencyKey" AS key FROM warehouse_order w JOIN "order" o ON o.id = w."orderId"
        WHERE o."shopifyOrderId" = ANY($1) AND w.state = 'accepted'`,
      [gids],
    );
    if (rows.length === gids.length) return rows.map((r) => ({ gid: r.gid, idempotencyKey: r.key }));
    if (Date.now() > deadline) throw new Error(`only ${rows.length} of ${gids.length} orders reached the warehouse`);
    await sleep(250);
  }
}

/** Despatches every order at a steady pace; per order, advice stored → fulfillment created (ms). */
async function despatchAll(shop: SimShop, wms: WarehouseSim, db: pg.Client, orders: SentOrder[]): Promise<number[]> {
  for (const [i, order] of orders.entries()) {
    wms.dispatch(order.idempotencyKey, { tracking: { number: `BENCH-${Date.now()}-${i}` } });
    await sleep(1000 / DESPATCH_RATE);
  }
  const deadline = Date.now() + 120_000;
  const keys = orders.map((o) => o.idempotencyKey);
  for (;;) {
    const { rows } = await db.query<{ key: string; received_ms: string }>(
      `SELECT w."idempotencyKey" AS key, EXTRACT(EPOCH FROM d."receivedAt") * 1000 AS received_ms
         FROM dispatch_advice d JOIN warehouse_order w ON w.id = d."warehouseOrderId"
        WHERE w."idempotencyKey" = ANY($1) AND d.status = 'applied'`,
      [keys],
    );
    if (rows.length === orders.length) {
      const received = new Map(rows.map((r) => [r.key, Number(r.received_ms)]));
      return orders.map((o) => {
        const made = shop.fulfillments(o.gid)[0];
        if (!made) throw new Error(`no fulfillment for ${o.gid}`);
        return Date.parse(made.createdAt) - received.get(o.idempotencyKey)!;
      });
    }
    if (Date.now() > deadline) throw new Error(`only ${rows.length} of ${orders.length} dispatches were applied`);
    await sleep(250);
  }
}

/** The cheapest Admin API call there is, timed from this process: what any Shopify write costs at least. */
async function adminRoundTripMs(simUrl: string, token: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const response = await fetch(`${simUrl}/admin/api/2026-07/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": token },
      body: JSON.stringify({ query: "query BenchBaseline { shop { name } }" }),
    });
    await response.text();
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

/** Where the points went (stderr), so the per-order figure can be explained. */
function pointsByOperation(shop: SimShop): Record<string, { calls: number; points: number }> {
  const byName: Record<string, { calls: number; points: number }> = {};
  for (const o of shop.state.operationLog) {
    const entry = (byName[o.name ?? "(anonymous)"] ??= { calls: 0, points: 0 });
    entry.calls++;
    entry.points += o.actualCost;
  }
  return byName;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
