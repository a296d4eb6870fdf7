// The merchant sets up pushes for a warehouse connection: Loadbay makes a new secret (the HMAC key or
// the basic-auth password), seals it, and shows it once, with the endpoint addresses to give the
// warehouse. Making new credentials replaces the old ones at once.
import { randomBytes } from "node:crypto";
import { inboundAuthSchema } from "./inbound-auth";
import type { InboundRepository } from "./inbound.ports";

export type SetUpPushResult =
  | { ok: true; secret: string; endpoints: { dispatches: string; stock: string; orders: string; acknowledgements: string } }
  | { ok: false; errors: Record<string, string> };

export async function setUpPush(
  deps: { inbound: Pick<InboundRepository, "setAuth"> },
  input: { shop: string; connectionId: string; appUrl: string; form: Record<string, string> },
): Promise<SetUpPushResult> {
  const parsed = inboundAuthSchema.safeParse(Object.fromEntries(Object.entries(input.form).filter(([, v]) => v !== "")));
  if (!parsed.success) return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "mode"), i.message])) };
  const secret = randomBytes(32).toString("base64url");
  if (!(await deps.inbound.setAuth(input.shop, input.connectionId, parsed.data, secret))) return { ok: false, errors: { mode: "That connection no longer exists." } };
  const base = `${input.appUrl.replace(/\/$/, "")}/inbound/${input.connectionId}`;
  // The pull addresses answer only for pull connectors (OrderWise); the same credentials serve both ways.
  return { ok: true, secret, endpoints: { dispatches: `${base}/dispatches`, stock: `${base}/stock`, orders: `${base}/orders`, acknowledgements: `${base}/acknowledgements` } };
}
