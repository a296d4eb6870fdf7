// Per-shop operations settings, stored as `shop.settings.operations`: how dispatches come back into
// Shopify (customer notification, where the warehouse status shows) and when an order counts as stuck.
// The same schema validates the settings form and what is stored.
import { z } from "zod";

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time such as 14:30");

export const fulfilmentSettingsSchema = z.object({
  /** Shopify emails the customer on each fulfillment Loadbay creates. */
  notifyCustomer: z.boolean().default(true),
  /**
   * Where the warehouse status shows on the Shopify order: a tag, a metafield, both or neither. Off until
   * the merchant chooses (decision 0020): tags start Shopify Flow and other apps' automations, and every
   * status change costs Admin API points (10 for the metafield, 20 for a tag swap).
   */
  statusTag: z.boolean().default(false),
  statusMetafield: z.boolean().default(false),
  /** Tags look like `<prefix>-<status>`, e.g. `warehouse-partially-shipped`. */
  statusTagPrefix: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lower-case letters, digits and dashes").default("warehouse"),
  /** `namespace.key` of the single-line-text metafield that holds the status. */
  statusMetafieldKey: z.string().regex(/^[\w-]{3,255}\.[\w-]{2,64}$/, "namespace.key").default("loadbay.warehouse_status"),
});
export type FulfilmentSettings = z.infer<typeof fulfilmentSettingsSchema>;

export const stuckSettingsSchema = z.object({
  /** Released (and not in dry run) but not yet transmitted after this many minutes. */
  releasedNotSentMinutes: z.number().int().min(1).max(10_080).default(30),
  /** Transmitted but not dispatched after this many working hours. */
  notDispatchedWorkingHours: z.number().int().min(1).max(500).default(16),
  /** ISO weekdays the warehouse works, 1 = Monday … 7 = Sunday. */
  workingDays: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]),
  workdayStart: clockTime.default("08:00"),
  workdayEnd: clockTime.default("18:00"),
  /** Orders the warehouse receives after its cut-off are picked the next working day. Per connection id. */
  cutOffTimes: z.record(z.string(), clockTime).default({}),
  /** Cut-off for connections without their own. */
  defaultCutOff: clockTime.default("14:00"),
});
export type StuckSettings = z.infer<typeof stuckSettingsSchema>;

export const operationsSettingsSchema = z.object({
  fulfilment: fulfilmentSettingsSchema.default(fulfilmentSettingsSchema.parse({})),
  stuck: stuckSettingsSchema.default(stuckSettingsSchema.parse({})),
});
export type OperationsSettings = z.infer<typeof operationsSettingsSchema>;

/** Stored `shop.settings.operations`, with defaults for anything missing or invalid. */
export function readOperationsSettings(shopSettings: unknown): OperationsSettings {
  const stored = shopSettings !== null && typeof shopSettings === "object" ? (shopSettings as { operations?: unknown }).operations : undefined;
  const parsed = operationsSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : operationsSettingsSchema.parse({});
}
