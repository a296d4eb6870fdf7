// A warehouse pushes dispatches or stock to `/inbound/<connection>/<kind>`. The push is authenticated
// per connection (HMAC or basic auth) before anything is read; an unknown connection answers exactly
// like a bad signature, so the endpoint reveals nothing. What the connector reads is stored once.
import type { Logger } from "pino";
import type { ConnectorRegistry } from "~/modules/transmission/transmission.ports";
import { authenticatedTarget } from "./inbound-caller";
import type { InboundRepository } from "./inbound.ports";
import type { DispatchQueue } from "~/modules/fulfilments/fulfilments.ports";
import type { StockDeltaQueue } from "~/modules/inventory/poll-stock.use-case";

export interface ReceivePushDeps {
  inbound: InboundRepository;
  connectors: ConnectorRegistry;
  dispatchQueue: DispatchQueue;
  /** Stock changes go to the delta job at once (absent where stock is not synced). */
  stockQueue?: StockDeltaQueue;
  log: Logger;
}

export interface PushRequest {
  connectionId: string;
  kind: "dispatches" | "stock";
  header(name: string): string | null;
  contentType: string | null;
  body: string;
  /** For the log of refused attempts. */
  remoteAddress: string | null;
}

export type PushResult =
  | { status: 200; newDispatches: number; stockRows: number }
  | { status: 401 }
  | { status: 404 | 422 | 503; message: string };

export async function receivePush(deps: ReceivePushDeps, push: PushRequest): Promise<PushResult> {
  const target = await authenticatedTarget(deps, push, `push of ${push.kind}`);
  if (!target) return { status: 401 };

  const found = await deps.connectors.forConnection(target.shop, target.connectionId);
  if (!found.ok) return { status: 503, message: found.message };
  const { connector } = found;
  if (!connector.receivePush) return { status: 404, message: `The connection “${target.name}” does not take pushes; Loadbay polls this warehouse.` };
  const read = connector.receivePush({ kind: push.kind, contentType: push.contentType, body: push.body });
  if (!read.ok) {
    const message = `Loadbay could not read the ${push.kind} that “${target.name}” pushed: ${read.error.message}`;
    await deps.inbound.raiseUnreadable(target, push.kind, message);
    return { status: 422, message };
  }
  const { dispatchIds, stockRows, stockChangeIds } = await deps.inbound.store(target, read.value);
  // Stored is what counts for the warehouse's 200; a lost enqueue is picked up by the sweeper.
  for (const dispatchId of dispatchIds) await deps.dispatchQueue.enqueueDispatch({ shop: target.shop, dispatchId }).catch(() => undefined);
  // One delta job per push, named by its first change; the pending mark on the figure is the real record.
  const firstChange = stockChangeIds?.[0];
  if (firstChange) await deps.stockQueue?.enqueueStockDelta({ shop: target.shop, changeId: firstChange }).catch(() => undefined);
  deps.log.info({ shop: target.shop, connectionId: target.connectionId, kind: push.kind, dispatches: dispatchIds.length, stockRows }, "inbound push stored");
  return { status: 200, newDispatches: dispatchIds.length, stockRows };
}
