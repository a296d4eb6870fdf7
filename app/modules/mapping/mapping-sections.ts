// The settings pages edit the document in three sections: routing (facilities, rules, default, location
// mismatch), units (units of measure, pack patterns, backorder split) and one warehouse connection's
// profile. A section form mirrors the document's shape, with every value as the text the merchant
// edits and every table as rows of cells; saving puts the section back into the stored document and
// validates the whole of it. A form is built from the stored document even when that no longer
// validates, so the page can show each bad value where it is instead of dropping it.
import { z } from "zod";
import { connectionProfileSchema, defaultMappingSettings, type MappingSettings } from "./mapping-settings.schema";
import { asRecord, cellsOf, cellText, getIn, profileOf, rowInput, tableRows, TABLES, withTableRows, type Cells, type MappingTableKind } from "./mapping-tables";

const cells = z.record(z.string().max(100), z.string().max(10_000));
const text = z.string().max(1_000);
const version = z.string().max(64);

export const routingFormSchema = z.object({
  section: z.literal("routing"),
  version,
  facilities: z.array(cells).max(1_000),
  routing: z.object({ rules: z.array(cells).max(20_000), defaultFacilityCode: text, onLocationMismatch: text }),
});

export const unitsFormSchema = z.object({
  section: z.literal("units"),
  version,
  unitsOfMeasure: z.object({ rows: z.array(cells).max(250_000), packSkuPattern: text, packTitlePattern: text }),
  backorderSplit: z.boolean(),
});

const flag = z.boolean();
export const connectionFormSchema = z.object({
  section: z.literal("connection"),
  version,
  connectionId: z.string().trim().min(1).max(100),
  name: text,
  orderKeyPrefix: text,
  serviceCodes: z.object({ rows: z.array(cells).max(10_000), defaultCode: text }),
  sku: z.object({ allowedCharacters: text, maxLength: text, case: text, mode: text, aliases: z.array(cells).max(60_000) }),
  requiredFields: z.object({ phone: flag, poNumber: flag, email: flag, company: flag }),
  address: z.object({ lineMaxLength: text, maxLines: text, overflow: text, fieldMaxLength: text, transliterate: flag }),
  references: z.object({ poNumber: text, orderNumber: text, customerOrganisation: text, deliveryInstructions: text, requestedDeliveryDate: text }),
});

/** What a settings page posts: one section, and the version of it the page was showing. */
export const sectionFormSchema = z.discriminatedUnion("section", [routingFormSchema, unitsFormSchema, connectionFormSchema]);
export type RoutingForm = z.infer<typeof routingFormSchema>;
export type UnitsForm = z.infer<typeof unitsFormSchema>;
export type ConnectionForm = z.infer<typeof connectionFormSchema>;
export type SectionForm = z.infer<typeof sectionFormSchema>;
export type SectionName = SectionForm["section"];
export type SectionRef = { section: "routing" } | { section: "units" } | { section: "connection"; connectionId: string };

type StoredDocument = MappingSettings | Record<string, unknown>;
type Unversioned<T> = T extends unknown ? Omit<T, "version"> : never;

const DEFAULTS = defaultMappingSettings();

/** A stored value, or the default where the document has none (null is a value: "leave it out"). */
function valueAt(doc: unknown, defaults: unknown, path: string[]): unknown {
  const stored = getIn(doc, path);
  return stored === undefined ? getIn(defaults, path) : stored;
}

const rowsOf = (doc: StoredDocument, kind: MappingTableKind, connectionId: string | null = null): Cells[] =>
  tableRows(doc, { kind, connectionId }).map((row) => cellsOf(kind, row));

/** The form of one section as the stored document has it, with its version. */
export function sectionForm(doc: StoredDocument, ref: { section: "routing" }): RoutingForm;
export function sectionForm(doc: StoredDocument, ref: { section: "units" }): UnitsForm;
export function sectionForm(doc: StoredDocument, ref: { section: "connection"; connectionId: string }): ConnectionForm;
export function sectionForm(doc: StoredDocument, ref: SectionRef): SectionForm;
export function sectionForm(doc: StoredDocument, ref: SectionRef): SectionForm {
  const form = unversionedForm(doc, ref);
  return { ...form, version: versionOf(form) } as SectionForm;
}

function unversionedForm(doc: StoredDocument, ref: SectionRef): Unversioned<SectionForm> {
  const at = (path: string[]) => cellText(valueAt(doc, DEFAULTS, path));
  if (ref.section === "routing") {
    return {
      section: "routing",
      facilities: rowsOf(doc, "facilities"),
      routing: { rules: rowsOf(doc, "routing-rules"), defaultFacilityCode: at(["routing", "defaultFacilityCode"]), onLocationMismatch: at(["routing", "onLocationMismatch"]) },
    };
  }
  if (ref.section === "units") {
    return {
      section: "units",
      unitsOfMeasure: { rows: rowsOf(doc, "units-of-measure"), packSkuPattern: at(["unitsOfMeasure", "packSkuPattern"]), packTitlePattern: at(["unitsOfMeasure", "packTitlePattern"]) },
      backorderSplit: valueAt(doc, DEFAULTS, ["backorderSplit"]) === true,
    };
  }
  return connectionForm(doc, ref.connectionId);
}

function connectionForm(doc: StoredDocument, connectionId: string): Unversioned<ConnectionForm> {
  const profile = profileOf(doc, connectionId) ?? {};
  const defaults = connectionProfileSchema.parse({ connectionId });
  const at = (...path: string[]) => cellText(valueAt(profile, defaults, path));
  const on = (...path: string[]) => valueAt(profile, defaults, path) === true;
  return {
    section: "connection",
    connectionId,
    name: at("name"),
    orderKeyPrefix: at("orderKeyPrefix"),
    serviceCodes: { rows: rowsOf(doc, "service-codes", connectionId), defaultCode: at("serviceCodes", "defaultCode") },
    sku: { allowedCharacters: at("sku", "allowedCharacters"), maxLength: at("sku", "maxLength"), case: at("sku", "case"), mode: at("sku", "mode"), aliases: rowsOf(doc, "sku-aliases", connectionId) },
    requiredFields: { phone: on("requiredFields", "phone"), poNumber: on("requiredFields", "poNumber"), email: on("requiredFields", "email"), company: on("requiredFields", "company") },
    address: { lineMaxLength: at("address", "lineMaxLength"), maxLines: at("address", "maxLines"), overflow: at("address", "overflow"), fieldMaxLength: at("address", "fieldMaxLength"), transliterate: on("address", "transliterate") },
    references: {
      poNumber: at("references", "poNumber"),
      orderNumber: at("references", "orderNumber"),
      customerOrganisation: at("references", "customerOrganisation"),
      deliveryInstructions: at("references", "deliveryInstructions"),
      requestedDeliveryDate: at("references", "requestedDeliveryDate"),
    },
  };
}

/** One row of cells as the document holds it before validation. */
export type RowConverter = (kind: MappingTableKind, cells: Cells) => Record<string, unknown>;
export const storedRow: RowConverter = (kind, cells) => TABLES[kind].toStored(rowInput(kind, cells));

/** A converter that gives an unchanged row of cells the same object, so row checks can be remembered. */
export function memoisedRowConverter(): RowConverter {
  const seen = new WeakMap<Cells, Record<string, unknown>>();
  return (kind, cells) => {
    const hit = seen.get(cells);
    if (hit) return hit;
    const row = storedRow(kind, cells);
    seen.set(cells, row);
    return row;
  };
}

/**
 * The stored document with one section replaced by the form (the rest untouched), ready to be
 * validated. Table cells go in as text: the schemas read text as a spreadsheet gives it.
 */
export function applySection(doc: unknown, form: SectionForm, toRow: RowConverter = storedRow): Record<string, unknown> {
  const base = asRecord(doc);
  const stored = (kind: MappingTableKind, rows: Cells[]) => rows.map((r) => toRow(kind, r));
  if (form.section === "routing") {
    const { rules, ...routing } = form.routing;
    return { ...base, facilities: stored("facilities", form.facilities), routing: { ...routing, rules: stored("routing-rules", rules) } };
  }
  if (form.section === "units") {
    const { rows, ...units } = form.unitsOfMeasure;
    return { ...base, unitsOfMeasure: { ...units, rows: stored("units-of-measure", rows) }, backorderSplit: form.backorderSplit };
  }
  const { section: _section, version: _version, serviceCodes, sku, ...profile } = form;
  const ref = { kind: "service-codes" as const, connectionId: form.connectionId };
  const placed = withTableRows(base, ref, []);
  const connections = (placed.connections as unknown[]).map((p) =>
    asRecord(p).connectionId === form.connectionId
      ? { ...profile, serviceCodes: { ...serviceCodes, rows: stored("service-codes", serviceCodes.rows) }, sku: { ...sku, aliases: stored("sku-aliases", sku.aliases) } }
      : p,
  );
  return { ...placed, connections };
}

/** Changes whenever the section's stored content changes; a save from a page showing an older version is refused. */
export function sectionVersion(doc: StoredDocument, ref: SectionRef): string {
  return versionOf(unversionedForm(doc, ref));
}

const versionOf = (form: unknown) => fnv1a(JSON.stringify(form));

/** FNV-1a, 32 bits, as hex: a change detector for one shop's section, not a security measure. */
function fnv1a(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${value.length.toString(36)}-${hash.toString(16)}`;
}
