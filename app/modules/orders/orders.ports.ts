// What the order lifecycle needs from storage and queues. Implemented in app/persistence and app/jobs.
import type { Failure, Result } from "~/lib/result";
import type { CompiledMappingSettings } from "~/modules/mapping/compile-settings";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { SentWarehouseOrder } from "./after-transmission";
import type { Fingerprint, PendingVersion } from "./known-version";
import type { OrderFacts } from "./order-facts";
import type { OrderSettings } from "./order-settings.schema";
import type { HoldReason } from "./release-rules";

export type OrderState =
  | "draft_awaiting_completion"
  | "received"
  | "held"
  | "released"
  | "in_fulfilment"
  | "partially_shipped"
  | "shipped"
  | "closed"
  | "cancelled";

export interface OrderRecord {
  id: string;
  shop: string;
  shopifyOrderId: string | null;
  name: string;
  state: OrderState;
  holdReasons: string[];
  pendingEvaluation: boolean;
  evaluationRevision: number;
  evaluatedUpdatedAt: Date | null;
  manualRelease: boolean;
  manualHold: boolean;
  pickedBeforeGoLive: boolean;
  /** For echo recognition at evaluation time (see known-version.ts). */
  ownWriteStamps: Date[];
  /** Loadbay is writing to the Shopify order right now (a fulfillment, the status); its stamp is not recorded yet. */
  ownWriteInFlight: boolean;
  seen: Fingerprint | null;
  pendingVersions: PendingVersion[];
}

export interface ShopContext {
  settings: OrderSettings;
  goLiveAt: Date | null;
  dryRun: boolean;
  uninstalled: boolean;
  timezone: string;
  /** The shop's mapping settings, compiled; a failure when what is stored no longer validates. */
  mapping: Result<CompiledMappingSettings, Failure>;
}

export interface TimelineEntry {
  actor: string;
  kind: string;
  message: string;
  payload?: unknown;
}

export interface ExceptionInput {
  key: string;
  kind: string;
  message: string;
  detail?: unknown;
}

/** Everything one evaluation writes, committed together. */
export interface DecisionRecord {
  /** The revision the evaluation started from; pending is cleared only if it is still current. */
  revision: number;
  state: OrderState;
  /** The reasons now holding the order; null keeps what is stored. */
  holdReasons: HoldReason[] | null;
  /** The facts read this time; null keeps what is stored. */
  facts: OrderFacts | null;
  /** Shopify updatedAt after Loadbay's own writes during this evaluation (their echoes need no work). */
  ownWriteStamp: Date | null;
  timeline: TimelineEntry[];
  raise: ExceptionInput[];
  clear: string[];
  /** Open exceptions of these kinds on this order are cleared unless raised again now (mapping problems). */
  clearKinds?: readonly string[];
  /**
   * What mapping produced, to store as warehouse orders (state `mapped`); null leaves them as they are.
   * Stored `mapped` orders not in the list are removed (the warehouse never saw them); sent ones stay.
   */
  warehouseOrders?: WarehouseOrderDraft[] | null;
  /** Sent warehouse orders to ask the warehouse to cancel (they move to `cancel_requested`). */
  cancelWarehouseOrders?: string[];
}

export type ManualAction = "release" | "hold" | "pick" | "retry";

export interface OrderRepository {
  get(shop: string, orderId: string): Promise<OrderRecord | null>;
  shopContext(shop: string): Promise<ShopContext | null>;
  /** Shop-currency total of the customer's other open, unpaid orders (what they owe besides this one). */
  otherOpenUnpaidTotal(shop: string, customerId: string | null, excludeOrderId: string): Promise<number>;
  /**
   * Writes the decision; returns whether a newer change arrived meanwhile (the order stays pending)
   * and the warehouse orders now waiting to be sent. `readState` is the state the evaluation started
   * from: shipments and transmissions move the order on meanwhile, and a decision never moves it back.
   * A transition decided from a state that no longer holds is not made; the order is left pending, under
   * a new revision, for the sweep to evaluate again from where it is now (decision 0027).
   */
  recordDecision(shop: string, orderId: string, decision: DecisionRecord, readState: OrderState): Promise<{ stillPending: boolean; toTransmit: string[]; toCancel: string[] }>;
  /** The order's warehouse orders that the warehouse has, or may have (past `transmitting`). */
  sentWarehouseOrders(shop: string, orderId: string): Promise<SentWarehouseOrder[]>;
  /**
   * The merchant did at the warehouse, by hand, what Loadbay asked (amend or cancel): the stored
   * warehouse orders take the amended lines and address or become cancelled, and those exceptions
   * close. False when there was nothing to confirm.
   */
  confirmDoneAtWarehouse(shop: string, orderId: string, actor: string): Promise<boolean>;
  /**
   * The merchant asks the warehouse to cancel what it has of the order and not yet shipped: those
   * warehouse orders move to `cancel_requested`. Returns their ids (empty when there is nothing to cancel).
   */
  requestCancelAtWarehouse(shop: string, orderId: string, actor: string): Promise<string[]>;
  /** A merchant's decision: bumps the revision so the order is evaluated again. Null if no such order. */
  applyManual(shop: string, orderId: string, action: ManualAction, actor: string): Promise<{ revision: number } | null>;
  /** Orders waiting for evaluation whose last change is older than `olderThan`. */
  listPendingEvaluation(olderThan: Date, limit: number): Promise<{ shop: string; orderId: string; revision: number }[]>;
}

export interface EvaluationQueue {
  enqueueEvaluation(job: { shop: string; orderId: string; revision: number }): Promise<void>;
}
