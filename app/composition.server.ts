// Concrete wiring in one place: every real dependency (PostgreSQL, Redis, BullMQ, Shopify) is built
// here and handed to use cases as interfaces. Routes and processors ask the container, never `new`.
import type { Redis } from "ioredis";
import { JobQueues } from "~/jobs/queues.server";
import { createDb, type Db } from "~/lib/db.server";
import { env as readEnv, type Env } from "~/lib/env.server";
import { createLogger, type Logger } from "~/lib/logger.server";
import { createRedis } from "~/lib/redis.server";
import type { WebhookDelivery } from "~/modules/inbox/webhook-event";
import { recordWebhook } from "~/modules/inbox/record-webhook.use-case";
import { PrismaInboxRepository } from "~/persistence/inbox.repo.server";
import { PrismaOverviewReader } from "~/persistence/overview.repo.server";
import { PrismaOrderListReader } from "~/persistence/order-list.repo.server";
import type { OrderListReader } from "~/modules/operations/order-list";
import { readDashboard } from "~/modules/operations/dashboard.use-case";
import { PrismaDashboardReader } from "~/persistence/dashboard.repo.server";
import { readOperationsSettingsPage, saveOperationsSettings } from "~/modules/operations/operations-settings.use-case";
import { PrismaOperationsSettingsStore } from "~/persistence/operations-settings.repo.server";
import { PrismaOrderRepository } from "~/persistence/orders.repo.server";
import { PrismaReconcileRepository } from "~/persistence/reconcile.repo.server";
import { ShopifyOrderSource } from "~/sources/shopify/shopify-order-source.server";
import { ShopifyFulfillmentHolds } from "~/shopify/fulfillment-holds.server";
import { ShopifyFulfillmentOrderMoves } from "~/shopify/fulfillment-order-moves.server";
import { cancelAtWarehouse, confirmDoneAtWarehouse, manualDecision } from "~/modules/orders/manual-decision.use-case";
import { retryExceptions } from "~/modules/exceptions/retry-exceptions.use-case";
import { mappingSettingsAdmin, type MappingSettingsAdmin } from "~/modules/mapping/mapping-settings-admin";
import { PrismaMappingSettingsStore } from "~/persistence/mapping-settings.repo.server";
import { PrismaExceptionReader } from "~/persistence/exceptions.repo.server";
import { PrismaTransmissionRepository } from "~/persistence/transmission.repo.server";
import { StoredConnectorRegistry } from "~/connectors/registry.server";
import { PROVIDERS, type Provider } from "~/connectors/providers.server";
import { PrismaConnectionRepository } from "~/persistence/connections.repo.server";
import { PrismaOrderDetailsReader } from "~/persistence/order-details.repo.server";
import { PrismaOrderSummaryReader } from "~/persistence/order-summary.repo.server";
import { PrismaInboundFileLedger } from "~/persistence/inbound-files.repo.server";
import { SqlTransportState } from "~/persistence/transport-state.repo.server";
import { PrismaInboundRepository } from "~/persistence/inbound.repo.server";
import { receivePush, type PushRequest } from "~/modules/inbound/receive-push.use-case";
import { setUpPush } from "~/modules/inbound/set-up-push.use-case";
import { createConnection } from "~/modules/connections/create-connection.use-case";
import { pullOrders } from "~/modules/inbound/pull-orders.use-case";
import { receiveAcknowledgements } from "~/modules/inbound/receive-acknowledgements.use-case";
import { SqlOrderPullRepository } from "~/persistence/order-pull.repo.server";
import type { ConnectionTester } from "~/modules/connections/connections.ports";
import { createSecretBox } from "~/lib/crypto.server";
import { createSql } from "~/lib/sql.server";
import type { ManualAction } from "~/modules/orders/orders.ports";
import { retryWebhook } from "~/modules/inbox/retry-webhook.use-case";
import type { OverviewReader } from "~/modules/overview/overview.ports";
import { parseWebhookPayload } from "~/shopify/webhook-payloads.schema";
import { createWebhookVerifier, type WebhookVerifier } from "~/shopify/webhook-verifier.server";
import { createShopifyApp, type ShopifyApp } from "~/shopify/shopify-app.server";
import { AdminGateway } from "~/shopify/admin-gateway.server";
import { OfflineTokens } from "~/shopify/offline-token.server";
import { checkHealth, type HealthReport } from "~/lib/health.server";
import { renderMetrics } from "~/jobs/metrics.server";
import { watchEventLoop } from "~/lib/event-loop.server";
import { SqlDispatchRepository, SqlWarehouseStatusRepository } from "~/persistence/dispatches.repo.server";
import { ShopifyFulfillmentsGateway } from "~/shopify/fulfillments.server";
import { SqlInventoryStore } from "./persistence/inventory.repo.server";
import { PrismaInventoryAdmin } from "./persistence/inventory-admin.repo.server";
import { readInventoryPage, requestFullSync } from "./modules/inventory/inventory-page.use-case";
import { readInventorySettingsPage, saveInventorySettings } from "./modules/inventory/inventory-settings.use-case";
import { SqlStockPolls } from "./persistence/stock-polls.repo.server";
import { ShopifyInventoryGateway } from "./shopify/inventory.server";
import { ShopifyWarehouseStatus } from "~/shopify/warehouse-status.server";

/** One factory per warehouse provider (`warehouse_connection.provider`). */
const CONNECTOR_FACTORIES = Object.fromEntries(PROVIDERS.map((p) => [p.id, p.factory]));

export interface Container {
  env: Env;
  log: Logger;
  db: Db;
  /** Fail-fast Redis connection for producers (web). */
  redis: Redis;
  queues: JobQueues;
  inbox: PrismaInboxRepository;
  /** Admin authentication for the embedded UI (web process only; built on first use). */
  readonly shopify: ShopifyApp;
  /**
   * The shop an admin request acts for. Shopify's session-token authentication, except in the
   * demo and browser tests (LOADBAY_DEMO_SHOP, which env parsing refuses in production).
   */
  authenticateAdmin(request: Request): Promise<{ shop: string; embedded: boolean }>;
  /** Expiring offline tokens for background work, refreshed under a per-shop lock. */
  tokens: OfflineTokens;
  /** The Admin GraphQL gateway: the only path to Shopify from background work. */
  admin: AdminGateway;
  orders: PrismaOrderRepository;
  source: ShopifyOrderSource;
  holds: ShopifyFulfillmentHolds;
  moves: ShopifyFulfillmentOrderMoves;
  reconcile: PrismaReconcileRepository;
  manualDecision(input: { shop: string; orderId: string; action: ManualAction; actor: string }): ReturnType<typeof manualDecision>;
  confirmDoneAtWarehouse(input: Parameters<typeof confirmDoneAtWarehouse>[1]): ReturnType<typeof confirmDoneAtWarehouse>;
  cancelAtWarehouse(input: Parameters<typeof cancelAtWarehouse>[1]): ReturnType<typeof cancelAtWarehouse>;
  /** Adds a warehouse connection from the admin form (with its provider's mapping profile, if any). */
  createConnection(input: Parameters<typeof createConnection>[1]): ReturnType<typeof createConnection>;
  exceptions: PrismaExceptionReader;
  transmission: PrismaTransmissionRepository;
  connectors: StoredConnectorRegistry;
  providers: Provider[];
  orderDetails: PrismaOrderDetailsReader;
  orderSummary: PrismaOrderSummaryReader;
  connections: PrismaConnectionRepository;
  connectionTester: ConnectionTester;
  retryExceptions(input: Parameters<typeof retryExceptions>[1]): ReturnType<typeof retryExceptions>;
  /** Dispatch advices: stored once, applied as Shopify fulfillments, polled from warehouses that do not push. */
  dispatches: SqlDispatchRepository;
  fulfillments: ShopifyFulfillmentsGateway;
  /** The warehouse status on the Shopify order (tag and/or metafield). */
  warehouseStatus: SqlWarehouseStatusRepository;
  statusWriter: ShopifyWarehouseStatus;
  /** Inventory sync: Loadbay's records, Shopify's stock, stock polls and the full-sync schedule. */
  inventoryStore: SqlInventoryStore;
  inventoryShopify: ShopifyInventoryGateway;
  stockPolls: SqlStockPolls;
  /** The mapping settings pages: read, save a section, CSV import and export of a table. */
  mappingSettings: MappingSettingsAdmin;
  /** Warehouse pushes to `/inbound/<connection>/<kind>`, and setting them up in the admin. */
  receivePush(push: PushRequest): ReturnType<typeof receivePush>;
  setUpPush(input: Parameters<typeof setUpPush>[1]): ReturnType<typeof setUpPush>;
  /** Pull connectors (OrderWise): `GET /inbound/<connection>/orders`, `POST …/acknowledgements` (decision 0023). */
  pullOrders(call: Parameters<typeof pullOrders>[1]): ReturnType<typeof pullOrders>;
  receiveAcknowledgements(call: Parameters<typeof receiveAcknowledgements>[1]): ReturnType<typeof receiveAcknowledgements>;
  verifyWebhook: WebhookVerifier;
  recordWebhook(delivery: WebhookDelivery): ReturnType<typeof recordWebhook>;
  overview: OverviewReader;
  /** The orders list (/app/orders). */
  orderList: OrderListReader;
  /** Stuck orders, exceptions by kind and the charts on the overview page. */
  dashboard(shop: string, now: Date): ReturnType<typeof readDashboard>;
  /** The operations settings page (/app/settings/operations). */
  operationsSettings: {
    read(shop: string): ReturnType<typeof readOperationsSettingsPage>;
    save(input: Parameters<typeof saveOperationsSettings>[1]): ReturnType<typeof saveOperationsSettings>;
  };
  /** The inventory page (/app/inventory) and its settings (/app/settings/inventory). */
  inventoryAdmin: {
    page(shop: string, page: number): ReturnType<typeof readInventoryPage>;
    runFullSync(shop: string): ReturnType<typeof requestFullSync>;
    readSettings(shop: string): ReturnType<typeof readInventorySettingsPage>;
    saveSettings(input: Parameters<typeof saveInventorySettings>[1]): ReturnType<typeof saveInventorySettings>;
  };
  retryWebhook(shop: string, inboxId: string): ReturnType<typeof retryWebhook>;
  health(): Promise<HealthReport>;
  /** Prometheus text exposition. */
  metrics(): Promise<string>;
  close(): Promise<void>;
}

export function createContainer(env: Env, options: { log?: Logger } = {}): Container {
  const log = options.log ?? createLogger(env.LOG_LEVEL);
  watchEventLoop();
  const db = createDb(env.DATABASE_URL);
  const sql = createSql(env.DATABASE_URL);
  const redis = createRedis(env.REDIS_URL, "producer");
  redis.on("error", (error) => log.warn({ err: error }, "redis connection error"));
  const queues = new JobQueues(redis, env.QUEUE_PREFIX);
  const inbox = new PrismaInboxRepository(db, sql);
  // Production always talks to https://{shop}; env parsing refuses an override there.
  const adminOrigin = (shop: string) => env.SHOPIFY_ADMIN_ORIGIN ?? `https://${shop}`;
  const tokens = new OfflineTokens({ db, apiKey: env.SHOPIFY_API_KEY, apiSecret: env.SHOPIFY_API_SECRET, adminOrigin });
  const admin = new AdminGateway({ tokens, adminOrigin, log: log.child({ component: "admin-gateway" }) });
  const orders = new PrismaOrderRepository(db, sql);
  const exceptions = new PrismaExceptionReader(db);
  const box = createSecretBox(env.ENCRYPTION_KEY);
  const transportState = new SqlTransportState(sql);
  const connectors = new StoredConnectorRegistry(sql, box, CONNECTOR_FACTORIES, { inboundFiles: new PrismaInboundFileLedger(db), transportState });
  const inbound = new PrismaInboundRepository(db, box, sql);
  const dispatches = new SqlDispatchRepository(sql);
  let shopifyApp: ShopifyApp | undefined;
  return {
    get shopify() {
      shopifyApp ??= createShopifyApp(env, db, (shop) => inbox.markInstalled(shop));
      return shopifyApp;
    },
    async authenticateAdmin(request) {
      if (env.LOADBAY_DEMO_SHOP) return { shop: env.LOADBAY_DEMO_SHOP, embedded: false };
      const { session } = await this.shopify.authenticate.admin(request);
      return { shop: session.shop, embedded: true };
    },
    env,
    log,
    db,
    tokens,
    admin,
    orders,
    source: new ShopifyOrderSource(admin),
    holds: new ShopifyFulfillmentHolds(admin),
    moves: new ShopifyFulfillmentOrderMoves(admin),
    reconcile: new PrismaReconcileRepository(db, sql),
    manualDecision: (input) => manualDecision({ orders, evaluations: queues }, input),
    confirmDoneAtWarehouse: (input) => confirmDoneAtWarehouse({ orders }, input),
    cancelAtWarehouse: (input) => cancelAtWarehouse({ orders, transmissions: queues }, input),
    createConnection: (input) => createConnection({ connections: new PrismaConnectionRepository(db, box), providers: PROVIDERS, mappingSettings: new PrismaMappingSettingsStore(db) }, input),
    exceptions,
    transmission: new PrismaTransmissionRepository(db, sql),
    connectors,
    providers: PROVIDERS,
    orderDetails: new PrismaOrderDetailsReader(db),
    orderSummary: new PrismaOrderSummaryReader(db),
    connections: new PrismaConnectionRepository(db, box),
    connectionTester: {
      async test(shop, connectionId) {
        const found = await connectors.forConnection(shop, connectionId);
        if (!found.ok) return { ok: false, message: found.message };
        const result = await found.connector.testConnection();
        return result.ok ? { ok: true, message: result.value.message } : { ok: false, message: result.error.message };
      },
    },
    retryExceptions: (input) => retryExceptions({ exceptions, orders, evaluations: queues, dispatches, dispatchQueue: queues }, input),
    dispatches,
    fulfillments: new ShopifyFulfillmentsGateway(admin),
    warehouseStatus: new SqlWarehouseStatusRepository(sql),
    statusWriter: new ShopifyWarehouseStatus(admin),
    inventoryStore: new SqlInventoryStore(sql),
    inventoryShopify: new ShopifyInventoryGateway(admin),
    stockPolls: new SqlStockPolls(sql),
    mappingSettings: mappingSettingsAdmin({ store: new PrismaMappingSettingsStore(db), exceptions, connections: new PrismaConnectionRepository(db, box) }),
    receivePush: (push) => receivePush({ inbound, connectors, dispatchQueue: queues, stockQueue: queues, log }, push),
    setUpPush: (input) => setUpPush({ inbound }, input),
    pullOrders: (call) => pullOrders({ inbound, connectors, pulls: new SqlOrderPullRepository(sql), transportState, log, now: () => new Date() }, call),
    receiveAcknowledgements: (call) => receiveAcknowledgements({ inbound, connectors, transportState, log }, call),
    redis,
    queues,
    inbox,
    verifyWebhook: createWebhookVerifier({ apiSecret: env.SHOPIFY_API_SECRET }),
    overview: new PrismaOverviewReader(db),
    orderList: new PrismaOrderListReader(db),
    dashboard: (shop, now) => readDashboard({ reader: new PrismaDashboardReader(db) }, shop, now),
    operationsSettings: (() => {
      const deps = { store: new PrismaOperationsSettingsStore(db), connections: new PrismaConnectionRepository(db, box) };
      return { read: (shop: string) => readOperationsSettingsPage(deps, shop), save: (input: Parameters<typeof saveOperationsSettings>[1]) => saveOperationsSettings(deps, input) };
    })(),
    inventoryAdmin: (() => {
      const store = new PrismaInventoryAdmin(db);
      const now = () => new Date();
      return {
        page: (shop: string, page: number) => readInventoryPage({ reader: store, settings: store, now }, shop, page),
        runFullSync: (shop: string) => requestFullSync({ reader: store, settings: store, enqueueFullSync: (job) => queues.enqueueFullSync(job), now }, shop),
        readSettings: (shop: string) => readInventorySettingsPage({ store, reader: store }, shop),
        saveSettings: (input: Parameters<typeof saveInventorySettings>[1]) => saveInventorySettings({ store }, input),
      };
    })(),
    retryWebhook: (shop, inboxId) => retryWebhook({ inbox, queue: queues }, shop, inboxId),
    health: () => checkHealth({ db, redis }),
    metrics: () => renderMetrics(queues),
    recordWebhook: (delivery) => recordWebhook({ inbox, queue: queues, parse: parseWebhookPayload, log }, delivery),
    async close() {
      await queues.close();
      redis.disconnect();
      await Promise.all([db.$disconnect(), sql.close()]);
    },
  };
}

let singleton: Container | undefined;

/** The web process's container, built from the environment on first use. */
export function container(): Container {
  singleton ??= createContainer(readEnv());
  return singleton;
}

/** Closes the web process's container (SIGTERM path in server.ts, through entry.server's `shutdown`). */
export async function closeContainer(): Promise<void> {
  const current = singleton;
  singleton = undefined;
  await current?.close();
}

export const shopify = (): ShopifyApp => container().shopify;
export const authenticateAdmin = (request: Request) => container().authenticateAdmin(request);
