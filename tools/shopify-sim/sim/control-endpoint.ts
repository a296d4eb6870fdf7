import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { parseBody, readBody, sendJson } from "../http/io";
import type { ShopifySimulator } from "./simulator";

const SCENARIOS = ["paidByCard", "payOnAccount", "caseOf12", "noPo", "noPhone", "oddSku", "unmappedShipping", "otherCurrency"] as const;
const newShop = z.object({ domain: z.string().regex(/\.myshopify\.com$/), expiring: z.boolean().optional() });

/**
 * `/_sim/*`: drives a simulator running as its own process (demo, benchmarks). Not part of Shopify's API.
 * POST /_sim/shops {domain}            → creates a shop, returns a token pair
 * POST /_sim/shops/<domain>/scenarios/<name> → runs a SparkLayer scenario, returns the order id
 * POST /_sim/webhooks/release          → sends held webhooks
 * GET  /_sim/deliveries                → the delivery log
 */
export async function handleControl(sim: ShopifySimulator, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const scenario = /^\/_sim\/shops\/([^/]+)\/scenarios\/(\w+)$/.exec(path);
  if (req.method === "POST" && path === "/_sim/shops") {
    const body = newShop.safeParse(parseBody(await readBody(req), req.headers["content-type"]));
    if (!body.success) return sendJson(res, 400, { error: body.error.message });
    sim.createShop(body.data.domain);
    return sendJson(res, 201, sim.issueOfflineToken(body.data.domain, { expiring: body.data.expiring }));
  }
  if (req.method === "POST" && scenario?.[1] && scenario[2]) {
    const name = SCENARIOS.find((s) => s === scenario[2]);
    if (!name) return sendJson(res, 404, { error: `unknown scenario ${scenario[2]}; try ${SCENARIOS.join(", ")}` });
    const order = sim.shop(decodeURIComponent(scenario[1])).scenarios[name]();
    return sendJson(res, 201, { id: order.id, name: order.name });
  }
  if (req.method === "POST" && path === "/_sim/webhooks/release") {
    sim.releaseWebhooks();
    return sendJson(res, 200, { ok: true });
  }
  if (req.method === "GET" && path === "/_sim/deliveries") return sendJson(res, 200, sim.deliveries);
  sendJson(res, 404, { errors: "Not Found" });
}
