import type { AddressInfo } from "node:net";
import { mintSessionToken } from "../auth/session-token";
import { TokenStore, type IssuedTokens } from "../auth/token-store";
import { LeakyBucket } from "../cost/leaky-bucket";
import { resolvePlan, type PlanOption } from "../cost/plans";
import { createSimulatorServer, type ControlHandler } from "../http/server";
import { handleControl } from "./control-endpoint";
import { systemClock, type Clock } from "../lib/clock";
import { seededRng } from "../lib/rng";
import { loadSchema } from "../schema/load-schema";
import { IdSequence } from "../state/id-sequence";
import { ShopState, type ProtectedDataLevel } from "../state/shop-state";
import type { WebhookDelivery, WebhookEvent, WebhookTarget } from "../webhooks/delivery-types";
import { WebhookDispatcher } from "../webhooks/dispatcher";
import { SimShop } from "./sim-shop";
import type { SimulatorCore } from "./simulator-core";

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  apiKey: string;
  apiSecret: string;
  /** Webhook subscriptions: one base URL for every topic, a topic → URL map, or a function (undefined = not subscribed). */
  webhookUrl?: WebhookTarget;
  /** Default rate-limit plan for new shops. */
  plan?: PlanOption;
  /** Lifetime of expiring offline access tokens (Shopify: 3600). */
  accessTokenTtlSeconds?: number;
  clock?: Clock;
  schemaPath?: string;
  scopes?: string;
  /** Seed for webhook ids, duplicate draws and reordering. */
  seed?: number;
  webhookRetryDelaysMs?: number[];
  webhookTimeoutMs?: number;
}

export interface CreateShopOptions {
  plan?: PlanOption;
  protectedDataLevel?: ProtectedDataLevel;
  timezone?: string;
  currencyCode?: string;
}

export interface ShopifySimulator {
  /** The admin origin, `http://127.0.0.1:PORT`: GraphQL at `${url}/admin/api/2026-07/graphql.json`. */
  url: string;
  graphqlUrl: string;
  close(): Promise<void>;
  createShop(domain: string, options?: CreateShopOptions): SimShop;
  shop(domain: string): SimShop;
  /** Seeds a token as if the app had installed: non-expiring by default, `expiring: true` adds a refresh token. */
  issueOfflineToken(domain: string, options?: { expiring?: boolean }): IssuedTokens;
  /** An App Bridge session token for `domain`, for token-exchange tests. */
  sessionToken(domain: string): string;
  expireAccessToken(token: string): void;
  revokeToken(token: string): void;
  deliveries: WebhookDelivery[];
  webhookEvents: WebhookEvent[];
  /** Waits until no webhook is being sent or waiting to retry. */
  webhooksIdle(): Promise<void>;
  /** Sends held deliveries (all, or at most `limit`, shuffled for shops that reorder); returns how many. */
  releaseWebhooks(limit?: number): number;
}

const DEFAULT_SCOPES = "read_orders,write_orders,read_all_orders,read_customers,read_products,read_inventory,write_inventory,read_locations,write_merchant_managed_fulfillment_orders,write_third_party_fulfillment_orders,write_fulfillments,read_draft_orders";

export async function startShopifySimulator(options: SimulatorOptions): Promise<ShopifySimulator> {
  const core = buildCore(options);
  // The control API needs the finished simulator handle, which needs the listening server first.
  const control: { handler?: ControlHandler } = {};
  const server = createSimulatorServer(() => core, () => control.handler);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  core.url = `http://${options.host ?? "127.0.0.1"}:${(server.address() as AddressInfo).port}`;
  const registry = shopRegistry(core, options.plan);
  const { tokens, webhooks, clock } = core;
  const simulator: ShopifySimulator = {
    url: core.url,
    graphqlUrl: `${core.url}/admin/api/2026-07/graphql.json`,
    close: async () => {
      webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await webhooks.idle();
    },
    createShop: registry.create,
    shop: registry.get,
    issueOfflineToken: (domain, tokenOptions = {}) => tokens.issue(registry.get(domain).domain, core.options.scopes, { expiring: tokenOptions.expiring ?? false }),
    sessionToken: (domain) => mintSessionToken({ shop: registry.get(domain).domain, apiKey: options.apiKey, apiSecret: options.apiSecret, nowMs: clock.now() }),
    expireAccessToken: (token) => tokens.expireAccess(token),
    revokeToken: (token) => tokens.revokeToken(token),
    deliveries: webhooks.deliveries,
    webhookEvents: webhooks.events,
    webhooksIdle: () => webhooks.idle(),
    releaseWebhooks: (limit) => webhooks.release(undefined, limit),
  };
  control.handler = (req, res, path) => handleControl(simulator, req, res, path);
  return simulator;
}

function buildCore(options: SimulatorOptions): SimulatorCore & { ids: IdSequence } {
  const clock = options.clock ?? systemClock;
  return {
    options: { apiKey: options.apiKey, apiSecret: options.apiSecret, scopes: options.scopes ?? DEFAULT_SCOPES },
    clock,
    ids: new IdSequence(),
    tokens: new TokenStore(clock, options.accessTokenTtlSeconds ?? 3600),
    shops: new Map(),
    loaded: loadSchema(options.schemaPath),
    webhooks: new WebhookDispatcher({
      apiSecret: options.apiSecret,
      target: options.webhookUrl,
      clock,
      rng: seededRng(options.seed ?? 7),
      retryDelaysMs: options.webhookRetryDelaysMs ?? [100, 200, 400, 800, 1600, 3200, 6400, 12800],
      timeoutMs: options.webhookTimeoutMs ?? 5000,
    }),
    url: "",
  };
}

function shopRegistry(core: SimulatorCore & { ids: IdSequence }, defaultPlan: PlanOption | undefined) {
  const handles = new Map<string, SimShop>();
  const env = { clock: core.clock, ids: core.ids, emit: (shop: ShopState, topic: string, payload: unknown) => core.webhooks.emit(shop, topic, payload) };
  return {
    get: (domain: string): SimShop => {
      const handle = handles.get(domain);
      if (!handle) throw new Error(`the simulator has no shop ${domain}; call createShop first`);
      return handle;
    },
    create: (domain: string, shopOptions: CreateShopOptions = {}): SimShop => {
      if (handles.has(domain)) throw new Error(`shop ${domain} already exists`);
      const bucket = new LeakyBucket(resolvePlan(shopOptions.plan ?? defaultPlan), core.clock);
      const settings = { timezone: shopOptions.timezone ?? "Europe/London", currencyCode: shopOptions.currencyCode ?? "GBP", shopId: Number(core.ids.next("Shop").split("/").pop()) };
      const state = new ShopState(domain, env, bucket, shopOptions.protectedDataLevel ?? 2, settings);
      core.shops.set(domain, state);
      const handle = new SimShop(state, { revokeTokens: (d) => core.tokens.revokeShop(d), releaseWebhooks: (s) => core.webhooks.release(s) });
      handles.set(domain, handle);
      return handle;
    },
  };
}
