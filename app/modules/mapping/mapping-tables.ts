// The five maps merchants edit as tables (facilities, routing rules, units of measure, and per warehouse
// connection: service codes and SKU aliases), one definition each. A table row is a record of text
// cells named by the row schema's fields: the settings pages edit exactly what a CSV file holds, and
// both are parsed by the same row schemas. Pure and free of server code, so the pages import it too.
import type { z } from "zod";
import {
  facilitySchema,
  routingRuleRowSchema,
  serviceCodeRowSchema,
  skuAliasRowSchema,
  unitOfMeasureRowSchema,
  LIST_SEPARATOR,
  ROUTING_RULE_CSV_HEADERS,
  SERVICE_CODE_CSV_HEADERS,
  SKU_ALIAS_CSV_HEADERS,
  UNIT_OF_MEASURE_CSV_HEADERS,
  type Facility,
  type MappingSettings,
} from "./mapping-settings.schema";

export const MAPPING_TABLE_KINDS = ["facilities", "routing-rules", "units-of-measure", "service-codes", "sku-aliases"] as const;
export type MappingTableKind = (typeof MAPPING_TABLE_KINDS)[number];

/** One table: the per-connection ones name their warehouse connection. */
export interface TableRef {
  kind: MappingTableKind;
  connectionId: string | null;
}

/** A row as text cells, keyed by header (field name); an empty cell is an absent value. */
export type Cells = Record<string, string>;

export const FACILITY_CSV_HEADERS = Object.keys(facilitySchema.shape) as (keyof Facility)[];

export interface TableDefinition {
  kind: MappingTableKind;
  /** Plural, lower case, for sentences ("3 routing rules"). */
  noun: string;
  title: string;
  headers: readonly string[];
  /** Column labels on the pages; CSV headers stay the field names. */
  labels: Record<string, string>;
  perConnection: boolean;
  /** Where the rows live: in the settings, or in the connection's profile for per-connection tables. */
  path: readonly string[];
  rowSchema: z.ZodObject;
  /** A row (parsed or as cells) in the shape the settings store it; routing rules nest their conditions. */
  toStored(row: Record<string, unknown>): Record<string, unknown>;
  fromStored(stored: Record<string, unknown>): Record<string, unknown>;
  /** Where a column's value sits inside a stored row. */
  fieldPath(field: string): string[];
}

const same = (row: Record<string, unknown>) => row;
const flat = (field: string) => [field];
const inConditions = (field: string) => (field === "name" || field === "facilityCode" ? [field] : ["conditions", field]);
const nestConditions = ({ name, facilityCode, ...conditions }: Record<string, unknown>) => ({ name, facilityCode, conditions });
const flattenConditions = ({ conditions, ...rest }: Record<string, unknown>) => ({ ...rest, ...(conditions as Record<string, unknown>) });

export const TABLES: Record<MappingTableKind, TableDefinition> = {
  facilities: {
    kind: "facilities",
    noun: "facilities",
    title: "Facilities",
    headers: FACILITY_CSV_HEADERS,
    labels: { code: "Code", name: "Name", connectionId: "Warehouse connection", shopifyLocationId: "Shopify location ID" },
    perConnection: false,
    path: ["facilities"],
    rowSchema: facilitySchema,
    toStored: same,
    fromStored: same,
    fieldPath: flat,
  },
  "routing-rules": {
    kind: "routing-rules",
    noun: "routing rules",
    title: "Routing rules",
    headers: ROUTING_RULE_CSV_HEADERS,
    labels: {
      name: "Rule name",
      facilityCode: "Facility",
      country: "Countries",
      postcodePrefix: "Postcodes starting with",
      postcodePattern: "Postcode pattern",
      customerGroup: "Customer groups",
      company: "Companies",
      tag: "Order tags",
      skuPrefix: "SKUs starting with",
    },
    perConnection: false,
    path: ["routing", "rules"],
    rowSchema: routingRuleRowSchema,
    toStored: nestConditions,
    fromStored: flattenConditions,
    fieldPath: inConditions,
  },
  "units-of-measure": {
    kind: "units-of-measure",
    noun: "units of measure",
    title: "Units of measure",
    headers: UNIT_OF_MEASURE_CSV_HEADERS,
    labels: { sku: "Pack SKU", variantId: "Variant ID", baseSku: "Base SKU", factor: "Units per pack" },
    perConnection: false,
    path: ["unitsOfMeasure", "rows"],
    rowSchema: unitOfMeasureRowSchema,
    toStored: same,
    fromStored: same,
    fieldPath: flat,
  },
  "service-codes": {
    kind: "service-codes",
    noun: "service codes",
    title: "Service codes",
    headers: SERVICE_CODE_CSV_HEADERS,
    labels: { matchOn: "Match on", value: "Shipping method", serviceCode: "Warehouse service code" },
    perConnection: true,
    path: ["serviceCodes", "rows"],
    rowSchema: serviceCodeRowSchema,
    toStored: same,
    fromStored: same,
    fieldPath: flat,
  },
  "sku-aliases": {
    kind: "sku-aliases",
    noun: "SKU aliases",
    title: "SKU aliases",
    headers: SKU_ALIAS_CSV_HEADERS,
    labels: { sku: "Shopify SKU", warehouseSku: "Warehouse SKU" },
    perConnection: true,
    path: ["sku", "aliases"],
    rowSchema: skuAliasRowSchema,
    toStored: same,
    fromStored: same,
    fieldPath: flat,
  },
};

export const isTableKind = (value: string): value is MappingTableKind => (MAPPING_TABLE_KINDS as readonly string[]).includes(value);

/** A value as one cell: absent is empty, lists are joined with ";", numbers and booleans as text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(cellText).join(LIST_SEPARATOR);
  return String(value);
}

/** A stored row as the cells a page or a CSV file shows. */
export function cellsOf(kind: MappingTableKind, stored: unknown): Cells {
  const row = TABLES[kind].fromStored(asRecord(stored));
  return Object.fromEntries(TABLES[kind].headers.map((h) => [h, cellText(row[h])]));
}

/** Only the table's own columns; missing cells are empty. */
export function pickCells(kind: MappingTableKind, cells: Cells): Cells {
  return Object.fromEntries(TABLES[kind].headers.map((h) => [h, cells[h] ?? ""]));
}

export const emptyCells = (kind: MappingTableKind): Cells => pickCells(kind, {});

/** Cells as the row schema reads them: an empty cell is an absent value, so a column's default applies. */
export function rowInput(kind: MappingTableKind, cells: Cells): Record<string, string> {
  return Object.fromEntries(TABLES[kind].headers.flatMap((h) => (cells[h]?.trim() ? [[h, cells[h]]] : [])));
}

/** The stored rows of a table (a connection without a profile has none); also of a document that does not validate. */
export function tableRows(settings: MappingSettings | Record<string, unknown>, ref: TableRef): unknown[] {
  const owner = ref.connectionId === null ? settings : profileOf(settings, ref.connectionId);
  const rows = getIn(owner, TABLES[ref.kind].path);
  return Array.isArray(rows) ? rows : [];
}

/** The connections that have a stored profile. */
export function profileIds(doc: unknown): string[] {
  const profiles = asRecord(doc).connections;
  return Array.isArray(profiles) ? profiles.flatMap((p) => (typeof asRecord(p).connectionId === "string" ? [asRecord(p).connectionId as string] : [])) : [];
}

/** A connection's stored profile, if it has one. */
export function profileOf(doc: unknown, connectionId: string): Record<string, unknown> | undefined {
  const profiles = asRecord(doc).connections;
  return Array.isArray(profiles) ? profiles.map(asRecord).find((p) => p.connectionId === connectionId) : undefined;
}

/**
 * A copy of a settings document (stored, or being edited) with one table's rows replaced; a
 * per-connection table gets a new profile when the connection has none yet. Nothing is validated here.
 */
export function withTableRows(doc: unknown, ref: TableRef, rows: unknown[]): Record<string, unknown> {
  const base = asRecord(doc);
  const def = TABLES[ref.kind];
  if (!def.perConnection) return setIn(base, def.path, rows);
  if (ref.connectionId === null) throw new Error(`${ref.kind} belong to a warehouse connection`);
  const profiles = Array.isArray(base.connections) ? base.connections : [];
  const index = profiles.findIndex((p) => asRecord(p).connectionId === ref.connectionId);
  const profile = setIn(index >= 0 ? asRecord(profiles[index]) : { connectionId: ref.connectionId }, def.path, rows);
  const connections = index >= 0 ? profiles.map((p, i) => (i === index ? profile : p)) : [...profiles, profile];
  return { ...base, connections };
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function getIn(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function setIn(doc: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) throw new Error("empty path");
  return { ...doc, [head]: rest.length === 0 ? value : setIn(asRecord(doc[head]), rest, value) };
}
