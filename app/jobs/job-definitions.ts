// Typed jobs: each queue's data is parsed with zod when it is taken, and carries ids only —
// personal data stays in PostgreSQL (docs/style.md, convention 9).
import { z } from "zod";
import { shopDomainSchema } from "~/lib/ids";

export const QUEUE = {
  inbox: "inbox",
  maintenance: "maintenance",
} as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

export const inboxJobSchema = z.object({ shop: shopDomainSchema, inboxId: z.uuid() });
export type InboxJob = z.infer<typeof inboxJobSchema>;

export const maintenanceJobSchema = z.object({ task: z.enum(["sweep", "purge-payloads"]) });
export type MaintenanceJob = z.infer<typeof maintenanceJobSchema>;

/** Custom job ids may not contain ':' in BullMQ; the id is derived from the row so re-adds are no-ops. */
export const inboxJobId = (inboxId: string) => `inbox-${inboxId}`;

/** Repeating maintenance, re-created whenever it goes missing (a Redis flush removes job schedulers). */
export const SCHEDULES = [
  { id: "sweep", task: "sweep", everyMs: (sweepIntervalS: number) => sweepIntervalS * 1000 },
  { id: "purge-payloads", task: "purge-payloads", everyMs: () => 60 * 60 * 1000 },
] as const;
