// One row of each mapping table. Admin forms, CSV import and stored settings share these schemas, so
// field names double as CSV headers and every cell also accepts the text a spreadsheet gives
// (empty cell = absent, numbers as text, lists separated by ";").
import { z } from "zod";
import { isValidPattern } from "./patterns";

export const LIST_SEPARATOR = ";";

const text = (max: number) => z.string().trim().min(1).max(max);

/** An absent value: an empty CSV cell and a missing field both mean null. */
export const optionalCell = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : v), schema.nullable()).default(null);

/** A list: a JSON array, or one CSV cell with values separated by ";". Empty means "any". */
export const listCell = <T extends z.ZodType>(item: T, max = 500) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean) : (v ?? [])),
    z.array(item).max(max),
  ).default([]);

/** Facility codes end up in idempotency keys and file names, so they are short and plain. */
export const facilityCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/, "1 to 12 letters, digits or dashes");

/** ISO 3166-1 alpha-2, as Shopify gives it. "UK" is what people type for GB. */
export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((c) => (c === "UK" ? "GB" : c))
  .pipe(z.string().regex(/^[A-Z]{2}$/, "a two-letter country code"));

/** A regular expression source, matched case-insensitively. */
export const patternSchema = z.string().trim().min(1).max(200).refine(isValidPattern, "not a valid regular expression");

/** All given conditions must hold; within one condition any listed value will do. No conditions matches every order. */
export const routingConditionsSchema = z.object({
  country: listCell(countryCodeSchema),
  /** UK-style postcodes match by area ("LS"), district ("LS1") or sector ("LS1 1"); others by plain prefix. */
  postcodePrefix: listCell(text(10)),
  postcodePattern: optionalCell(patternSchema),
  customerGroup: listCell(text(255)),
  /** Company name or Shopify company GID. */
  company: listCell(text(255)),
  tag: listCell(text(255)),
  /** Routes single lines: a rule with SKU prefixes takes only the lines whose SKU starts with one. */
  skuPrefix: listCell(text(255)),
});
export type RoutingConditions = z.infer<typeof routingConditionsSchema>;

const ruleName = z.string().trim().max(100).default("");

export const routingRuleSchema = z.object({
  name: ruleName,
  facilityCode: facilityCodeSchema,
  conditions: routingConditionsSchema.prefault({}),
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;

/** The same rule flattened for CSV: one column per condition. */
export const routingRuleRowSchema = z.object({ name: ruleName, facilityCode: facilityCodeSchema, ...routingConditionsSchema.shape });
export type RoutingRuleRow = z.infer<typeof routingRuleRowSchema>;
export const ROUTING_RULE_CSV_HEADERS = Object.keys(routingRuleRowSchema.shape) as (keyof RoutingRuleRow)[];

export const routingRuleFromRow = ({ name, facilityCode, ...conditions }: RoutingRuleRow): RoutingRule => ({ name, facilityCode, conditions });
export const routingRuleToRow = (rule: RoutingRule): RoutingRuleRow => ({ name: rule.name, facilityCode: rule.facilityCode, ...rule.conditions });

export const unitOfMeasureRowSchema = z
  .object({
    sku: optionalCell(text(255)),
    variantId: optionalCell(text(255)),
    baseSku: text(255),
    factor: z.coerce.number().int().min(1).max(100_000),
  })
  .refine((r) => r.sku !== null || r.variantId !== null, { message: "give a SKU or a variant id", path: ["sku"] });
export type UnitOfMeasureRow = z.infer<typeof unitOfMeasureRowSchema>;
export const UNIT_OF_MEASURE_CSV_HEADERS = ["sku", "variantId", "baseSku", "factor"] as const;

export const serviceCodeRowSchema = z.object({
  /** Which part of Shopify's shipping line `value` is compared with (case and spacing ignored). */
  matchOn: z.enum(["title", "code", "carrier"]).default("title"),
  value: text(255),
  serviceCode: text(50),
});
export type ServiceCodeRow = z.infer<typeof serviceCodeRowSchema>;
export const SERVICE_CODE_CSV_HEADERS = Object.keys(serviceCodeRowSchema.shape) as (keyof ServiceCodeRow)[];

export const skuAliasRowSchema = z.object({ sku: text(255), warehouseSku: text(255) });
export type SkuAliasRow = z.infer<typeof skuAliasRowSchema>;
export const SKU_ALIAS_CSV_HEADERS = Object.keys(skuAliasRowSchema.shape) as (keyof SkuAliasRow)[];
