// A pull connector's warehouse (OrderWise) fetches waiting orders: GET /inbound/<connection>/orders,
// authenticated like pushes. The answer is the oldest waiting orders, at most the connector's batch; the
// same orders come back on every pull until the warehouse acknowledges them (decision 0023), so a lost
// answer or a lost acknowledgement costs a repeat, never an order.
import type { Logger } from "pino";
import type { ConnectorRegistry } from "~/modules/transmission/transmission.ports";
import type { TransportState } from "~/modules/transmission/transport-state.ports";
import { authenticatedTarget, type InboundCall } from "./inbound-caller";
import type { InboundRepository } from "./inbound.ports";
import { LAST_PULL_STAMP, type OrderPullRepository } from "./order-pull.ports";

export interface PullOrdersDeps {
  inbound: Pick<InboundRepository, "target">;
  connectors: ConnectorRegistry;
  pulls: OrderPullRepository;
  transportState: Pick<TransportState, "stamp">;
  log: Logger;
  now: () => Date;
}

export type PullResult =
  | { status: 200; contentType: string; body: string; count: number }
  | { status: 401 }
  | { status: 404 | 503; message: string };

export async function pullOrders(deps: PullOrdersDeps, call: Omit<InboundCall, "body">): Promise<PullResult> {
  const target = await authenticatedTarget(deps, { ...call, body: "" }, "orders");
  if (!target) return { status: 401 };
  const found = await deps.connectors.forConnection(target.shop, target.connectionId);
  if (!found.ok) return { status: 503, message: found.message };
  const { pull } = found.connector;
  if (!pull) return { status: 404, message: `The connection “${target.name}” does not offer orders to pull; Loadbay sends them to this warehouse.` };
  const scope = { shop: target.shop, connectionId: target.connectionId };
  const at = deps.now();
  await deps.transportState.stamp(scope, LAST_PULL_STAMP, at);
  const waiting = await deps.pulls.takeWaiting(scope, pull.batchSize, at);
  const rendered = pull.renderOrders(waiting.map((w) => ({ shop: target.shop, warehouseOrderId: w.warehouseOrderId, draft: w.draft })));
  deps.log.info({ shop: target.shop, connectionId: target.connectionId, orders: waiting.length }, "orders pulled");
  return { status: 200, contentType: rendered.contentType, body: rendered.body, count: waiting.length };
}
