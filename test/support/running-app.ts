// The running app for end-to-end tests: a test schema, the Shopify simulator (webhooks to the app),
// the production web server and the worker as child processes.
import type { PrismaClient } from "@prisma/client";
import { Queue } from "bullmq";
import { HANDLED_TOPICS } from "~/shopify/webhook-payloads.schema";
import { demoCatalog, type ShopifySimulator, type SimShop, type SimulatorOptions } from "../../tools/shopify-sim";
import { freePort } from "../../tools/stack/isolated-env";
import { ensureBuilt, startWeb, startWorker, waitForHttp, type ManagedProcess } from "../../tools/stack/processes";
import { createTestDatabase } from "./database";
import { deletePrefix, testQueuePrefix } from "./redis";
import { installShop, startTestSimulator } from "./simulator";
import { TEST_ENV } from "./test-env";

export interface RunningApp {
  db: PrismaClient;
  sim: ShopifySimulator;
  env: Record<string, string>;
  /** Adds a maintenance job (sweep, reconcile, purge-payloads) now, as the scheduler would. */
  runMaintenance(task: "sweep" | "reconcile" | "purge-payloads"): Promise<void>;
  stop(): Promise<void>;
}

export async function startRunningApp(label: string, options: { sim?: Partial<SimulatorOptions>; env?: Record<string, string> } = {}): Promise<RunningApp> {
  ensureBuilt();
  const database = await createTestDatabase(label);
  const prefix = testQueuePrefix(label);
  const port = await freePort();
  const sim = await startTestSimulator({
    webhookUrl: (topic) => (HANDLED_TOPICS.includes(topic) ? `http://127.0.0.1:${port}/webhooks/${topic}` : undefined),
    ...options.sim,
  });
  const env = { ...TEST_ENV, DATABASE_URL: database.url, QUEUE_PREFIX: prefix, PORT: String(port), SHOPIFY_ADMIN_ORIGIN: sim.url, SWEEP_INTERVAL_S: "1", SWEEP_STALE_AFTER_S: "5", ...options.env };
  const processes: ManagedProcess[] = [startWeb(env), startWorker(env)];
  await waitForHttp(`http://127.0.0.1:${port}/healthz`);
  const maintenance = new Queue("maintenance", { connection: { url: env.REDIS_URL }, prefix });
  return {
    db: database.db,
    sim,
    env,
    async runMaintenance(task) {
      await maintenance.add(task, { task });
    },
    async stop() {
      await maintenance.close();
      await Promise.all(processes.map((p) => p.stop()));
      await sim.close();
      await database.drop();
      await deletePrefix(env.REDIS_URL, prefix);
    },
  };
}

/**
 * The running app with one installed shop holding the demo catalogue; the admin pages act for that shop
 * (LOADBAY_DEMO_SHOP stands in for Shopify's session token).
 */
export async function startDemoShopApp(label: string, domain: string, env: Record<string, string> = {}): Promise<{ app: RunningApp; shop: SimShop; appUrl: string }> {
  const app = await startRunningApp(label, { env: { LOADBAY_DEMO_SHOP: domain, ...env } });
  const { shop } = await installShop(app.sim, app.db, domain);
  demoCatalog(shop);
  return { app, shop, appUrl: `http://127.0.0.1:${app.env.PORT}` };
}

/**
 * A Mintsoft connection to the warehouse simulator, added through the admin page, with the demo mapping:
 * one facility (LEEDS) at the shop's first location, the case of 12, and "Standard Delivery" → STD.
 * The shop goes live (no dry run).
 */
export async function connectMintsoft(app: RunningApp, shop: SimShop, wms: { url: string; credentials: { username: string; password: string } }): Promise<string> {
  const appUrl = `http://127.0.0.1:${app.env.PORT}`;
  const form = { provider: "mintsoft", name: "Mintsoft Leeds", baseUrl: wms.url, username: wms.credentials.username, password: wms.credentials.password, warehouseId: "3" };
  await fetch(`${appUrl}/app/connections`, { method: "POST", body: new URLSearchParams(form) });
  const domain = shop.domain;
  const connectionId = (await app.db.warehouseConnection.findFirstOrThrow({ where: { shop: domain, name: "Mintsoft Leeds" } })).id;
  const mapping = {
    facilities: [{ code: "LEEDS", name: "Mintsoft Leeds", connectionId, shopifyLocationId: shop.locations()[0]!.id }],
    routing: { defaultFacilityCode: "LEEDS" },
    unitsOfMeasure: { rows: [{ sku: "CASE-12-WIDGET", variantId: null, baseSku: "WIDGET-BLUE", factor: 12 }] },
    connections: [{ connectionId, serviceCodes: { rows: [{ matchOn: "title", value: "Standard Delivery", serviceCode: "STD" }] } }],
  };
  await app.db.shop.update({ where: { domain }, data: { dryRun: false, settings: { mapping } } });
  return connectionId;
}
