// What bringing dispatches back into Shopify needs from storage, from Shopify and from the queue.
// Implemented in app/persistence/dispatches.repo.server.ts, app/shopify/fulfillments.server.ts and
// app/jobs/queues.server.ts.
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { SourceResult } from "~/modules/orders/order-source.ports";
import type { DispatchAdviceIn } from "~/modules/transmission/warehouse-connector";
import type { DispatchProblem, ExistingFulfillment, FulfillmentOrderNow, FulfillmentPlan, LineUnits } from "./dispatch-plan";

export interface DispatchToApply {
  id: string;
  shop: string;
  connectionId: string;
  shipmentId: string;
  advice: DispatchAdviceIn;
  status: "received" | "applied" | "failed";
  /** Set when an earlier attempt called fulfillmentCreate; its outcome may be unknown. */
  attemptedAt: Date | null;
  shopifyFulfillmentId: string | null;
  /** Tracking numbers as written to Shopify with the fulfillment. */
  appliedTracking: string[];
  /** Null when no warehouse order carries the advice's reference. */
  target: {
    warehouseOrderId: string;
    orderId: string;
    orderName: string;
    shopifyOrderId: string;
    draft: WarehouseOrderDraft;
    /** Ordered units other shipments of this warehouse order already fulfilled. */
    appliedBefore: LineUnits[];
    /** Shopify fulfillments already recorded for other shipments of the order. */
    fulfillmentsOfOthers: string[];
  } | null;
  notifyCustomer: boolean;
  /** The shop shows the warehouse status on Shopify orders (a status job follows each shipment). */
  mirrorStatus: boolean;
}

export interface AppliedOutcome {
  fulfillmentId: string;
  units: LineUnits[];
  trackingNumbers: string[];
  /** The Shopify order's updatedAt after the write, so its `orders/updated` echo is recognised. */
  orderUpdatedAt: Date | null;
  /** Shopify reports every line of the order fulfilled. */
  orderFulfilled: boolean;
  /** True when an earlier attempt's fulfillment was found rather than a new one made. */
  recovered: boolean;
}

export interface DispatchRepository {
  load(shop: string, dispatchId: string): Promise<DispatchToApply | null>;
  /** Noted before fulfillmentCreate is called: from now on a retry first looks for what it made. */
  markAttempt(shop: string, dispatchId: string): Promise<void>;
  /** The fulfillment exists: the dispatch, warehouse order and order move on; exceptions clear. */
  recordApplied(dispatch: DispatchToApply, outcome: AppliedOutcome): Promise<{ orderState: string; warehouseOrderState: string }>;
  /** The dispatch cannot become a fulfillment as it is: exceptions with the reasons; nothing applied. */
  recordProblems(dispatch: DispatchToApply, problems: DispatchProblem[]): Promise<void>;
  /** A failure a retry may fix (Shopify unavailable or throttled): noted for the operations view. */
  recordTransient(dispatch: DispatchToApply, message: string): Promise<void>;
  recordTrackingUpdated(dispatch: DispatchToApply, trackingNumbers: string[], orderUpdatedAt: Date | null): Promise<void>;
  /** Dispatches stored but not applied (and not blocked by an exception), older than `olderThan`. */
  listUnapplied(olderThan: Date, limit: number): Promise<{ shop: string; dispatchId: string }[]>;
}

export interface FulfillmentCreateInput {
  lineItemsByFulfillmentOrder: FulfillmentPlan["lineItemsByFulfillmentOrder"];
  tracking: { company?: string; numbers?: string[]; urls?: string[] } | null;
  notifyCustomer: boolean;
}

export interface ShopifyFulfillments {
  /** The order's fulfillment orders as they are now, with each line's remaining quantity. */
  fulfillmentOrders(shop: string, orderGid: string): Promise<SourceResult<FulfillmentOrderNow[] | null>>;
  /** The order's fulfillments made since `since`, to find what an attempt with a lost answer made. */
  fulfillmentsSince(shop: string, orderGid: string, since: Date): Promise<SourceResult<ExistingFulfillment[]>>;
  /**
   * `invalid-request` carries Shopify's userErrors as a sentence; `ambiguous` means the request may
   * have been applied.
   */
  create(shop: string, input: FulfillmentCreateInput): Promise<SourceResult<{ fulfillmentId: string; orderUpdatedAt: Date | null; orderFulfilled: boolean }>>;
  updateTracking(
    shop: string,
    fulfillmentId: string,
    tracking: NonNullable<FulfillmentCreateInput["tracking"]>,
    notifyCustomer: boolean,
  ): Promise<SourceResult<{ orderUpdatedAt: Date | null }>>;
}

export interface DispatchQueue {
  enqueueDispatch(job: { shop: string; dispatchId: string }): Promise<void>;
}
