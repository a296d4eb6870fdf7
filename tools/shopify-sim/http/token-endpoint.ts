import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { refreshGrant } from "../auth/refresh-grant";
import { verifySessionToken } from "../auth/session-token";
import type { IssuedTokens } from "../auth/token-store";
import type { SimulatorCore } from "../sim/simulator-core";
import { header, parseBody, readBody, sendJson } from "./io";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";

const request = z.object({
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  grant_type: z.string().optional(),
  subject_token: z.string().optional(),
  subject_token_type: z.string().optional(),
  requested_token_type: z.string().optional(),
  expiring: z.union([z.string(), z.number(), z.boolean()]).optional(),
  refresh_token: z.string().optional(),
});

/** `POST /admin/oauth/access_token`: token exchange and refresh, JSON or form-encoded, OAuth-style errors. */
export async function handleTokenRequest(core: SimulatorCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parsed = request.safeParse(parseBody(await readBody(req), header(req, "content-type")));
  if (!parsed.success) return sendJson(res, 400, { error: "invalid_request", error_description: "The request body could not be parsed." });
  const body = parsed.data;
  if (body.client_id !== core.options.apiKey || body.client_secret !== core.options.apiSecret) {
    return sendJson(res, 401, { error: "invalid_client", error_description: "Client authentication failed: unknown client_id or wrong client_secret." });
  }
  if (body.grant_type === "refresh_token") {
    const outcome = refreshGrant(core.tokens, core.clock, body.refresh_token ?? "");
    if (!outcome.ok) return sendJson(res, 400, { error: "invalid_grant", error_description: outcome.description });
    return sendJson(res, 200, tokenResponse(core, outcome.tokens));
  }
  if (body.grant_type !== TOKEN_EXCHANGE) return sendJson(res, 400, { error: "unsupported_grant_type", error_description: `Unsupported grant_type ${body.grant_type ?? "(none)"}.` });
  const verified = verifySessionToken(body.subject_token ?? "", { apiKey: core.options.apiKey, apiSecret: core.options.apiSecret, nowMs: core.clock.now() });
  if ("error" in verified) return sendJson(res, 400, { error: "invalid_subject_token", error_description: verified.error });
  if (!core.shops.has(verified.shop)) return sendJson(res, 400, { error: "invalid_subject_token", error_description: `Shop ${verified.shop} is not known to the simulator.` });
  if (body.requested_token_type === ONLINE) return sendJson(res, 200, onlineResponse(core, verified.shop));
  if (body.requested_token_type !== OFFLINE) return sendJson(res, 400, { error: "invalid_request", error_description: "Unsupported requested_token_type." });
  const expiring = body.expiring === "1" || body.expiring === 1 || body.expiring === true || body.expiring === "true";
  return sendJson(res, 200, tokenResponse(core, core.tokens.issue(verified.shop, core.options.scopes, { expiring })));
}

/** Shopify's shape: `access_token`, `scope`, and for expiring tokens `expires_in`, `refresh_token`, `refresh_token_expires_in`. */
function tokenResponse(core: SimulatorCore, tokens: IssuedTokens): Record<string, unknown> {
  const seconds = (date: Date | undefined) => (date ? Math.max(0, Math.round((date.getTime() - core.clock.now()) / 1000)) : undefined);
  if (!tokens.refreshToken) return { access_token: tokens.accessToken, scope: tokens.scope };
  return {
    access_token: tokens.accessToken,
    scope: tokens.scope,
    expires_in: seconds(tokens.expiresAt),
    refresh_token: tokens.refreshToken,
    refresh_token_expires_in: seconds(tokens.refreshTokenExpiresAt),
  };
}

function onlineResponse(core: SimulatorCore, shop: string): Record<string, unknown> {
  const tokens = core.tokens.issue(shop, core.options.scopes, { expiring: false });
  return {
    access_token: tokens.accessToken,
    scope: tokens.scope,
    expires_in: 86_399,
    associated_user_scope: tokens.scope,
    associated_user: { id: 1, first_name: "Sim", last_name: "Owner", email: `owner@${shop}`, email_verified: true, account_owner: true, locale: "en", collaborator: false },
  };
}
