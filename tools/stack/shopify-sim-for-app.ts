// The Shopify simulator wired to a running app: webhooks for the topics the app subscribes to
// (shopify.app.toml) go to the app's webhook route on `appPort`.
import { HANDLED_TOPICS } from "../../app/shopify/webhook-payloads.schema";
import { startShopifySimulator, type PlanOption, type ShopifySimulator } from "../shopify-sim";
import { DEMO_SECRET } from "./isolated-env";

export function startShopifySimForApp(appPort: number, options: { plan?: PlanOption; port?: number; apiKey?: string } = {}): Promise<ShopifySimulator> {
  return startShopifySimulator({
    port: options.port,
    apiKey: options.apiKey ?? "loadbay-local",
    apiSecret: DEMO_SECRET,
    plan: options.plan,
    webhookUrl: (topic) => (HANDLED_TOPICS.includes(topic) ? `http://127.0.0.1:${appPort}/webhooks/${topic}` : undefined),
  });
}
