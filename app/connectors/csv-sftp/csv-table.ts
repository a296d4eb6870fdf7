// Reading a warehouse's CSV file (RFC 4180, via csv-parse): a header row, then one record per row.
// Headers are matched case-insensitively and trimmed, because warehouses are not consistent about
// either. Cell readers turn text into the values Loadbay needs, or a sentence saying why not.
import { parse } from "csv-parse/sync";
import { err, ok, type Result } from "~/lib/result";

export interface CsvRow {
  /** 1-based line of the file the row starts on, for messages. */
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  /** Lower-cased, trimmed headers in file order. */
  headers: string[];
  rows: CsvRow[];
}

const normalize = (h: string) => h.trim().toLowerCase();

export function readCsvTable(content: Buffer | string): Result<CsvTable, string> {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let headers: string[] = [];
  try {
    records = parse(content, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      columns: (row: string[]) => (headers = row.map(normalize)),
    });
  } catch (error) {
    return err(`it is not valid CSV (${(error as Error).message})`);
  }
  const twice = headers.find((h, i) => h !== "" && headers.indexOf(h) !== i);
  if (twice) return err(`its header row names the column “${twice}” twice`);
  return ok({ headers, rows: records.map((r) => ({ line: r.info.lines, cells: r.record })) });
}

/** The headers a map names that the file lacks. */
export function missingHeaders(table: CsvTable, wanted: (string | undefined)[]): string[] {
  return wanted.filter((h): h is string => !!h && !table.headers.includes(normalize(h)));
}

/** The cell under `header` (trimmed), or "" when the map leaves the field out or the cell is empty. */
export const cellOf = (row: CsvRow, header: string | undefined): string => (header ? (row.cells[normalize(header)] ?? "") : "");

export function wholeNumber(text: string, { min }: { min: number }): number | null {
  if (!/^-?\d{1,9}$/.test(text)) return null;
  const value = Number(text);
  return value >= min ? value : null;
}

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/;

/** ISO 8601; a date and time without a zone is read as UTC, a bare date as midnight UTC. */
export function timestamp(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const value = LOCAL_TIME.test(text) ? `${text.replace(" ", "T")}Z` : text;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at);
}

const TRUE = new Set(["y", "yes", "true", "1", "x", "complete", "completed"]);
const FALSE = new Set(["", "n", "no", "false", "0", "partial"]);

export function yesNo(text: string): boolean | null {
  const t = text.toLowerCase();
  return TRUE.has(t) ? true : FALSE.has(t) ? false : null;
}
