// Admin API access tokens for background work. Offline tokens expire (about an hour) and come with
// a rotating refresh token. One refresh per shop at a time, across every process: a transaction-
// scoped advisory lock serialises refreshes, the session is re-read under the lock (another worker
// may have refreshed already), and the rotated refresh token is committed before the new access
// token is handed out. If the commit were lost, Shopify keeps the previous refresh token valid until
// its replacement is used, so the next attempt still succeeds.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";

const REFRESH_MARGIN_MS = 5 * 60 * 1000;

const tokenResponse = z.object({
  access_token: z.string().min(1),
  scope: z.string().optional(),
  expires_in: z.number().int().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().int().positive().optional(),
});

export class OfflineTokenError extends Error {
  constructor(
    readonly kind: "no-session" | "refresh-rejected" | "refresh-unavailable",
    message: string,
  ) {
    super(message);
    this.name = "OfflineTokenError";
  }
}

export interface OfflineTokenConfig {
  db: PrismaClient;
  apiKey: string;
  apiSecret: string;
  /** `https://{shop}` in production; the simulator's origin in tests and the demo. */
  adminOrigin: (shop: string) => string;
  fetch?: typeof fetch;
  now?: () => number;
}

type Cached = { token: string; expiresAt: number | null };

export class OfflineTokens {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly config: OfflineTokenConfig) {}

  /** A usable access token for the shop, refreshed first if it expires within five minutes. */
  async accessToken(shop: string): Promise<string> {
    const cached = this.cache.get(shop);
    if (cached && this.fresh(cached.expiresAt)) return cached.token;
    const session = await this.config.db.session.findUnique({ where: { id: offlineSessionId(shop) } });
    if (!session) throw new OfflineTokenError("no-session", `Loadbay has no access to ${shop}: open the app in the Shopify admin to reconnect it.`);
    if (this.fresh(session.expires?.getTime() ?? null)) return this.remember(shop, session.accessToken, session.expires);
    return this.refresh(shop);
  }

  /** Forget the cached token (after a 401) so the next call re-reads or refreshes it. */
  invalidate(shop: string): void {
    this.cache.delete(shop);
  }

  /** Refreshes under the shop's lock; returns the new access token once the rotation is committed. */
  async refresh(shop: string, options: { force?: boolean } = {}): Promise<string> {
    const { db } = this.config;
    return db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`offline-token:${shop}`}))`;
        const session = await tx.session.findUnique({ where: { id: offlineSessionId(shop) } });
        if (!session) throw new OfflineTokenError("no-session", `Loadbay has no access to ${shop}: open the app in the Shopify admin to reconnect it.`);
        if (!options.force && this.fresh(session.expires?.getTime() ?? null)) return this.remember(shop, session.accessToken, session.expires);
        if (!session.refreshToken) {
          throw new OfflineTokenError("refresh-rejected", `The access token for ${shop} expired and cannot be renewed: open the app in the Shopify admin.`);
        }
        const granted = await this.requestRefresh(shop, session.refreshToken);
        const now = this.now();
        const expires = granted.expires_in ? new Date(now + granted.expires_in * 1000) : null;
        await tx.session.update({
          where: { id: session.id },
          data: {
            accessToken: granted.access_token,
            expires,
            refreshToken: granted.refresh_token ?? session.refreshToken,
            refreshTokenExpires: granted.refresh_token_expires_in ? new Date(now + granted.refresh_token_expires_in * 1000) : session.refreshTokenExpires,
            ...(granted.scope ? { scope: granted.scope } : {}),
          },
        });
        return this.remember(shop, granted.access_token, expires);
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
  }

  private async requestRefresh(shop: string, refreshToken: string) {
    const doFetch = this.config.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(`${this.config.adminOrigin(shop)}/admin/oauth/access_token`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({
          client_id: this.config.apiKey,
          client_secret: this.config.apiSecret,
          grant_type: "refresh_token",
          refresh_token: refreshToken,
        }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new OfflineTokenError("refresh-unavailable", `Shopify did not answer the token refresh for ${shop}: ${(error as Error).message}`);
    }
    if (response.status >= 500 || response.status === 429) {
      throw new OfflineTokenError("refresh-unavailable", `Shopify answered ${response.status} to the token refresh for ${shop}.`);
    }
    if (!response.ok) {
      throw new OfflineTokenError("refresh-rejected", `Shopify refused to renew access for ${shop} (${response.status}): open the app in the Shopify admin to reconnect it.`);
    }
    return tokenResponse.parse(await response.json());
  }

  private remember(shop: string, token: string, expires: Date | null): string {
    this.cache.set(shop, { token, expiresAt: expires?.getTime() ?? null });
    return token;
  }

  private fresh(expiresAt: number | null): boolean {
    return expiresAt === null || expiresAt - this.now() > REFRESH_MARGIN_MS;
  }

  private now(): number {
    return this.config.now?.() ?? Date.now();
  }
}

/** The session id shopify-api gives a shop's offline session. */
export const offlineSessionId = (shop: string) => `offline_${shop}`;
