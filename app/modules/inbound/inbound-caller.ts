// Who is calling `/inbound/<connection>/…`: the connection's own credentials (HMAC or basic auth), checked
// before anything is read. An unknown connection answers exactly like bad credentials, so the endpoint
// reveals nothing; the reason goes to Loadbay's log only.
import type { Logger } from "pino";
import { checkInboundAuth } from "./inbound-auth";
import type { InboundRepository, InboundTarget } from "./inbound.ports";

export interface InboundCall {
  connectionId: string;
  header(name: string): string | null;
  body: string;
  /** For the log of refused attempts. */
  remoteAddress: string | null;
}

export async function authenticatedTarget(
  deps: { inbound: Pick<InboundRepository, "target">; log: Logger },
  call: InboundCall,
  what: string,
): Promise<InboundTarget | null> {
  const target = await deps.inbound.target(call.connectionId);
  const refused = (reason: string) => {
    deps.log.warn({ connectionId: call.connectionId, what, reason, from: call.remoteAddress }, "inbound call refused");
    return null;
  };
  if (!target) return refused("no such connection");
  if (!target.auth || !target.secret) return refused("inbound credentials are not set up for this connection");
  const auth = checkInboundAuth(target.auth, target.secret, call.header, call.body);
  return auth.ok ? target : refused(auth.reason);
}
