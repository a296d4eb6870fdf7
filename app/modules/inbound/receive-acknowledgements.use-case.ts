// A pull connector's warehouse acknowledges pulled orders: POST /inbound/<connection>/acknowledgements.
// Accepted → the warehouse order is `accepted` (with the warehouse's own reference); rejected → the same
// path as a refused submit: back to `mapped`, blocked by a `warehouse-rejected` exception in the
// warehouse's words, queued afresh after the merchant's fix (TransportState.acknowledge). Applying the
// same acknowledgement twice changes nothing.
import type { Logger } from "pino";
import type { ConnectorRegistry } from "~/modules/transmission/transmission.ports";
import type { TransportState } from "~/modules/transmission/transport-state.ports";
import { authenticatedTarget, type InboundCall } from "./inbound-caller";
import type { InboundRepository } from "./inbound.ports";
import { pullMatch } from "./order-pull.ports";

export interface ReceiveAcknowledgementsDeps {
  inbound: Pick<InboundRepository, "target" | "raiseUnreadable">;
  connectors: ConnectorRegistry;
  transportState: Pick<TransportState, "acknowledge">;
  log: Logger;
}

export type AcknowledgementsResult =
  | { status: 200; accepted: number; rejected: number; unchanged: string[] }
  | { status: 401 }
  | { status: 404 | 422 | 503; message: string };

export async function receiveAcknowledgements(deps: ReceiveAcknowledgementsDeps, call: InboundCall): Promise<AcknowledgementsResult> {
  const target = await authenticatedTarget(deps, call, "acknowledgements");
  if (!target) return { status: 401 };
  const found = await deps.connectors.forConnection(target.shop, target.connectionId);
  if (!found.ok) return { status: 503, message: found.message };
  const { pull } = found.connector;
  if (!pull) return { status: 404, message: `The connection “${target.name}” does not offer orders to pull, so there is nothing to acknowledge.` };
  const read = pull.readAcknowledgements(call.body);
  if (!read.ok) {
    const message = `Loadbay could not read the acknowledgement that “${target.name}” sent: ${read.error.message}`;
    await deps.inbound.raiseUnreadable(target, "acknowledgements", message);
    return { status: 422, message };
  }
  const scope = { shop: target.shop, connectionId: target.connectionId };
  const result = { status: 200 as const, accepted: 0, rejected: 0, unchanged: [] as string[] };
  for (const ack of read.value) {
    const matched = await deps.transportState.acknowledge(scope, [{
      match: pullMatch(ack.orderReference), accepted: ack.accepted, message: ack.message,
      warehouseReference: ack.warehouseReference, detail: { acknowledgement: ack }, actor: `warehouse:${target.name}`,
    }]);
    // Unchanged: acknowledged before (a resent acknowledgement), or a reference this connection never queued.
    if (matched === 0) result.unchanged.push(ack.orderReference);
    else if (ack.accepted) result.accepted++;
    else result.rejected++;
  }
  deps.log.info({ shop: target.shop, connectionId: target.connectionId, accepted: result.accepted, rejected: result.rejected, unchanged: result.unchanged.length }, "acknowledgements received");
  return result;
}
