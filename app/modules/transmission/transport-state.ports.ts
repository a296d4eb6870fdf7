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
  /** The warehouse's own id for the order, stored when accepted (pull connectors: OrderWise's order number). */
  warehouseReference?: string | null;
  /** A sentence: what the warehouse said. */
  message: string;
  detail?: unknown;
  /** Who the timeline names; `job:edi-acknowledgement` when absent. */
  actor?: string;
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
  /** What is stored with a warehouse order (`keep`, and acknowledgements since); null when nothing. */
  recall(scope: InboundFileScope, warehouseOrderId: string): Promise<Record<string, unknown> | null>;
  /**
   * Stores `value` under `key` in the warehouse order's transport state unless that key is already there
   * (first writer wins); returns the whole state as stored.
   */
  keep(scope: InboundFileScope, warehouseOrderId: string, key: string, value: unknown): Promise<Record<string, unknown>>;
  /**
   * Applies acknowledgements. Accepted moves a `transmitted` warehouse order to `accepted` and notes
   * `acknowledgement: "accepted"` in its state, so a resend answers from it. Rejected blocks the order with
   * an exception and retires what it was sent with: `attempt` goes up and the matched state moves to
   * `rejected[]`, so the send after the merchant's fix is a new file with new numbers. Returns how many
   * warehouse orders matched; the same acknowledgement again matches nothing new.
   */
  acknowledge(scope: InboundFileScope, acknowledgements: TransportAcknowledgement[]): Promise<number>;
  /**
   * Notes when something last happened on the connection (pull connectors: the warehouse's last pull),
   * beside the counters in `warehouse_connection.sequences`, as epoch milliseconds.
   */
  stamp(scope: InboundFileScope, name: string, at: Date): Promise<void>;
  /** The time `stamp` last noted under `name`; null when never. */
  stampOf(scope: InboundFileScope, name: string): Promise<Date | null>;
  /** Raises an exception about the connection (not tied to an order). */
  raise(scope: InboundFileScope, problem: ConnectionProblem): Promise<void>;
}
