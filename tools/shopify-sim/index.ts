/** Shopify Admin simulator: public API for the app's tests, the demo and the benchmarks. See README.md. */
export { startShopifySimulator } from "./sim/simulator";
export type { ShopifySimulator, SimulatorOptions, CreateShopOptions } from "./sim/simulator";
export { SimShop, type OrderPatch } from "./sim/sim-shop";
export type { ShopFaults, WebhookMode, ProtectedDataLevel } from "./state/shop-state";
export type { OrderSpec } from "./state/order-spec";
export type { SparkLayerScenarios, ScenarioOptions } from "./scenarios/sparklayer";
export { DEMO_SKUS, demoCatalog } from "./scenarios/demo-catalog";
export type { WebhookDelivery, WebhookEvent, WebhookTarget } from "./webhooks/delivery-types";
export { signWebhook } from "./webhooks/sign";
export { manualClock, systemClock, type Clock, type ManualClock } from "./lib/clock";
export type { PlanOption, RatePlan } from "./cost/plans";
export type { IssuedTokens } from "./auth/token-store";
export type * as SimRecords from "./state/types";
export { API_VERSION } from "./http/server";
