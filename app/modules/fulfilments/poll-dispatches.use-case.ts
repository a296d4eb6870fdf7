// Polls one warehouse connection for dispatches, from the cursor stored with it. The page and the new
// cursor are stored in one transaction, so a crash between them re-reads the page (stored once per
// shipment) rather than skipping it. New shipments are queued to be applied at once.
import type { Logger } from "pino";
import type { ConnectorFailure, DispatchAdviceIn } from "~/modules/transmission/warehouse-connector";
import type { ConnectorRegistry } from "~/modules/transmission/transmission.ports";
import type { DispatchQueue } from "./fulfilments.ports";

export interface DispatchPollRepository {
  /** Enabled connections of installed shops that are live (dry-run shops send nothing, so nothing ships). */
  pollTargets(): Promise<{ shop: string; connectionId: string }[]>;
  cursor(shop: string, connectionId: string): Promise<string | null>;
  /** Stores the advices and the cursor together; returns the ids to apply. */
  storePage(shop: string, connectionId: string, advices: DispatchAdviceIn[], nextCursor: string | null): Promise<string[]>;
}

export interface PollDispatchesDeps {
  polls: DispatchPollRepository;
  connectors: ConnectorRegistry;
  queue: DispatchQueue;
  log: Logger;
}

export type PollResult = { status: "polled"; received: number; toApply: number } | { status: "skipped"; note: string } | { status: "retry"; failure: ConnectorFailure };

export async function pollDispatches(deps: PollDispatchesDeps, job: { shop: string; connectionId: string }): Promise<PollResult> {
  const found = await deps.connectors.forConnection(job.shop, job.connectionId);
  if (!found.ok) return { status: "skipped", note: found.message };
  if (found.connector.capabilities.dispatches !== "poll") return { status: "skipped", note: "this warehouse pushes its dispatches" };
  const cursor = await deps.polls.cursor(job.shop, job.connectionId);
  const page = await found.connector.pollDispatches(cursor);
  if (!page.ok) {
    if (page.error.kind === "transient" || page.error.kind === "rate-limited") return { status: "retry", failure: page.error };
    // Credentials or a refused request: the connection's test button says what; the next poll tries again.
    deps.log.warn({ ...job, failure: page.error }, "dispatch poll refused");
    return { status: "skipped", note: page.error.message };
  }
  const ids = await deps.polls.storePage(job.shop, job.connectionId, page.value.items, page.value.nextCursor);
  for (const dispatchId of ids) await deps.queue.enqueueDispatch({ shop: job.shop, dispatchId });
  return { status: "polled", received: page.value.items.length, toApply: ids.length };
}
