// Per-shop order settings: where B2B facts come from and when an order may be released. The same
// schema validates the settings form and what is stored in shop.settings.
import { z } from "zod";
import { DEFAULT_FACT_SOURCES } from "./order-facts";

const tagList = z.array(z.string().trim().min(1).max(255)).max(50);

export const releaseSettingsSchema = z.object({
  /** displayFinancialStatus values that count as paid. PAID by default; AUTHORIZED and PARTIALLY_PAID are choices. */
  paidStatuses: z.array(z.enum(["PAID", "AUTHORIZED", "PARTIALLY_PAID"])).min(1).default(["PAID"]),
  /** Any of these tags on the order approves an on-account or invoice order. */
  approvalTags: tagList.default(["approved"]),
  /** Companies (name or Shopify company GID) whose on-account orders are approved. */
  approvedCompanies: tagList.default([]),
  /** Approve on-account orders that fit in the customer's remaining SparkLayer credit. */
  approveWithinCredit: z.boolean().default(true),
  /** Any of these tags holds the order, whatever else is true. */
  holdTags: tagList.default(["hold", "loadbay-hold"]),
  /** Hold orders without a PO number. */
  holdWhenPoMissing: z.boolean().default(false),
});
export type ReleaseSettings = z.infer<typeof releaseSettingsSchema>;

export const factSourcesSchema = z.object({
  paymentAttribute: z.string().trim().min(1).default(DEFAULT_FACT_SOURCES.paymentAttribute),
  poSources: z
    .array(z.union([z.literal("poNumber"), z.literal("note"), z.templateLiteral(["attribute:", z.string().min(1)])]))
    .min(1)
    .default(DEFAULT_FACT_SOURCES.poSources),
  groupTagPrefix: z.string().min(1).default(DEFAULT_FACT_SOURCES.groupTagPrefix),
  groupMetafield: z.string().regex(/^[\w-]+\.[\w-]+$/, "namespace.key").default(DEFAULT_FACT_SOURCES.groupMetafield),
  companyNameMetafield: z.string().regex(/^[\w-]+\.[\w-]+$/, "namespace.key").default(DEFAULT_FACT_SOURCES.companyNameMetafield),
  creditMetafield: z.string().regex(/^[\w-]+\.[\w-]+$/, "namespace.key").default(DEFAULT_FACT_SOURCES.creditMetafield),
});

export const orderSettingsSchema = z.object({
  release: releaseSettingsSchema.default(releaseSettingsSchema.parse({})),
  factSources: factSourcesSchema.default(factSourcesSchema.parse({})),
});
export type OrderSettings = z.infer<typeof orderSettingsSchema>;

/** Stored settings, with defaults for anything missing; invalid stored JSON falls back to defaults per section. */
export function readOrderSettings(stored: unknown): OrderSettings {
  const parsed = orderSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : orderSettingsSchema.parse({});
}
