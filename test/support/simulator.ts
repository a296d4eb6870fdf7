// The Shopify simulator for app tests, with a shop whose offline session is stored in the test
// database exactly as the app's session storage would store it.
import type { PrismaClient } from "@prisma/client";
import { offlineSessionId } from "~/shopify/offline-token.server";
import { startShopifySimulator, type SimulatorOptions, type ShopifySimulator } from "../../tools/shopify-sim";
import { TEST_ENV } from "./test-env";

export async function startTestSimulator(options: Partial<SimulatorOptions> = {}): Promise<ShopifySimulator> {
  return startShopifySimulator({ apiKey: TEST_ENV.SHOPIFY_API_KEY, apiSecret: TEST_ENV.SHOPIFY_API_SECRET, webhookRetryDelaysMs: [20, 40], ...options });
}

/** Creates the shop in the simulator and stores its offline session (expiring by default). */
export async function installShop(sim: ShopifySimulator, db: PrismaClient, domain: string, options: { expiring?: boolean } = {}) {
  const shop = sim.createShop(domain, { protectedDataLevel: 2 });
  const tokens = sim.issueOfflineToken(domain, { expiring: options.expiring ?? true });
  await db.session.upsert({
    where: { id: offlineSessionId(domain) },
    create: {
      id: offlineSessionId(domain),
      shop: domain,
      state: "",
      isOnline: false,
      scope: tokens.scope,
      accessToken: tokens.accessToken,
      expires: tokens.expiresAt ?? null,
      refreshToken: tokens.refreshToken ?? null,
      refreshTokenExpires: tokens.refreshTokenExpiresAt ?? null,
    },
    update: {},
  });
  await db.shop.createMany({ data: [{ domain }], skipDuplicates: true });
  return { shop, tokens };
}
