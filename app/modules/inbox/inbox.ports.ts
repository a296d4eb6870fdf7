// What the inbox use cases need from the outside world. Implemented in app/persistence (PostgreSQL)
// and app/jobs (BullMQ).
import type { Fingerprint } from "~/modules/orders/known-version";
import type { WebhookEvent } from "./webhook-event";

export interface NewInboxRow {
  id: string;
  shop: string;
  topic: string;
  webhookId: string;
  eventId: string | null;
  apiVersion: string | null;
  triggeredAt: Date | null;
  payload: unknown;
  /** Set when the body was rejected at intake; the row is then final. */
  rejectedReason: string | null;
}

export interface InboxRow {
  id: string;
  shop: string;
  topic: string;
  status: "received" | "processed" | "rejected" | "failed";
  attempts: number;
  payload: unknown;
}

/** An order whose decision must be (re-)made, at this revision. */
export interface EvaluationRequest {
  shop: string;
  orderId: string;
  revision: number;
}

/** A change to a Shopify order, as an order webhook (orders/*, refunds/create) tells it. */
export interface OrderChangeInput {
  shopifyOrderId: string;
  name: string | null;
  topic: string;
  sourceUpdatedAt: Date | null;
  fingerprint: Fingerprint | null;
}

/** The changes one of the rarer webhooks makes, applied in the same transaction that marks its row processed. */
export interface InboxEffects {
  /** Tracks a draft order; drafts are shown but never released. */
  noteDraftChanged(input: { shopifyDraftOrderId: string; name: string | null; topic: string; completedOrderId: string | null; deleted: boolean }): Promise<EvaluationRequest | null>;
  markShopUninstalled(): Promise<void>;
  /** shop/redact: removes every row the shop owns, this inbox row included. */
  deleteShopData(): Promise<void>;
  /** customers/redact: strips personal data from these orders' stored facts, payloads and timeline. */
  redactCustomerOrders(shopifyOrderIds: string[]): Promise<number>;
  /** customers/data_request: records, on the shop's timeline, the data Loadbay holds for these orders. */
  recordDataRequest(customerId: string, shopifyOrderIds: string[]): Promise<number>;
}

export type InboxOutcome =
  | { status: "processed"; note: string; evaluate?: EvaluationRequest[] }
  | { status: "failed"; reason: string }
  | { status: "deleted" };

export interface InboxRepository {
  /** Inserts the row; false when a row with the same webhook id or event id already exists. */
  record(row: NewInboxRow): Promise<boolean>;
  /** Counts one more processing attempt and returns the row, or null when it is gone. */
  startAttempt(shop: string, id: string): Promise<InboxRow | null>;
  /**
   * Runs `work` with the row locked. Returns null without running it when the row is not
   * `received` any more (already done) or another worker holds it.
   */
  processExclusively(shop: string, id: string, work: (effects: InboxEffects) => Promise<InboxOutcome>): Promise<InboxOutcome | null>;
  /**
   * The hot path, for order webhooks: with the row locked, creates or touches the order and marks it
   * for (re-)evaluation, and marks the row processed, in one transaction. `request` is null when the
   * webhook describes a version Loadbay has already handled (an echo of its own write, or a late
   * duplicate). Returns null, doing nothing, when the row is not `received` any more or another worker
   * holds it.
   */
  noteOrderChangeExclusively(shop: string, id: string, change: OrderChangeInput): Promise<{ request: EvaluationRequest | null } | null>;
  markFailed(shop: string, id: string, reason: string): Promise<void>;
  /** Puts a failed row back to `received` with its attempts reset; false if it was not failed. */
  reopenFailed(shop: string, id: string): Promise<boolean>;
  /** Rows still `received` that arrived before `olderThan`, oldest first, after the keyset cursor. */
  listUnfinished(page: {
    olderThan: Date;
    after: { receivedAt: Date; id: string } | null;
    limit: number;
  }): Promise<{ shop: string; id: string; receivedAt: Date }[]>;
  purgePayloads(now: Date): Promise<number>;
}

export interface InboxQueue {
  enqueueInboxRow(job: { shop: string; inboxId: string }): Promise<void>;
}

export type { WebhookEvent };
