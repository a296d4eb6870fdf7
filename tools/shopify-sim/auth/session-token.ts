import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** Claims of an App Bridge session token (an HS256 JWT signed with the app secret). */
const claims = z.object({
  iss: z.string(),
  dest: z.string(),
  aud: z.string(),
  sub: z.string().optional(),
  exp: z.number(),
  nbf: z.number(),
  iat: z.number(),
  jti: z.string(),
  sid: z.string().optional(),
});

export type SessionTokenClaims = z.infer<typeof claims>;

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

/** Mints what App Bridge would hand the app's frontend for `shop`, valid for 60 s from `nowMs`. */
export function mintSessionToken(input: { shop: string; apiKey: string; apiSecret: string; nowMs: number; userId?: number }): string {
  const now = Math.floor(input.nowMs / 1000);
  const payload: SessionTokenClaims = {
    iss: `https://${input.shop}/admin`,
    dest: `https://${input.shop}`,
    aud: input.apiKey,
    sub: String(input.userId ?? 1),
    exp: now + 60,
    nbf: now - 1,
    iat: now,
    jti: `${now}-${Math.floor(input.nowMs % 1000)}`,
    sid: `sid-${input.shop}`,
  };
  const head = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac("sha256", input.apiSecret).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${signature}`;
}

/** The shop a session token is for, or a reason it is not acceptable (bad signature, audience, expiry). */
export function verifySessionToken(token: string, input: { apiKey: string; apiSecret: string; nowMs: number }): { shop: string } | { error: string } {
  const [head, body, signature] = token.split(".");
  if (!head || !body || !signature) return { error: "Malformed session token." };
  const expected = createHmac("sha256", input.apiSecret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { error: "Session token signature is invalid." };
  const parsed = claims.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  if (!parsed.success) return { error: "Session token claims are invalid." };
  const now = Math.floor(input.nowMs / 1000);
  if (parsed.data.aud !== input.apiKey) return { error: "Session token audience does not match the client id." };
  if (parsed.data.exp <= now || parsed.data.nbf > now + 5) return { error: "Session token has expired." };
  return { shop: parsed.data.dest.replace(/^https:\/\//, "") };
}
