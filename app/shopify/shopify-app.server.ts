// The Shopify app configuration (admin authentication, session storage, auth paths). Built once per
// web process by app/composition.server.ts. Admin API calls from background work go through the
// gateway in app/shopify/, not through this object.
import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import type { PrismaClient } from "@prisma/client";
import type { Env } from "~/lib/env.server";

export const API_VERSION = ApiVersion.July26;

/**
 * @param onInstalled runs after every install or reinstall (token exchange): a shop that uninstalled
 * resumes from where it was; nothing already sent is sent again.
 */
export function createShopifyApp(env: Env, db: PrismaClient, onInstalled: (shop: string) => Promise<void>) {
  return shopifyApp({
    apiKey: env.SHOPIFY_API_KEY,
    apiSecretKey: env.SHOPIFY_API_SECRET,
    apiVersion: API_VERSION,
    scopes: env.SCOPES.split(","),
    appUrl: env.SHOPIFY_APP_URL,
    authPathPrefix: "/auth",
    sessionStorage: new PrismaSessionStorage(db),
    distribution: AppDistribution.AppStore,
    hooks: {
      afterAuth: async ({ session }) => onInstalled(session.shop),
    },
    future: {
      unstable_newEmbeddedAuthStrategy: true,
      expiringOfflineAccessTokens: true,
    },
  });
}

export type ShopifyApp = ReturnType<typeof createShopifyApp>;
