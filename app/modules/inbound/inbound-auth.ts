// How a warehouse proves a push to Loadbay's per-connection endpoint is its own: an HMAC-SHA256 of the
// raw body under a shared secret, or HTTP basic auth, whichever the warehouse supports. The secret is
// Loadbay's, generated per connection, sealed at rest and shown once.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const inboundAuthSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("hmac-sha256"),
    /** The header carrying the signature, as the warehouse sends it. */
    header: z.string().trim().regex(/^[A-Za-z0-9-]{1,100}$/, "a header name").default("X-Loadbay-Hmac-Sha256"),
    encoding: z.enum(["base64", "hex"]).default("base64"),
  }),
  z.object({ mode: z.literal("basic"), username: z.string().trim().min(1).max(100) }),
]);
export type InboundAuth = z.infer<typeof inboundAuthSchema>;

export type AuthCheck = { ok: true } | { ok: false; reason: string };

/** Compares in constant time; the reason is for Loadbay's log, never for the caller. */
export function checkInboundAuth(auth: InboundAuth, secret: string, header: (name: string) => string | null, rawBody: string): AuthCheck {
  if (auth.mode === "basic") {
    const given = header("authorization");
    if (!given?.startsWith("Basic ")) return { ok: false, reason: "no basic credentials" };
    const expected = `${auth.username}:${secret}`;
    return same(Buffer.from(given.slice(6).trim(), "base64").toString("utf8"), expected) ? { ok: true } : { ok: false, reason: "wrong basic credentials" };
  }
  const given = header(auth.header);
  if (!given) return { ok: false, reason: `no ${auth.header} header` };
  const expected = createHmac("sha256", secret).update(rawBody, "utf8").digest(auth.encoding);
  const normalised = auth.encoding === "hex" ? given.trim().toLowerCase().replace(/^sha256=/, "") : given.trim().replace(/^sha256=/, "");
  return same(normalised, expected) ? { ok: true } : { ok: false, reason: "signature does not match the body" };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
