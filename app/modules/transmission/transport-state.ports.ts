// What a file transport with envelopes (EDI X12) keeps in Loadbay's database beside the files: counters
// per connection (control numbers), per warehouse order what its file was sent with (so a resend is the
// same bytes), the warehouse's acknowledgements of those files, and problems with files it sent us.
// Passed to connectors by the registry, like the inbound-file ledger (decision 0022).
import type { InboundFileScope } from "./inbound-files.ports";

/** One acknowledgement of a file Loadbay sent, found by what was stored with the warehouse order. */
export interface TransportAcknowledgement {
  /** Matched by JSON containment against the stored transport state, e.g. `{ x12: { group: 7, transaction: 7 } }`. */
  match: Record<string, unknown>;
  accepted: boolean;
  /** A sentence: what the warehouse said. */
  message: string;
  detail?: unknown;
}

/** A problem with a connection's inbound file, raised as an exception with a stable key (raise = upsert). */
export interface ConnectionProblem {
  key: string;
  kind: string;
  message: string;
  detail?: unknown;
}

export interface TransportState {
  /**
   * Advances named counters of one connection in one atomic step (two workers never get the same
   * numbers): each goes up by its step, back to 1 after `max` (never 0). Returns each counter's new
   * last value; the numbers taken are the `step` values ending there.
   */
  advance(scope: InboundFileScope, steps: Record<string, number>, max: number): Promise<Record<string, number>>;
  /** What was stored with a warehouse order by `keep`, with any acknowledgement recorded since; null when nothing. */
  recall(scope: InboundFileScope, warehouseOrderId: string): Promise<Record<string, unknown> | null>;
  /** Stores `state` with the warehouse order unless something is stored already; returns what is stored (first writer wins). */
  keep(scope: InboundFileScope, warehouseOrderId: string, state: Record<string, unknown>): Promise<Record<string, unknown>>;
  /**
   * Applies acknowledgements: accepted moves a `transmitted` warehouse order to `accepted`; rejected blocks
   * it with an exception. Either is also noted in its transport state, so a resend still in flight answers
   * from it. Returns how many warehouse orders matched.
   */
  acknowledge(scope: InboundFileScope, acknowledgements: TransportAcknowledgement[]): Promise<number>;
  /** Raises an exception about the connection (not tied to an order). */
  raise(scope: InboundFileScope, problem: ConnectionProblem): Promise<void>;
}
