// An in-memory warehouse behind the connector contract: the fake the conformance suite also runs
// against. Scripted failures let tests drive every branch of transmission.
import type { ConnectorFailure, ConnectorResult, OutboundOrder, SubmitReceipt, WarehouseConnector } from "~/modules/transmission/warehouse-connector";

export class FakeConnector implements WarehouseConnector {
  readonly capabilities;
  /** References the warehouse cancelled. */
  readonly cancelled = new Set<string>();

  constructor(options: { cancel?: boolean } = {}) {
    this.capabilities = {
      dispatches: "poll",
      stock: { mode: "poll", kind: "snapshot" },
      cancel: options.cancel ?? true,
      amend: false,
      returns: false,
      acceptance: "on-submit",
    } as const;
  }
  readonly orders = new Map<string, { id: string; order: OutboundOrder }>();
  /** Every submit received, duplicates included. */
  submits = 0;
  /** Submits whose reference the warehouse already had. */
  duplicates = 0;
  /** Failures to answer with, in order, before behaving normally. */
  readonly script: ConnectorFailure[] = [];
  /** Apply the order, then fail as if the answer was lost. */
  loseNextAnswer = false;

  async submitOrder(order: OutboundOrder): Promise<ConnectorResult<SubmitReceipt>> {
    this.submits++;
    const scripted = this.script.shift();
    if (scripted) return { ok: false, error: scripted };
    const key = order.draft.idempotencyKey;
    const existing = this.orders.get(key);
    if (existing) {
      this.duplicates++;
      return { ok: true, value: { warehouseReference: existing.id, alreadyThere: true, accepted: true } };
    }
    const id = `WH-${this.orders.size + 1}`;
    this.orders.set(key, { id, order });
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      return { ok: false, error: { kind: "transient", message: "connection reset after the request was sent" } };
    }
    return { ok: true, value: { warehouseReference: id, alreadyThere: false, accepted: true } };
  }

  async cancelOrder(order: OutboundOrder): Promise<ConnectorResult<{ cancelled: boolean }>> {
    const scripted = this.script.shift();
    if (scripted) return { ok: false, error: scripted };
    this.cancelled.add(order.draft.idempotencyKey);
    return { ok: true, value: { cancelled: true } };
  }

  async pollDispatches() {
    return { ok: true as const, value: { items: [], nextCursor: null } };
  }

  async pollStock() {
    return { ok: true as const, value: { items: [], nextCursor: null } };
  }

  async testConnection() {
    return { ok: true as const, value: { message: "The fake warehouse answered." } };
  }
}
