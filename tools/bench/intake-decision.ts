// intake_to_decision: SparkLayer orders placed in the Shopify simulator at a steady rate; each one's
// time from webhook received (inbox row) to release decision recorded, with the worker reading the
// order back from the simulator.
import pg from "pg";
import { parseDatabaseUrl } from "../../app/lib/database-url";
import { storeOfflineSession } from "../demo/session";
import { demoCatalog } from "../shopify-sim";
import { startShopifySimForApp } from "../stack/shopify-sim-for-app";
import { createIsolatedEnv, freePort } from "../stack/isolated-env";
import { startWeb, startWorker, waitForHttp } from "../stack/processes";
import { percentile, round } from "./stats";

const SHOP = "bench-decision.myshopify.com";

export async function measureIntakeToDecision(orders: number, perSecond: number): Promise<Record<string, number>> {
  const port = await freePort();
  const sim = await startShopifySimForApp(port, { plan: "plus" });
  const isolated = await createIsolatedEnv("bench_decision", { SHOPIFY_ADMIN_ORIGIN: sim.url, PORT: String(port) });
  const shop = sim.createShop(SHOP, { protectedDataLevel: 2 });
  demoCatalog(shop);
  await storeOfflineSession(isolated.env.DATABASE_URL!, SHOP, sim.issueOfflineToken(SHOP, { expiring: true }));
  const web = startWeb(isolated.env);
  const worker = startWorker(isolated.env);
  const { connectionString, schema } = parseDatabaseUrl(isolated.env.DATABASE_URL!);
  const db = new pg.Client({ connectionString, options: `-c search_path="${schema}"` });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    await db.connect();
    for (let i = 0; i < orders; i++) {
      if (i % 2) shop.scenarios.payOnAccount();
      else shop.scenarios.paidByCard();
      await new Promise((r) => setTimeout(r, 1000 / perSecond));
    }
    await sim.webhooksIdle();
    const latencies = await waitForDecisions(db, orders);
    return {
      intake_to_decision_p50_ms: round(percentile(latencies, 50)),
      intake_to_decision_p99_ms: round(percentile(latencies, 99)),
      shopify_points_per_decision: round(shop.pointsSpent() / orders),
    };
  } finally {
    await db.end().catch(() => undefined);
    await Promise.all([web.stop(), worker.stop()]);
    await sim.close();
    await isolated.cleanup();
  }
}

async function waitForDecisions(db: pg.Client, expected: number): Promise<number[]> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { rows } = await db.query<{ ms: number }>(
      `SELECT EXTRACT(EPOCH FROM (o."decidedAt" - w.first)) * 1000 AS ms
         FROM "order" o
         JOIN (SELECT payload->>'admin_graphql_api_id' AS gid, min("receivedAt") AS first FROM webhook_inbox WHERE topic = 'orders/create' GROUP BY 1) w
           ON w.gid = o."shopifyOrderId"
        WHERE o."decidedAt" IS NOT NULL`,
    );
    if (rows.length >= expected || Date.now() > deadline) return rows.map((r) => Number(r.ms));
    await new Promise((r) => setTimeout(r, 200));
  }
}
