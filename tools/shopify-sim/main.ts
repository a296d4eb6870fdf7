/**
 * `npm run sim:shopify`: the Shopify Admin simulator as a process, with a seeded demo shop.
 * Settings come from argv (`--port=4001 --api-key=… --api-secret=… --webhook-url=… --shop=…`) or the environment
 * (PORT, SHOPIFY_API_KEY, SHOPIFY_API_SECRET, SIM_WEBHOOK_URL, SIM_SHOP, SIM_EXPIRING_TOKENS=1).
 */
import { z } from "zod";
import { demoCatalog } from "./scenarios/demo-catalog";
import { startShopifySimulator } from "./sim/simulator";

const settings = z.object({
  port: z.coerce.number().int().min(0).default(4001),
  apiKey: z.string().min(1),
  apiSecret: z.string().min(1),
  webhookUrl: z.string().url().optional(),
  shop: z.string().regex(/\.myshopify\.com$/).default("loadbay-demo.myshopify.com"),
  expiring: z.enum(["0", "1"]).default("0"),
});

function argv(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const parsed = settings.safeParse({
  port: argv("port") ?? process.env.PORT,
  apiKey: argv("api-key") ?? process.env.SHOPIFY_API_KEY,
  apiSecret: argv("api-secret") ?? process.env.SHOPIFY_API_SECRET,
  webhookUrl: argv("webhook-url") ?? process.env.SIM_WEBHOOK_URL,
  shop: argv("shop") ?? process.env.SIM_SHOP,
  expiring: argv("expiring") ?? process.env.SIM_EXPIRING_TOKENS,
});
if (!parsed.success) {
  process.stderr.write(`shopify-sim: invalid settings:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}\n`);
  process.exit(1);
}
const config = parsed.data;
const sim = await startShopifySimulator({ port: config.port, apiKey: config.apiKey, apiSecret: config.apiSecret, webhookUrl: config.webhookUrl });
const shop = sim.createShop(config.shop);
demoCatalog(shop);
const token = sim.issueOfflineToken(config.shop, { expiring: config.expiring === "1" });
process.stdout.write(
  [
    `Shopify simulator listening on ${sim.url}`,
    `  GraphQL:      ${sim.graphqlUrl}`,
    `  shop:         ${config.shop}`,
    `  access token: ${token.accessToken}${token.refreshToken ? `\n  refresh token: ${token.refreshToken}` : ""}`,
    `  webhooks to:  ${config.webhookUrl ?? "(none)"}`,
    "",
  ].join("\n"),
);

const stop = () => void sim.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
