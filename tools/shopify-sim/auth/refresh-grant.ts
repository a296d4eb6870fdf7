import type { Clock } from "../lib/clock";
import { PREVIOUS_REFRESH_GRACE_SECONDS, type IssuedTokens, type TokenStore } from "./token-store";

export type RefreshOutcome = { ok: true; tokens: IssuedTokens; shop: string } | { ok: false; description: string };

/**
 * Rotation as Shopify runs it since August 2026: each use of a refresh token returns a new pair; the used token
 * stays valid (30 days at most) until its replacement is itself used, so a lost refresh response can be retried.
 * Retrying supersedes the replacement handed out before, which was never used.
 */
export function refreshGrant(store: TokenStore, clock: Clock, token: string): RefreshOutcome {
  const record = store.refresh.get(token);
  const now = clock.now();
  if (!record || record.revoked || now >= record.expiresAtMs) return { ok: false, description: "The refresh token is invalid, expired or revoked." };
  if (record.firstUsedAtMs !== null && now >= record.firstUsedAtMs + PREVIOUS_REFRESH_GRACE_SECONDS * 1000) {
    return { ok: false, description: "The refresh token is invalid, expired or revoked." };
  }
  record.firstUsedAtMs ??= now;
  if (record.predecessor) store.revokeToken(record.predecessor);
  if (record.successor) store.revokeToken(record.successor);
  const tokens = store.issue(record.shop, record.scope, { expiring: true, predecessor: record.token });
  record.successor = tokens.refreshToken ?? null;
  return { ok: true, tokens, shop: record.shop };
}
