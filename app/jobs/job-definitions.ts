// Typed jobs: each queue's data is parsed with zod when it is taken, and carries ids only —
// personal data stays in PostgreSQL (docs/style.md, convention 9).
import { z } from "zod";
import { shopDomainSchema } from "~/lib/ids";

export const QUEUE = {
  inbox: "inbox",
  orders: "orders",
  transmit: "transmit",
  fulfilments: "fulfilments",
  maintenance: "maintenance",
  inventory: "inventory",
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

export const inboxJobSchema = z.object({ shop: shopDomainSchema, inboxId: z.uuid() });
export type InboxJob = z.infer<typeof inboxJobSchema>;

export const evaluateJobSchema = z.object({ shop: shopDomainSchema, orderId: z.uuid(), revision: z.number().int().nonnegative() });
export type EvaluateJob = z.infer<typeof evaluateJobSchema>;

export const transmitJobSchema = z.object({ shop: shopDomainSchema, warehouseOrderId: z.uuid() });
/** Job names on the transmit queue: sending a warehouse order, and asking the warehouse to cancel one. */
export const TRANSMIT_JOB = { submit: "transmit", cancel: "cancel" } as const;
export type TransmitJob = z.infer<typeof transmitJobSchema>;

export const dispatchJobSchema = z.object({ shop: shopDomainSchema, dispatchId: z.uuid() });
export const pollJobSchema = z.object({ shop: shopDomainSchema, connectionId: z.uuid() });
export const statusJobSchema = z.object({ shop: shopDomainSchema, orderId: z.uuid() });
/** Job names on the fulfilments queue: applying one dispatch advice, polling one connection, writing an order's warehouse status. */
export const FULFILMENT_JOB = { apply: "apply-dispatch", poll: "poll-dispatches", status: "warehouse-status" } as const;
/** One job per dispatch and per connection at a time; removed when done, so the next one can be added. */
export const dispatchJobId = (dispatchId: string) => `dispatch-${dispatchId}`;
export const pollJobId = (connectionId: string) => `poll-${connectionId}`;
/** One per order and state it reached: a later change is never swallowed by a running job. */
export const statusJobId = (orderId: string, state: string) => `status-${orderId}-${state}`;

export const inventoryShopJobSchema = z.object({ shop: shopDomainSchema });
export const stockPollJobSchema = z.object({ shop: shopDomainSchema, connectionId: z.uuid() });
/** Job names on the inventory queue: the full reconciliation, a stock delta, and polling one connection's stock. */
export const INVENTORY_JOB = { full: "full-sync", delta: "stock-delta", poll: "poll-stock" } as const;
/** One full sync per shop waiting at a time (the run row also refuses a second one running). */
export const fullSyncJobId = (shop: string) => `full-sync-${shop}`;
/** From the first stock change a push or poll stored: the job takes every pending SKU of the shop. */
export const stockDeltaJobId = (changeId: string) => `stock-${changeId}`;
export const stockPollJobId = (connectionId: string) => `poll-stock-${connectionId}`;

export const maintenanceJobSchema = z.object({ task: z.enum(["sweep", "purge-payloads", "reconcile", "poll-dispatches", "poll-stock", "inventory-schedule"]) });
export type MaintenanceJob = z.infer<typeof maintenanceJobSchema>;

/** Custom job ids may not contain ':' in BullMQ; the id is derived from the row so re-adds are no-ops. */
export const inboxJobId = (inboxId: string) => `inbox-${inboxId}`;
/** One evaluation per order revision: a change that arrives while one runs gets its own job. */
export const evaluateJobId = (orderId: string, revision: number) => `evaluate-${orderId}-${revision}`;

/** Repeating maintenance, re-created whenever it goes missing (a Redis flush removes job schedulers). */
export interface ScheduleIntervals {
  sweepIntervalS: number;
  dispatchPollIntervalS: number;
}
export const SCHEDULES = [
  { id: "sweep", task: "sweep", everyMs: (i: ScheduleIntervals) => i.sweepIntervalS * 1000 },
  { id: "purge-payloads", task: "purge-payloads", everyMs: () => 60 * 60 * 1000 },
  { id: "reconcile", task: "reconcile", everyMs: (i: ScheduleIntervals) => Math.max(60, i.sweepIntervalS * 10) * 1000 },
  { id: "poll-dispatches", task: "poll-dispatches", everyMs: (i: ScheduleIntervals) => i.dispatchPollIntervalS * 1000 },
  { id: "poll-stock", task: "poll-stock", everyMs: (i: ScheduleIntervals) => i.dispatchPollIntervalS * 1000 },
  /** Every minute: full syncs for shops whose cadence (inventory settings) has come round. */
  { id: "inventory-schedule", task: "inventory-schedule", everyMs: () => 60 * 1000 },
] as const;
