// One contract for every warehouse, whatever its transport (REST, files over SFTP, EDI, pull).
// Connectors translate between Loadbay's warehouse orders, dispatches and stock and the warehouse's
// own wire format, and sort every failure into one closed set the transmission job acts on.
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";

/** What a connector can do; the admin and the jobs only offer what is supported. */
export interface ConnectorCapabilities {
  /** How dispatches arrive: pushed to Loadbay's endpoint, or polled from a cursor. */
  dispatches: "push" | "poll" | "none";
  /** How stock arrives, and whether it is a full snapshot or a delta. */
  stock: { mode: "push" | "poll" | "none"; kind: "snapshot" | "delta" | "both" };
  cancel: boolean;
  amend: boolean;
  returns: boolean;
  /** What "accepted" means for this transport (DESIGN.md, "State"), shown to merchants. */
  acceptance: "on-submit" | "on-acknowledgement";
}

/**
 * Every failure is one of four kinds:
 * - `transient`: try again with backoff (5xx, timeouts, connection refused);
 * - `rate-limited`: wait `retryAfterMs`, then try again (429);
 * - `rejected`: permanent; the warehouse refused the data; `message` is the warehouse's own words;
 * - `auth-failed`: permanent; the merchant must fix the credentials.
 */
export type ConnectorFailure =
  | { kind: "transient"; message: string }
  | { kind: "rate-limited"; message: string; retryAfterMs: number }
  | { kind: "rejected"; message: string; detail?: unknown }
  | { kind: "auth-failed"; message: string };

export type ConnectorResult<T> = { ok: true; value: T } | { ok: false; error: ConnectorFailure };

/** A warehouse order as the connector receives it: the mapped draft and who it belongs to. */
export interface OutboundOrder {
  shop: string;
  /** Loadbay's id of the warehouse order row. */
  warehouseOrderId: string;
  draft: WarehouseOrderDraft;
}

export interface SubmitReceipt {
  /** The warehouse's own id for the order, when it gives one. */
  warehouseReference: string | null;
  /** True when the warehouse already had this order (a duplicate-reference rejection looked up). */
  alreadyThere: boolean;
  /** True when the warehouse confirmed it; false when acceptance comes later (files, pull). */
  accepted: boolean;
}

/** One shipment as the warehouse reports it: base units per warehouse SKU, with tracking. */
export interface DispatchAdviceIn {
  shipmentId: string;
  /** The idempotency key the order was sent with (the warehouse's external reference). */
  orderReference: string;
  warehouseReference: string | null;
  shippedAt: Date;
  carrier: string | null;
  trackingNumbers: string[];
  trackingUrls: string[];
  lines: { warehouseSku: string; quantity: number }[];
  /** The warehouse considers the order complete with this shipment. */
  complete: boolean;
}

export interface StockLevelIn {
  facilityCode: string;
  warehouseSku: string;
  freeQuantity: number;
  asOf: Date;
}

export interface Page<T> {
  items: T[];
  /** Opaque; store it and pass it back to continue. Null when there is nothing more now. */
  nextCursor: string | null;
}

/**
 * One item's change in free stock at one facility, as a warehouse reports it between snapshots (EDI
 * 947). Apply `delta` once per `adjustmentId` + `line`; one dated before the latest snapshot's `asOf` is
 * already in it (app/connectors/edi-x12/x947.ts).
 */
export interface StockAdjustmentIn {
  /** The warehouse's adjustment number. */
  adjustmentId: string;
  /** 1-based position of the item in the adjustment. */
  line: number;
  facilityCode: string;
  warehouseSku: string;
  delta: number;
  /** The warehouse's reason code, e.g. 07 destroyed, 56 book adjustment increase. */
  reasonCode: string;
  at: Date;
}

/** A page of stock: absolute levels (`items`), and for warehouses that send deltas, `adjustments`. */
export interface StockPage extends Page<StockLevelIn> {
  /** Deltas read with this page (capabilities.stock.kind "delta" or "both"); absent when there are none. */
  adjustments?: StockAdjustmentIn[];
}

/** What a warehouse pushed to Loadbay's per-connection endpoint (already authenticated). */
export interface InboundPush {
  kind: "dispatches" | "stock";
  contentType: string | null;
  body: string;
}

/** A warehouse's answer to one pulled order (pull connectors: OrderWise). */
export interface PullAcknowledgementIn {
  /** The idempotency key the order was pulled with. */
  orderReference: string;
  accepted: boolean;
  /** The warehouse's own id for the order, when it gives one. */
  warehouseReference: string | null;
  /** A sentence in the warehouse's words (its rejection reason). */
  message: string;
}

/**
 * The pull side of a connector whose warehouse fetches orders from Loadbay (decision 0023): `submitOrder`
 * only queues; the warehouse takes waiting orders from `/inbound/<connection>/orders` and acknowledges them.
 */
export interface PullTransport {
  /** At most this many waiting orders per pull, oldest first. */
  readonly batchSize: number;
  /** The document the warehouse pulls (possibly with no orders). */
  renderOrders(orders: OutboundOrder[]): { contentType: string; body: string };
  /** Reads the warehouse's acknowledgement; `rejected` says what was unreadable. */
  readAcknowledgements(body: string): ConnectorResult<PullAcknowledgementIn[]>;
}

export interface WarehouseConnector {
  readonly capabilities: ConnectorCapabilities;
  /** Only for connectors whose warehouse pulls orders from Loadbay. */
  readonly pull?: PullTransport;
  /**
   * Sends one warehouse order. Idempotent by `order.draft.idempotencyKey`: a second submit of the
   * same key never creates a second order; a duplicate-reference rejection is looked up and reported
   * as `alreadyThere` (DESIGN.md invariant 2).
   */
  submitOrder(order: OutboundOrder): Promise<ConnectorResult<SubmitReceipt>>;
  /** Asks the warehouse to cancel; `rejected` when it is too late (already picked). */
  cancelOrder(order: OutboundOrder, warehouseReference: string | null): Promise<ConnectorResult<{ cancelled: boolean }>>;
  /** Dispatches since the cursor (poll connectors); push connectors return an empty page. */
  pollDispatches(cursor: string | null): Promise<ConnectorResult<Page<DispatchAdviceIn>>>;
  /** Stock since the cursor (delta) or all of it (snapshot, cursor null); deltas in `adjustments`. */
  pollStock(cursor: string | null): Promise<ConnectorResult<StockPage>>;
  /**
   * Reads a push (dispatch callbacks, stock updates) in the warehouse's own format. Only connectors
   * whose warehouse pushes implement it; `rejected` says, in the warehouse's terms, what was unreadable.
   */
  receivePush?(push: InboundPush): ConnectorResult<{ dispatches: DispatchAdviceIn[]; stock: StockLevelIn[] }>;
  /** Checks credentials and reachability; the message says exactly what failed. */
  testConnection(): Promise<ConnectorResult<{ message: string }>>;
}
