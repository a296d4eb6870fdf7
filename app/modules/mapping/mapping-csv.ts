// CSV export and import of the mapping tables, for merchants who keep their maps in a spreadsheet.
// Dialect (docs/decisions/0015-mapping-settings-admin.md): UTF-8 with a BOM so Excel reads accents,
// CRLF line ends, a header row of the row schema's field names, lists ";"-separated in one cell, an
// empty cell for an absent value. Import also takes what spreadsheets produce: a BOM or none, LF or
// CRLF, blank rows, ";" as the delimiter (Excel in many European locales), headers in any case and
// order, optional columns left out. Rows are numbered as a spreadsheet shows them (header = row 1).
import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { z } from "zod";
import type { CsvRowError } from "./csv-row-error";
import { issuesOf } from "./mapping-issues";

export { describeCsvError, type CsvRowError } from "./csv-row-error";
import type { MappingSettings } from "./mapping-settings.schema";
import { cellsOf, rowInput, tableRows, TABLES, type Cells, type MappingTableKind, type TableRef } from "./mapping-tables";

export type CsvImport =
  | { ok: true; rows: Record<string, unknown>[]; lines: number[] }
  | { ok: false; errors: CsvRowError[] };

/** A table as a CSV file (header only when the table is empty). */
export function exportRows(ref: TableRef, settings: MappingSettings | Record<string, unknown>): string {
  const { headers } = TABLES[ref.kind];
  const records = tableRows(settings, ref).map((stored) => {
    const cells = cellsOf(ref.kind, stored);
    return headers.map((h) => cells[h] ?? "");
  });
  // csv-stringify quotes a cell holding the record delimiter (CRLF), not a bare line feed; spreadsheets need both quoted.
  return stringify([[...headers], ...records], { bom: true, record_delimiter: "windows", quoted_match: /[\r\n]/ });
}

/** The rows of a CSV file in the form the settings store them, or every bad row; never half of it. */
export function importRows(kind: MappingTableKind, text: string): CsvImport {
  const read = readRecords(text);
  if (!read.ok) return read;
  const [header, ...data] = read.records;
  if (!header) return fail(1, null, "The file is empty. It needs a header row with the column names.");
  const columns = readHeader(kind, header.cells);
  if (!columns.ok) return columns;
  const def = TABLES[kind];
  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  const errors: CsvRowError[] = [];
  for (const record of data) {
    if (record.cells.every((c) => c.trim() === "")) continue;
    const cells = cellsFor(kind, columns.names, record.cells);
    if (record.cells.length > columns.names.length && record.cells.slice(columns.names.length).some((c) => c.trim() !== "")) {
      errors.push({ row: record.row, field: null, message: `This row has more cells than the ${columns.names.length} columns of the header.` });
      continue;
    }
    const parsed = def.rowSchema.safeParse(rowInput(kind, cells));
    if (!parsed.success) {
      errors.push(...issuesOf(parsed.error, cells).map((i) => ({ row: record.row, field: String(i.path[0] ?? ""), message: i.message })));
      continue;
    }
    rows.push(def.toStored(parsed.data as Record<string, unknown>));
    lines.push(record.row);
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows, lines };
}


/**
 * An uploaded file's text: UTF-8 (with or without a BOM) when it is valid UTF-8, else Windows-1252,
 * which is what Excel's plain "CSV (Comma delimited)" writes in Western locales. Decoding such a file
 * as UTF-8 would quietly turn every accented letter into "�".
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const fail = (row: number, field: string | null, message: string): CsvImport => ({ ok: false, errors: [{ row, field, message }] });

type Records = { ok: true; records: { row: number; cells: string[] }[] } | { ok: false; errors: CsvRowError[] };

function readRecords(text: string): Records {
  try {
    const parsed = parse(text, { bom: true, delimiter: delimiterOf(text), info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as { record: string[]; info: { records: number; empty_lines: number } }[];
    // A spreadsheet shows blank rows too, so they count towards the row number.
    return { ok: true, records: parsed.map(({ record, info }) => ({ row: info.records + info.empty_lines, cells: record })) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === "number" ? error.lines : 1;
    return { ok: false, errors: [{ row: line, field: null, message: `The file cannot be read as CSV here: ${CSV_PROBLEMS[error.code] ?? "it is not valid CSV"}.` }] };
  }
}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted cell is never closed",
  CSV_INVALID_CLOSING_QUOTE: "a quote mark inside a quoted cell is not doubled",
  INVALID_OPENING_QUOTE: "a quote mark appears in the middle of a cell that does not start with one",
};

/** "," unless the header row only makes sense split by ";". */
function delimiterOf(text: string): string {
  const first = text.replace(/^\uFEFF/, "").split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  const known = (sep: string) => first.split(sep).filter((h) => KNOWN_HEADERS.has(normalise(h))).length;
  return known(";") > known(",") ? ";" : ",";
}

const normalise = (header: string) => header.trim().replace(/^"|"$/g, "").trim().toLowerCase();
const KNOWN_HEADERS = new Set(Object.values(TABLES).flatMap((t) => t.headers.map(normalise)));

type Header = { ok: true; names: (string | null)[] } | { ok: false; errors: CsvRowError[] };

/** Each column's field name; every required column present, nothing unknown or twice. */
function readHeader(kind: MappingTableKind, cells: string[]): Header {
  const def = TABLES[kind];
  const byName = new Map(def.headers.map((h) => [h.toLowerCase(), h]));
  const errors: CsvRowError[] = [];
  const names = cells.map((cell) => {
    const name = byName.get(normalise(cell)) ?? null;
    if (name === null && cell.trim() !== "") errors.push({ row: 1, field: null, message: `“${cell.trim()}” is not a column of ${def.noun}. The columns are: ${def.headers.join(", ")}.` });
    return name;
  });
  for (const h of def.headers) {
    const count = names.filter((n) => n === h).length;
    if (count > 1) errors.push({ row: 1, field: h, message: `The column ${h} appears ${count} times.` });
    if (count === 0 && requiredColumns(kind).includes(h)) errors.push({ row: 1, field: h, message: `The column ${h} is missing; ${def.noun} need it.` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, names };
}

function cellsFor(kind: MappingTableKind, names: (string | null)[], record: string[]): Cells {
  const cells: Cells = Object.fromEntries(TABLES[kind].headers.map((h) => [h, ""]));
  names.forEach((name, i) => {
    if (name) cells[name] = record[i] ?? "";
  });
  return cells;
}

/** Columns a file must have: fields without a default (for the others, a missing column means empty). */
export function requiredColumns(kind: MappingTableKind): string[] {
  const shape = TABLES[kind].rowSchema.shape as Record<string, z.ZodType>;
  return TABLES[kind].headers.filter((h) => !shape[h]?.safeParse(undefined).success);
}
