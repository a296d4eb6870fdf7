// Order to warehouse over files: SparkLayer orders placed in one shop (Plus plan) at a fixed rate, sent as
// EDI X12 940s to the SFTP warehouse simulator (X12 mode, which scans its inbox every 100 ms and answers
// each 940 with a 997). Per order: webhook received → 940 renamed into place (`transmittedAt`), and →
// accepted (the warehouse's 997 read back by the dispatch poll, `acceptedAt`). Acceptance waits for a
// poll, so `poll_interval_ms` (DISPATCH_POLL_INTERVAL_S) is printed beside it. The baseline in the same
// run is one bare SFTP upload (connect, write .tmp, rename, hang up) to the same simulator.
// PIPELINE_FILES_ORDERS and PIPELINE_FILES_RATE change the load.
import pg from "pg";
import { createSecretBox } from "../../app/lib/crypto.server";
import { parseDatabaseUrl } from "../../app/lib/database-url";
import { placeFile } from "../../app/connectors/sftp/place-file.server";
import { withSftp } from "../../app/connectors/sftp/sftp-session.server";
import { seedDemoMapping, storeOfflineSession } from "../demo/session";
import { demoCatalog } from "../shopify-sim";
import { createIsolatedEnv, freePort } from "../stack/isolated-env";
import { ensureBuilt, startWeb, startWorker, waitForHttp } from "../stack/processes";
import { startShopifySimForApp } from "../stack/shopify-sim-for-app";
import { startSftpWarehouseSim, type SftpWarehouseSim } from "../warehouse-sim";
import type { BenchGroup } from "./group";
import { median, percentile, round } from "./stats";

const SHOP = "bench-pipeline-files.myshopify.com";
const ORDERS = Number(process.env.PIPELINE_FILES_ORDERS ?? 40);
const RATE = Number(process.env.PIPELINE_FILES_RATE ?? 4);
const POLL_INTERVAL_S = 1;

export const pipelineFilesGroup: BenchGroup = async () => {
  ensureBuilt();
  const port = await freePort();
  const sim = await startShopifySimForApp(port, { plan: "plus" });
  const wms = await startSftpWarehouseSim({ format: "x12", seed: 3 });
  const isolated = await createIsolatedEnv("bench_pipeline_files", { SHOPIFY_ADMIN_ORIGIN: sim.url, PORT: String(port), DISPATCH_POLL_INTERVAL_S: String(POLL_INTERVAL_S) });
  const env = isolated.env;
  const shop = sim.createShop(SHOP, { protectedDataLevel: 2 });
  demoCatalog(shop);
  await storeOfflineSession(env.DATABASE_URL!, SHOP, sim.issueOfflineToken(SHOP, { expiring: true }));
  const { password, ...settings } = wms.ediConnectionSettings();
  await seedDemoMapping(env.DATABASE_URL!, SHOP, shop.locations()[0]!.id, {
    provider: "edi_x12", name: "Bench 3PL (EDI X12)", config: { ...settings, facilityCode: "LEEDS" },
    sealedSecrets: createSecretBox(env.ENCRYPTION_KEY!).seal(JSON.stringify({ password })),
  });
  const web = startWeb(env);
  const worker = startWorker(env);
  const { connectionString, schema } = parseDatabaseUrl(env.DATABASE_URL!);
  const db = new pg.Client({ connectionString, options: `-c search_path="${schema}"` });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    await db.connect();
    const baseline = await sftpUploads(wms, 9);
    await placeOrders(() => void shop.scenarios.paidByCard());
    await sim.webhooksIdle();
    const rows = await waitForAccepted(db, ORDERS, 120_000);
    const accepted = rows.map((r) => Number(r.accepted_ms));
    const transmitted = rows.map((r) => Number(r.transmitted_ms));
    return {
      file_order_to_warehouse_p50_ms: round(percentile(accepted, 50)),
      file_order_to_warehouse_p99_ms: round(percentile(accepted, 99)),
      poll_interval_ms: POLL_INTERVAL_S * 1000,
      file_order_transmitted_p50_ms: round(percentile(transmitted, 50)),
      baseline_sftp_upload_p50_ms: round(median(baseline)),
      file_order_transmitted_p50_vs_baseline: round(percentile(transmitted, 50) / median(baseline)),
      file_orders_placed: ORDERS,
      file_orders_accepted: rows.length,
      file_warehouse_duplicates_stored: [...wms.counters.ordersByReference.values()].filter((n) => n > 1).length,
    };
  } finally {
    await db.end().catch(() => undefined);
    await Promise.all([web.stop(), worker.stop()]);
    await sim.close();
    await wms.close();
    await isolated.cleanup();
  }
};

/** Open loop: orders leave on schedule whatever the pipeline does. */
async function placeOrders(place: () => void): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < ORDERS; i++) {
    const wait = started + (i * 1000) / RATE - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    place();
  }
}

/** What one file costs without Loadbay: a session, a .tmp written and renamed, hung up (to a folder the warehouse does not read). */
async function sftpUploads(wms: SftpWarehouseSim, n: number): Promise<number[]> {
  const { password, host, port, username, hostKeyFingerprint } = wms.ediConnectionSettings();
  wms.putFile("/baseline/.keep", "");
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const done = await withSftp({ host, port, username, password, hostKeyFingerprint, timeoutMs: 5_000 }, (session) =>
      placeFile(session, "/baseline", { name: `B${i}.edi`, tmpName: `B${i}.tmp` }, Buffer.from("ISA*baseline~\n")),
    );
    if (!done.ok) throw new Error(done.error.message);
    times.push(performance.now() - started);
  }
  return times;
}

async function waitForAccepted(db: pg.Client, expected: number, graceMs: number) {
  const deadline = Date.now() + graceMs;
  const query = `
    SELECT EXTRACT(EPOCH FROM (w."acceptedAt" - i.first)) * 1000 AS accepted_ms, EXTRACT(EPOCH FROM (w."transmittedAt" - i.first)) * 1000 AS transmitted_ms
      FROM warehouse_order w JOIN "order" o ON o.id = w."orderId"
      JOIN (SELECT shop, payload->>'admin_graphql_api_id' AS gid, min("receivedAt") AS first FROM webhook_inbox WHERE topic = 'orders/create' GROUP BY 1, 2) i
        ON i.shop = o.shop AND i.gid = o."shopifyOrderId"
     WHERE w."acceptedAt" IS NOT NULL AND w."transmittedAt" IS NOT NULL`;
  for (;;) {
    const { rows } = await db.query<{ accepted_ms: string; transmitted_ms: string }>(query);
    if (rows.length >= expected || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 500));
  }
}
