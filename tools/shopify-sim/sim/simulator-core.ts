import type { TokenStore } from "../auth/token-store";
import type { Clock } from "../lib/clock";
import type { LoadedSchema } from "../schema/load-schema";
import type { ShopState } from "../state/shop-state";
import type { WebhookDispatcher } from "../webhooks/dispatcher";

export interface CoreOptions {
  apiKey: string;
  apiSecret: string;
  /** Scopes granted to every token (comma-separated, as Shopify returns them). */
  scopes: string;
}

/** What the HTTP handlers share: options, clock, tokens, shops, schema, webhooks and the served origin. */
export interface SimulatorCore {
  options: CoreOptions;
  clock: Clock;
  tokens: TokenStore;
  shops: Map<string, ShopState>;
  loaded: LoadedSchema;
  webhooks: WebhookDispatcher;
  url: string;
}
