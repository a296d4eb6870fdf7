// The pull queue in memory, over the in-memory transport state: an order waits while its transport state
// has `pull` and no accepted acknowledgement (the SQL side also asks for state `transmitted`;
// test/integration/orderwise-pull.test.ts). For the conformance suite.
import type { OrderPullRepository, WaitingOrder } from "~/modules/inbound/order-pull.ports";
import type { InboundFileScope } from "~/modules/transmission/inbound-files.ports";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { InMemoryTransportState } from "./transport-state.fake";

export class InMemoryOrderPulls implements OrderPullRepository {
  /** Warehouse order id → draft, in the order they were made (oldest first). */
  readonly drafts = new Map<string, WarehouseOrderDraft>();

  constructor(private readonly state: InMemoryTransportState) {}

  async takeWaiting(scope: InboundFileScope, limit: number, at: Date): Promise<WaitingOrder[]> {
    const waiting: WaitingOrder[] = [];
    for (const [warehouseOrderId, draft] of this.drafts) {
      const key = `${scope.shop}|${warehouseOrderId}`;
      const transport = this.state.transport.get(key);
      const pull = transport?.pull as Record<string, unknown> | undefined;
      if (!pull || transport?.acknowledgement === "accepted" || waiting.length >= limit) continue;
      this.state.transport.set(key, { ...transport, pull: { ...pull, pulls: Number(pull.pulls ?? 0) + 1, lastPulledAt: at.toISOString() } });
      waiting.push({ warehouseOrderId, draft });
    }
    return waiting;
  }
}
