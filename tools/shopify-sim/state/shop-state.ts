import type { Clock } from "../lib/clock";
import type { LeakyBucket } from "../cost/leaky-bucket";
import { IdempotencyStore } from "../graphql/idempotency";
import type { IdSequence } from "./id-sequence";
import type * as R from "./types";

export type ProtectedDataLevel = 0 | 1 | 2;

/** Switches that make the simulator misbehave the way production sometimes does. */
export interface ShopFaults {
  /** Apply `fulfillmentCreate`, then drop the connection so the caller cannot tell. `true` = every call, a number = that many calls. */
  fulfillmentCreateTimeout: boolean | number;
  /** Delay before a mutation commits (lets tests overlap two requests with one idempotency key). */
  mutationLatencyMs: number;
  /** Answer the next N GraphQL calls with HTTP 503 before doing anything. */
  serverErrors: number;
  /** When true, moving a whole fulfillment order always creates a new one (ids change) and closes the original. */
  moveAlwaysCreatesNewFulfillmentOrder: boolean;
}

/** How webhooks for this shop are delivered. */
export interface WebhookMode {
  /** Extra sends of each delivery with the same webhook id: an integer count, or a probability in (0, 1). */
  duplicates: number;
  /** Send deliveries of one batch in shuffled (seeded) order. */
  reorder: boolean;
  /** Wait this long before the first attempt of every delivery. */
  delayMs: number;
  /** Hold every delivery until `releaseWebhooks()` is called, then send them all at once (a burst). */
  hold: boolean;
}

export interface ShopEnv {
  clock: Clock;
  ids: IdSequence;
  emit(shop: ShopState, topic: string, payload: unknown): void;
}

export class ShopState {
  readonly locations = new Map<string, R.LocationRecord>();
  readonly variants = new Map<string, R.VariantRecord>();
  readonly inventoryItems = new Map<string, R.InventoryItemRecord>();
  readonly inventoryLevels = new Map<string, R.InventoryLevelRecord>();
  /** The levels of each inventory item (an index over `inventoryLevels`, kept by `ensureLevel`), so catalogues of 100,000 items stay fast. */
  readonly levelsByItem = new Map<string, R.InventoryLevelRecord[]>();
  readonly customers = new Map<string, R.CustomerRecord>();
  readonly companies = new Map<string, R.CompanyRecord>();
  readonly orders = new Map<string, R.OrderRecord>();
  readonly draftOrders = new Map<string, R.DraftOrderRecord>();
  readonly fulfillmentOrders = new Map<string, R.FulfillmentOrderRecord>();
  readonly fulfillments = new Map<string, R.FulfillmentRecord>();
  readonly refunds = new Map<string, R.RefundRecord>();
  readonly adjustmentGroups = new Map<string, R.InventoryAdjustmentGroupRecord>();
  readonly bulkOperations = new Map<string, R.BulkOperationRecord>();
  readonly bulkFiles = new Map<string, string>();
  readonly idempotency = new IdempotencyStore();
  nextOrderNumber = 1001;
  nextDraftNumber = 1;
  bulkDurationMs = 200;
  readonly faults: ShopFaults = {
    fulfillmentCreateTimeout: false,
    mutationLatencyMs: 0,
    serverErrors: 0,
    moveAlwaysCreatesNewFulfillmentOrder: false,
  };
  readonly webhookMode: WebhookMode = { duplicates: 0, reorder: false, delayMs: 0, hold: false };
  /** Every executed GraphQL operation, for tests that count calls (name, query or mutation, actual cost). */
  readonly operationLog: { name: string | null; type: "query" | "mutation" | "subscription"; actualCost: number; at: number }[] = [];
  /** Calls answered THROTTLED (the bucket could not cover their requested cost); they are not in the operation log. */
  throttledAnswers = 0;

  constructor(
    readonly domain: string,
    readonly env: ShopEnv,
    readonly bucket: LeakyBucket,
    public protectedDataLevel: ProtectedDataLevel,
    readonly settings: { timezone: string; currencyCode: string; shopId: number },
  ) {}

  newId(type: string): string {
    return this.env.ids.next(type);
  }

  nowIso(): string {
    return new Date(this.env.clock.now()).toISOString();
  }

  emit(topic: string, payload: unknown): void {
    this.env.emit(this, topic, payload);
  }

  levelKey(inventoryItemId: string, locationId: string): string {
    return `${inventoryItemId}|${locationId}`;
  }

  primaryLocation(): R.LocationRecord | undefined {
    return [...this.locations.values()].find((l) => l.isPrimary) ?? this.locations.values().next().value;
  }
}
