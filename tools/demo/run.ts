// `npm run demo`: the whole system on this machine, with no Shopify account. PostgreSQL and Redis
// (started if needed), a fresh build of the app, the Shopify simulator with a seeded SparkLayer shop,
// the web server and the worker; then SparkLayer-style orders keep arriving as signed webhooks.
// Open the printed URL to watch them flow. Ctrl-C stops everything.
import { createSecretBox } from "../../app/lib/crypto.server";
import { migrate } from "../db/migrator";
import { startWarehouseSim } from "../warehouse-sim";
import { demoCatalog, type SimShop } from "../shopify-sim";
import { startShopifySimForApp } from "../stack/shopify-sim-for-app";
import { ensureBuilt, ensureServices, startWeb, startWorker, waitForHttp, type ManagedProcess } from "../stack/processes";
import { DEMO_SECRET, deleteRedisPrefix } from "../stack/isolated-env";
import { resetDemoShop, seedDemoMapping, storeOfflineSession } from "./session";

const SHOP = "loadbay-demo.myshopify.com";
const WEB_PORT = Number(process.env.PORT ?? 3000);
const SIM_PORT = Number(process.env.SIM_PORT ?? 4001);
const WMS_PORT = Number(process.env.WMS_PORT ?? 4002);
const ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
const DATABASE_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/loadbay_demo";
const ORDER_EVERY_MS = Number(process.env.DEMO_ORDER_EVERY_MS ?? 4_000);

const say = (line: string) => process.stdout.write(`${line}\n`);

say("Loadbay demo: checking PostgreSQL and Redis…");
ensureServices("loadbay_demo");
const migrated = await migrate(DATABASE_URL);
say(`database ready (${migrated.applied.length} migrations applied, ${migrated.alreadyApplied.length} already in place)`);
say("building the app…");
ensureBuilt(true);

const appUrl = `http://localhost:${WEB_PORT}`;
const sim = await startShopifySimForApp(WEB_PORT, { port: SIM_PORT, apiKey: "loadbay-demo" });
const shop = sim.createShop(SHOP, { protectedDataLevel: 2, timezone: "Europe/London" });
demoCatalog(shop);
await resetDemoShop(DATABASE_URL, SHOP);
await deleteRedisPrefix(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", "loadbay-demo");
await storeOfflineSession(DATABASE_URL, SHOP, sim.issueOfflineToken(SHOP, { expiring: true }));
const wms = await startWarehouseSim({ port: WMS_PORT, autoDispatchMs: 20_000 });
const { password, ...credentials } = wms.credentials;
await seedDemoMapping(DATABASE_URL, SHOP, shop.locations()[0]!.id, {
  config: { baseUrl: wms.url, ...credentials, warehouseId: 3 },
  sealedSecrets: createSecretBox(ENCRYPTION_KEY).seal(JSON.stringify({ password })),
});

const env = {
  NODE_ENV: "development",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  DATABASE_URL,
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  QUEUE_PREFIX: "loadbay-demo",
  SHOPIFY_API_KEY: "loadbay-demo",
  SHOPIFY_API_SECRET: DEMO_SECRET,
  SHOPIFY_APP_URL: appUrl,
  SCOPES: "read_orders,write_orders,read_draft_orders,read_merchant_managed_fulfillment_orders,write_merchant_managed_fulfillment_orders",
  SHOPIFY_ADMIN_ORIGIN: sim.url,
  LOADBAY_DEMO_SHOP: SHOP,
  ENCRYPTION_KEY,
  PORT: String(WEB_PORT),
  SWEEP_INTERVAL_S: "10",
  // The simulator despatches each order 20 s after it arrives; Loadbay picks that up within 5 s.
  DISPATCH_POLL_INTERVAL_S: "5",
};
const processes: ManagedProcess[] = [startWeb(env, { echo: true }), startWorker(env, { echo: true })];
await waitForHttp(`${appUrl}/healthz`, 60_000);

say("");
say(`  Loadbay is running.  Open ${appUrl}/app`);
say(`  Health:  ${appUrl}/healthz     Metrics: ${appUrl}/metrics`);
say(`  Shopify simulator: ${sim.url} (shop ${SHOP})   Warehouse simulator (Mintsoft format): ${wms.url}`);
say("  New SparkLayer orders arrive every few seconds. Ctrl-C stops everything.");
say("");

let n = 0;
let pendingDraft: (() => unknown) | undefined;
const timer = setInterval(() => placeOrder(shop), ORDER_EVERY_MS);
placeOrder(shop);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  say("stopping…");
  await Promise.all(processes.map((p) => p.stop()));
  await sim.close();
  await wms.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());

function placeOrder(target: SimShop) {
  if (pendingDraft) {
    pendingDraft();
    pendingDraft = undefined;
    say("a pay-on-account draft was completed into an order");
    return;
  }
  const s = target.scenarios;
  const kinds = [
    () => s.paidByCard(),
    () => s.payOnAccount(),
    () => s.caseOf12(),
    () => s.noPo(),
    () => s.otherCurrency(),
    () => {
      const later = s.draftCompletedLater();
      pendingDraft = later.complete;
      return later.draft;
    },
    () => s.unmappedShipping(),
  ];
  const made = kinds[n++ % kinds.length]!();
  say(`order placed in Shopify: ${(made as { name?: string }).name ?? "draft"}`);
}
