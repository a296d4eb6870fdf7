// Typed jobs: each queue's data is parsed with zod when it is taken, and carries ids only —
// personal data stays in PostgreSQL (docs/style.md, convention 9).
import { z } from "zod";
import { shopDomainSchema } from "~/lib/ids";

export const QUEUE = {
  inbox: "inbox",
  orders: "orders",
  transmit: "transmit",
  maintenance: "maintenance",
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

export const maintenanceJobSchema = z.object({ task: z.enum(["sweep", "purge-payloads", "reconcile"]) });
export type MaintenanceJob = z.infer<typeof maintenanceJobSchema>;

/** Custom job ids may not contain ':' in BullMQ; the id is derived from the row so re-adds are no-ops. */
export const inboxJobId = (inboxId: string) => `inbox-${inboxId}`;
/** One evaluation per order revision: a change that arrives while one runs gets its own job. */
export const evaluateJobId = (orderId: string, revision: number) => `evaluate-${orderId}-${revision}`;

/** Repeating maintenance, re-created whenever it goes missing (a Redis flush removes job schedulers). */
export const SCHEDULES = [
  { id: "sweep", task: "sweep", everyMs: (sweepIntervalS: number) => sweepIntervalS * 1000 },
  { id: "purge-payloads", task: "purge-payloads", everyMs: () => 60 * 60 * 1000 },
  { id: "reconcile", task: "reconcile", everyMs: (sweepIntervalS: number) => Math.max(60, sweepIntervalS * 10) * 1000 },
] as const;
