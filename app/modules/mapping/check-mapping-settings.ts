// Validation of a settings document being edited, in a form a page can show: every problem at once
// (a bad cell does not hide an unknown facility elsewhere), each a sentence placed on its table cell
// or field. The pages run `checkSettings` while the merchant types; the server runs `validateSettings`,
// which adds the full schema parse, before anything is stored.
import { issuesOf, type IssuePath, type SettingsIssue } from "./mapping-issues";
import { connectionProfileSchema, facilityCodeSchema, mappingSettingsSchema, optionalCell, type MappingSettings } from "./mapping-settings.schema";
import { checkSettingsReferences, type SettingsReferenceShape } from "./settings-references";
import { aliasCycles } from "./sku-aliases";
import { asRecord, getIn, TABLES, type MappingTableKind, type TableRef } from "./mapping-tables";
import type { SkuAliasRow } from "./mapping-rows.schema";

/** One row checked against its schema: the stored form, or the problems with paths inside the row. */
export interface CheckedRow {
  value: Record<string, unknown> | null;
  issues: SettingsIssue[];
}
export type RowChecker = (kind: MappingTableKind, row: unknown) => CheckedRow;

export function checkRow(kind: MappingTableKind, row: unknown): CheckedRow {
  const def = TABLES[kind];
  const cells = def.fromStored(asRecord(row));
  const parsed = def.rowSchema.safeParse(cells);
  if (parsed.success) return { value: def.toStored(parsed.data as Record<string, unknown>), issues: [] };
  const issues = issuesOf(parsed.error, cells).map(({ path: [field, ...rest], message }) => ({ path: [...def.fieldPath(String(field)), ...rest], message }));
  return { value: null, issues };
}

/** A row checker that remembers rows by identity, so a page re-checks only the rows that changed. */
export function memoisedRowChecker(): RowChecker {
  const seen = new WeakMap<object, CheckedRow>();
  return (kind, row) => {
    if (row === null || typeof row !== "object") return checkRow(kind, row);
    const hit = seen.get(row);
    if (hit) return hit;
    const checked = checkRow(kind, row);
    seen.set(row, checked);
    return checked;
  };
}

interface TableAt {
  ref: TableRef;
  path: IssuePath;
  rows: unknown[];
}

/** Every table in a document, with where it sits. */
export function tablesIn(doc: unknown): TableAt[] {
  const list = (path: IssuePath) => {
    const rows = getIn(doc, path);
    return Array.isArray(rows) ? rows : [];
  };
  const top = (kind: MappingTableKind): TableAt => ({ ref: { kind, connectionId: null }, path: [...TABLES[kind].path], rows: list([...TABLES[kind].path]) });
  const connections = list(["connections"]).flatMap((profile, i) => {
    const connectionId = String(asRecord(profile).connectionId ?? "");
    return (["service-codes", "sku-aliases"] as const).map((kind) => {
      const path = ["connections", i, ...TABLES[kind].path];
      return { ref: { kind, connectionId }, path, rows: list(path) };
    });
  });
  return [top("facilities"), top("routing-rules"), top("units-of-measure"), ...connections];
}

/** Row, field and cross-reference problems of a document (or of the one section a page holds). */
export function checkSettings(doc: unknown, check: RowChecker = checkRow): SettingsIssue[] {
  const tables = tablesIn(doc).map((t) => ({ ...t, checked: t.rows.map((row) => check(t.ref.kind, row)) }));
  const rowIssues = tables.flatMap((t) => t.checked.flatMap((c, i) => c.issues.map((issue) => ({ path: [...t.path, i, ...issue.path], message: issue.message }))));
  const values = (kind: MappingTableKind, connectionIndex?: number) =>
    tables.find((t) => t.ref.kind === kind && (connectionIndex === undefined || t.path[1] === connectionIndex))?.checked.map((c) => c.value) ?? [];
  return [...rowIssues, ...scalarIssues(doc), ...referenceIssues(doc, values)];
}

/** The whole document as the server stores it, or every problem. */
export function validateSettings(doc: unknown): { ok: true; settings: MappingSettings } | { ok: false; issues: SettingsIssue[] } {
  const issues = checkSettings(doc);
  if (issues.length) return { ok: false, issues };
  const parsed = mappingSettingsSchema.safeParse(doc);
  return parsed.success ? { ok: true, settings: parsed.data } : { ok: false, issues: issuesOf(parsed.error, doc) };
}

const shape = mappingSettingsSchema.shape;

/** The values outside the tables, each part checked with its tables left empty. */
function scalarIssues(doc: unknown): SettingsIssue[] {
  const record = asRecord(doc);
  const part = (key: "routing" | "unitsOfMeasure", tableKey: string) => {
    const value = { ...asRecord(record[key]), [tableKey]: [] };
    const parsed = shape[key].safeParse(value);
    return parsed.success ? [] : issuesOf(parsed.error, value, [key]);
  };
  const split = shape.backorderSplit.safeParse(record.backorderSplit);
  const profiles = Array.isArray(record.connections) ? record.connections : [];
  return [
    ...part("routing", "rules"),
    ...part("unitsOfMeasure", "rows"),
    ...(split.success ? [] : issuesOf(split.error, record.backorderSplit, ["backorderSplit"])),
    ...profiles.flatMap((p, i) => {
      const profile = asRecord(p);
      const value = { ...profile, serviceCodes: { ...asRecord(profile.serviceCodes), rows: [] }, sku: { ...asRecord(profile.sku), aliases: [] } };
      const parsed = connectionProfileSchema.safeParse(value);
      return parsed.success ? [] : issuesOf(parsed.error, value, ["connections", i]);
    }),
  ];
}

type Values = (kind: MappingTableKind, connectionIndex?: number) => (Record<string, unknown> | null)[];

/** Unknown facilities, duplicates and alias loops among the rows that are valid by themselves. */
function referenceIssues(doc: unknown, values: Values): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const codeOf = (value: unknown) => facilityCodeSchema.safeParse(value).data ?? null;
  const rules = getIn(doc, ["routing", "rules"]);
  const fallback = optionalCell(facilityCodeSchema).safeParse(getIn(doc, ["routing", "defaultFacilityCode"]));
  const facilities = getIn(doc, ["facilities"]);
  const profiles = getIn(doc, ["connections"]);
  const shapeOf: SettingsReferenceShape = {
    // A facility with a bad name still has its code: rules pointing at it are not "unknown".
    facilities: (Array.isArray(facilities) ? facilities : []).map((f) => {
      const code = codeOf(asRecord(f).code);
      return code === null ? null : { code };
    }),
    routing: {
      rules: (Array.isArray(rules) ? rules : []).map((r) => {
        const code = codeOf(asRecord(r).facilityCode);
        return code === null ? null : { facilityCode: code };
      }),
      defaultFacilityCode: fallback.success ? fallback.data : null,
    },
    unitsOfMeasure: { rows: values("units-of-measure") as SettingsReferenceShape["unitsOfMeasure"]["rows"] },
    connections: (Array.isArray(profiles) ? profiles : []).map((p, i) => {
      const connectionId = asRecord(p).connectionId;
      if (typeof connectionId !== "string") return null;
      return {
        connectionId: connectionId.trim(),
        serviceCodes: { rows: values("service-codes", i) as ({ matchOn: string; value: string } | null)[] },
        sku: { aliases: values("sku-aliases", i) as (SkuAliasRow | null)[] },
      };
    }),
  };
  checkSettingsReferences(shapeOf, {
    addIssue: (issue) => {
      if (typeof issue !== "string") issues.push({ path: (issue.path ?? []) as IssuePath, message: issue.message ?? "" });
    },
  });
  shapeOf.connections.forEach((c, i) => {
    const aliases = (c?.sku.aliases ?? []).filter((a): a is SkuAliasRow => a !== null);
    for (const cycle of aliasCycles(aliases)) issues.push({ path: ["connections", i, "sku", "aliases"], message: `The aliases loop: ${cycle.join(" → ")}.` });
  });
  return issues;
}
