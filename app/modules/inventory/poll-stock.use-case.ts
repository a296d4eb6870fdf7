// Polls one warehouse connection for stock, from the cursor stored with it (a delta since the cursor, or
// a snapshot when there is none). The figures and the new cursor are stored together, so a crash
// re-reads the page rather than skipping it; the changed SKUs go to the delta job at once.
import type { Logger } from "pino";
import type { ConnectorFailure, StockAdjustmentIn, StockLevelIn } from "~/modules/transmission/warehouse-connector";
import type { ConnectorRegistry } from "~/modules/transmission/transmission.ports";

export interface StockPollRepository {
  /** Enabled connections of installed shops. */
  stockPollTargets(): Promise<{ shop: string; connectionId: string }[]>;
  stockCursor(shop: string, connectionId: string): Promise<string | null>;
  /**
   * Stores the figures, the adjustments (EDI 947: each counted once, skipped when older than the figure)
   * and the cursor together; returns the ids of the stock changes recorded.
   */
  storeStockPage(
    shop: string,
    connectionId: string,
    levels: StockLevelIn[],
    nextCursor: string | null,
    source: "poll-snapshot" | "poll-delta",
    adjustments?: StockAdjustmentIn[],
  ): Promise<string[]>;
}

export interface StockDeltaQueue {
  enqueueStockDelta(job: { shop: string; changeId: string }): Promise<void>;
}

export interface PollStockDeps {
  polls: StockPollRepository;
  connectors: ConnectorRegistry;
  queue: StockDeltaQueue;
  log: Logger;
}

export type PollStockResult = { status: "polled"; received: number; changed: number } | { status: "skipped"; note: string } | { status: "retry"; failure: ConnectorFailure };

export async function pollStock(deps: PollStockDeps, job: { shop: string; connectionId: string }): Promise<PollStockResult> {
  const found = await deps.connectors.forConnection(job.shop, job.connectionId);
  if (!found.ok) return { status: "skipped", note: found.message };
  if (found.connector.capabilities.stock.mode !== "poll") return { status: "skipped", note: "this warehouse does not offer stock to poll" };
  const cursor = await deps.polls.stockCursor(job.shop, job.connectionId);
  const page = await found.connector.pollStock(cursor);
  if (!page.ok) {
    if (page.error.kind === "transient" || page.error.kind === "rate-limited") return { status: "retry", failure: page.error };
    deps.log.warn({ ...job, failure: page.error }, "stock poll refused");
    return { status: "skipped", note: page.error.message };
  }
  const { items, nextCursor, adjustments = [] } = page.value;
  const ids = await deps.polls.storeStockPage(job.shop, job.connectionId, items, nextCursor, cursor === null ? "poll-snapshot" : "poll-delta", adjustments);
  if (ids[0]) await deps.queue.enqueueStockDelta({ shop: job.shop, changeId: ids[0] });
  return { status: "polled", received: items.length + adjustments.length, changed: ids.length };
}
