import { startShopifySimulator, type ShopifySimulator } from "./index";
import type { SimulatorOptions } from "./sim/simulator";

export const API_KEY = "test-api-key";
export const API_SECRET = "test-api-secret";

export interface GraphQLResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: unknown;
    extensions?: { cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } } };
  };
}

/** Starts a simulator on a free port with the test app credentials. */
export function startTestSimulator(options: Partial<SimulatorOptions> = {}): Promise<ShopifySimulator> {
  return startShopifySimulator({ apiKey: API_KEY, apiSecret: API_SECRET, webhookRetryDelaysMs: [20, 40], ...options });
}

/** POSTs a document the way the app's Admin client does. */
export async function gql(sim: ShopifySimulator, token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) headers["X-Shopify-Access-Token"] = token;
  const response = await fetch(sim.graphqlUrl, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as GraphQLResponse["body"] };
}

/** Reads a nested value from a response without casts sprinkled through the tests. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
