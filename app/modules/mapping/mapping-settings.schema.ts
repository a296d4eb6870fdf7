// Per-shop mapping settings and, inside them, one profile per warehouse connection. The same schemas
// validate the admin forms, CSV imports (rows in mapping-rows.schema.ts) and what is stored; every
// part has a default, so a shop that has configured nothing yet still parses.
import { z } from "zod";
import { err, failure, ok, type Failure, type Result } from "~/lib/result";
import {
  facilityCodeSchema,
  optionalCell,
  patternSchema,
  routingRuleSchema,
  serviceCodeRowSchema,
  skuAliasRowSchema,
  unitOfMeasureRowSchema,
} from "./mapping-rows.schema";
import { checkSettingsReferences } from "./settings-references";
import { aliasCycles } from "./sku-aliases";

export * from "./mapping-rows.schema";

/** Character-class bodies for the SKU profile form. Whistl, for one, takes alphanumeric SKUs only. */
export const SKU_CHARACTER_PRESETS = {
  printableAscii: "\\x21-\\x7E",
  alphanumeric: "A-Za-z0-9",
  alphanumericDashDotUnderscore: "A-Za-z0-9._\\-",
} as const;

const charClassSchema = z
  .string()
  .min(1)
  .max(100)
  .refine((body) => {
    try {
      new RegExp(`[^${body}]`, "u");
      return true;
    } catch {
      return false;
    }
  }, "not a valid character class");

const fieldName = z.string().trim().min(1).max(100);
const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const facilitySchema = z.object({
  code: facilityCodeSchema,
  name: z.string().trim().min(1).max(100),
  connectionId: z.string().trim().min(1).max(100),
  shopifyLocationId: z.string().trim().min(1).max(255),
});
export type Facility = z.infer<typeof facilitySchema>;

export const skuProfileSchema = z
  .object({
    allowedCharacters: charClassSchema.default(SKU_CHARACTER_PRESETS.printableAscii),
    maxLength: count(1, 255).default(50),
    case: z.enum(["preserve", "upper", "lower"]).default("preserve"),
    /** sanitise strips disallowed characters; reject raises an exception instead. Too long is always rejected. */
    mode: z.enum(["sanitise", "reject"]).default("reject"),
    aliases: z.array(skuAliasRowSchema).max(50_000).default([]),
  })
  .superRefine((profile, ctx) => {
    for (const cycle of aliasCycles(profile.aliases)) {
      ctx.addIssue({ code: "custom", path: ["aliases"], message: `The aliases loop: ${cycle.join(" → ")}.` });
    }
  });
export type SkuProfile = z.infer<typeof skuProfileSchema>;

export const requiredFieldsSchema = z.object({
  phone: z.boolean().default(false),
  poNumber: z.boolean().default(false),
  email: z.boolean().default(false),
  company: z.boolean().default(false),
});
export type RequiredFields = z.infer<typeof requiredFieldsSchema>;

export const addressProfileSchema = z.object({
  lineMaxLength: count(10, 255).default(35),
  /** Street lines the warehouse takes (address1, address2, …). */
  maxLines: count(1, 4).default(2),
  /** wrap: a long line continues on the next free line, and only fails when lines run out. */
  overflow: z.enum(["wrap", "reject"]).default("wrap"),
  /** Limit for name, company and city; null when the warehouse sets none. */
  fieldMaxLength: optionalCell(count(10, 255)).default(null),
  /** Fold to ASCII for warehouses that take nothing else; what cannot be folded raises an exception. */
  transliterate: z.boolean().default(false),
});
export type AddressProfile = z.infer<typeof addressProfileSchema>;

/** Which warehouse field receives each reference; null leaves it out. */
export const referenceMappingSchema = z.object({
  poNumber: optionalCell(fieldName).default("poNumber"),
  orderNumber: optionalCell(fieldName).default("orderNumber"),
  customerOrganisation: optionalCell(fieldName).default("companyName"),
  deliveryInstructions: optionalCell(fieldName).default("deliveryNotes"),
  requestedDeliveryDate: optionalCell(fieldName).default("requiredDeliveryDate"),
}).refine((m) => {
  const fields = Object.values(m).filter((f) => f !== null);
  return new Set(fields).size === fields.length;
}, "Each reference needs its own warehouse field.");
export type ReferenceMapping = z.infer<typeof referenceMappingSchema>;

export const connectionProfileSchema = z.object({
  connectionId: z.string().trim().min(1).max(100),
  /** How merchants know this warehouse ("GXO Leeds"); messages fall back to the facility name. */
  name: optionalCell(z.string().trim().min(1).max(100)).default(null),
  /** Starts every idempotency key, so two shops feeding one warehouse account never collide. */
  orderKeyPrefix: z.string().trim().regex(/^[A-Za-z0-9]{1,6}$/, "1 to 6 letters or digits").default("LB"),
  serviceCodes: z
    .object({ rows: z.array(serviceCodeRowSchema).max(5_000).default([]), defaultCode: optionalCell(z.string().trim().min(1).max(50)).default(null) })
    .prefault({}),
  sku: skuProfileSchema.prefault({}),
  requiredFields: requiredFieldsSchema.prefault({}),
  address: addressProfileSchema.prefault({}),
  references: referenceMappingSchema.prefault({}),
});
export type ConnectionProfile = z.infer<typeof connectionProfileSchema>;

export const mappingSettingsSchema = z
  .object({
    facilities: z.array(facilitySchema).max(500).default([]),
    routing: z
      .object({
        /** First matching rule wins; then the default. */
        rules: z.array(routingRuleSchema).max(10_000).default([]),
        defaultFacilityCode: optionalCell(facilityCodeSchema).default(null),
        onLocationMismatch: z.enum(["move", "exception"]).default("exception"),
      })
      .prefault({}),
    unitsOfMeasure: z
      .object({
        rows: z.array(unitOfMeasureRowSchema).max(200_000).default([]),
        /** A SKU or line title that looks like a pack but has no row is held for review, never sent as one unit. */
        packSkuPattern: patternSchema.default("^(CASE|PACK|BOX)-?\\d+"),
        packTitlePattern: patternSchema.default("\\b(case|pack|box) of \\d+\\b"),
      })
      .prefault({}),
    backorderSplit: z.boolean().default(false),
    connections: z.array(connectionProfileSchema).max(100).default([]),
  })
  .superRefine(checkSettingsReferences);
export type MappingSettings = z.infer<typeof mappingSettingsSchema>;

export const defaultMappingSettings = (): MappingSettings => mappingSettingsSchema.parse({});

/** Stored settings with defaults for every missing part; invalid settings are a named failure listing the issues. */
export function parseMappingSettings(stored: unknown): Result<MappingSettings, Failure<"invalid-mapping-settings">> {
  const parsed = mappingSettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  return err(failure("invalid-mapping-settings", "The mapping settings are not valid. Open the mapping settings, correct them and save.", { issues }));
}
