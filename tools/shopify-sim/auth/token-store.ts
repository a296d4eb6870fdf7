import { randomBytes } from "node:crypto";
import type { Clock } from "../lib/clock";

/** Shopify's lifetimes for expiring offline tokens: 1 h access, 90 d refresh, 30 d recovery window for the previous refresh token. */
export const REFRESH_TOKEN_TTL_SECONDS = 90 * 24 * 3600;
export const PREVIOUS_REFRESH_GRACE_SECONDS = 30 * 24 * 3600;

export interface AccessTokenRecord {
  token: string;
  shop: string;
  scope: string;
  expiresAtMs: number | null;
  revoked: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  shop: string;
  scope: string;
  expiresAtMs: number;
  firstUsedAtMs: number | null;
  /** The refresh token issued when this one was used (replaced if this one is retried). */
  successor: string | null;
  predecessor: string | null;
  revoked: boolean;
}

export interface IssuedTokens {
  accessToken: string;
  scope: string;
  expiresAt?: Date;
  refreshToken?: string;
  refreshTokenExpiresAt?: Date;
}

export class TokenStore {
  readonly access = new Map<string, AccessTokenRecord>();
  readonly refresh = new Map<string, RefreshTokenRecord>();

  constructor(
    private readonly clock: Clock,
    private readonly accessTtlSeconds: number,
  ) {}

  /** An offline token; `expiring` adds an expiry and a refresh token, as `expiring=1` does on token exchange. */
  issue(shop: string, scope: string, options: { expiring: boolean; predecessor?: string }): IssuedTokens {
    const now = this.clock.now();
    const access: AccessTokenRecord = {
      token: `shpat_${randomBytes(16).toString("hex")}`,
      shop,
      scope,
      expiresAtMs: options.expiring ? now + this.accessTtlSeconds * 1000 : null,
      revoked: false,
    };
    this.access.set(access.token, access);
    if (!options.expiring) return { accessToken: access.token, scope };
    const refresh: RefreshTokenRecord = {
      token: `shprt_${randomBytes(16).toString("hex")}`,
      shop,
      scope,
      expiresAtMs: now + REFRESH_TOKEN_TTL_SECONDS * 1000,
      firstUsedAtMs: null,
      successor: null,
      predecessor: options.predecessor ?? null,
      revoked: false,
    };
    this.refresh.set(refresh.token, refresh);
    return {
      accessToken: access.token,
      scope,
      expiresAt: new Date(access.expiresAtMs ?? now),
      refreshToken: refresh.token,
      refreshTokenExpiresAt: new Date(refresh.expiresAtMs),
    };
  }

  /** The shop an access token is good for right now, or undefined when unknown, expired or revoked. */
  verifyAccess(token: string | undefined): AccessTokenRecord | undefined {
    const record = token ? this.access.get(token) : undefined;
    if (!record || record.revoked) return undefined;
    if (record.expiresAtMs !== null && this.clock.now() >= record.expiresAtMs) return undefined;
    return record;
  }

  expireAccess(token: string): void {
    const record = this.access.get(token);
    if (record) record.expiresAtMs = this.clock.now();
  }

  revokeShop(shop: string): void {
    for (const record of this.access.values()) if (record.shop === shop) record.revoked = true;
    for (const record of this.refresh.values()) if (record.shop === shop) record.revoked = true;
  }

  revokeToken(token: string): void {
    const access = this.access.get(token);
    if (access) access.revoked = true;
    const refresh = this.refresh.get(token);
    if (refresh) refresh.revoked = true;
  }
}
