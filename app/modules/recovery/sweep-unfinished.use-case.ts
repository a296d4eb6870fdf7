// Redis carries only work in flight; PostgreSQL knows what is unfinished. The sweeper re-enqueues
// every unfinished item, so a lost job (Redis flush, failed enqueue, crash) delays work but never
// loses it. Job ids are derived from row ids, so an item still queued is not queued twice.
import type { Logger } from "pino";
import type { InboxQueue, InboxRepository } from "~/modules/inbox/inbox.ports";

export interface SweepDeps {
  inbox: Pick<InboxRepository, "listUnfinished">;
  queue: InboxQueue;
  log: Logger;
  now: () => Date;
  /** Items younger than this are assumed to be on their way through the queue. */
  staleAfterMs: number;
}

const PAGE = 500;

export async function sweepUnfinished(deps: SweepDeps): Promise<{ inbox: number }> {
  const olderThan = new Date(deps.now().getTime() - deps.staleAfterMs);
  let inbox = 0;
  let after: { receivedAt: Date; id: string } | null = null;
  do {
    const rows = await deps.inbox.listUnfinished({ olderThan, after, limit: PAGE });
    for (const row of rows) await deps.queue.enqueueInboxRow({ shop: row.shop, inboxId: row.id });
    inbox += rows.length;
    after = rows.length === PAGE ? rows[rows.length - 1]! : null;
  } while (after);
  if (inbox > 0) deps.log.info({ inbox }, "sweeper re-enqueued unfinished work");
  return { inbox };
}
