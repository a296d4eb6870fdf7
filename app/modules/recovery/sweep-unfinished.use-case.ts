// Redis carries only work in flight; PostgreSQL knows what is unfinished. The sweeper re-enqueues
// every unfinished item (inbox rows not yet applied, orders waiting for a decision, warehouse orders
// not yet sent, dispatches not yet in Shopify), so a lost job
// (Redis flush, failed enqueue, crash, attempts exhausted) delays work but never loses it. Job ids
// derive from row ids and revisions, so an item still queued is not queued twice.
import type { Logger } from "pino";
import type { EvaluationRequest, InboxRepository } from "~/modules/inbox/inbox.ports";
import type { OrderRepository } from "~/modules/orders/orders.ports";
import type { TransmissionRepository } from "~/modules/transmission/transmission.ports";
import type { DispatchRepository } from "~/modules/fulfilments/fulfilments.ports";

export interface SweepDeps {
  inbox: Pick<InboxRepository, "listUnfinished">;
  orders: Pick<OrderRepository, "listPendingEvaluation">;
  warehouseOrders: Pick<TransmissionRepository, "listUnsent">;
  dispatches: Pick<DispatchRepository, "listUnapplied">;
  requeue: {
    dispatch(job: { shop: string; dispatchId: string }): Promise<void>;
    inboxRow(job: { shop: string; inboxId: string }): Promise<void>;
    evaluation(job: EvaluationRequest): Promise<void>;
    transmission(job: { shop: string; warehouseOrderId: string; action: "submit" | "cancel" }): Promise<void>;
  };
  log: Logger;
  now: () => Date;
  /** Items younger than this are assumed to be on their way through the queue. */
  staleAfterMs: number;
}

const PAGE = 500;

export async function sweepUnfinished(deps: SweepDeps): Promise<{ inbox: number; evaluations: number; transmissions: number; dispatches: number }> {
  const olderThan = new Date(deps.now().getTime() - deps.staleAfterMs);
  let inbox = 0;
  let after: { receivedAt: Date; id: string } | null = null;
  do {
    const rows = await deps.inbox.listUnfinished({ olderThan, after, limit: PAGE });
    for (const row of rows) await deps.requeue.inboxRow({ shop: row.shop, inboxId: row.id });
    inbox += rows.length;
    after = rows.length === PAGE ? rows[rows.length - 1]! : null;
  } while (after);
  const pending = await deps.orders.listPendingEvaluation(olderThan, 5_000);
  for (const p of pending) await deps.requeue.evaluation(p);
  const unsent = await deps.warehouseOrders.listUnsent(olderThan, 5_000);
  for (const u of unsent) await deps.requeue.transmission(u);
  const unapplied = await deps.dispatches.listUnapplied(olderThan, 5_000);
  for (const d of unapplied) await deps.requeue.dispatch(d);
  const counts = { inbox, evaluations: pending.length, transmissions: unsent.length, dispatches: unapplied.length };
  if (inbox + pending.length + unsent.length + unapplied.length > 0) deps.log.info(counts, "sweeper re-enqueued unfinished work");
  return counts;
}
