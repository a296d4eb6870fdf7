// A CSV file replaces one table of the mapping settings. All or nothing: a file with any bad row, or
// one that would leave the settings invalid elsewhere (a rule pointing at a facility the file drops),
// changes nothing, and every problem is listed by the file's row number.
import type { ConnectionRepository } from "~/modules/connections/connections.ports";
import { validateSettings } from "./check-mapping-settings";
import { importRows, type CsvRowError } from "./mapping-csv";
import { profileOf, TABLES, withTableRows, type TableRef } from "./mapping-tables";
import { openMappingExceptions } from "./open-mapping-exceptions";
import { NOT_FOUND, type MappingSettingsDeps } from "./save-mapping-section.use-case";
import type { SettingsIssue } from "./mapping-issues";
import { describeIssueView, viewIssue } from "./settings-issue-view";

export type ImportTableResult =
  | { ok: true; count: number; message: string; openExceptions: { kind: string; count: number }[] }
  | { ok: false; message: string; errors: CsvRowError[] };

export async function importMappingTable(deps: MappingSettingsDeps & { connections: Pick<ConnectionRepository, "list"> }, input: { shop: string; table: TableRef; text: string }): Promise<ImportTableResult> {
  const { noun } = TABLES[input.table.kind];
  const parsed = importRows(input.table.kind, input.text);
  if (!parsed.ok) return refused(parsed.errors, noun);
  const connectionId = input.table.connectionId;
  const connected = connectionId !== null && (await deps.connections.list(input.shop)).some((c) => c.id === connectionId);
  const outcome = await deps.store.update(input.shop, (stored) => {
    if (connectionId !== null && !connected && !profileOf(stored, connectionId)) return { write: null, result: { errors: [UNKNOWN_CONNECTION] } };
    const candidate = withTableRows(stored, input.table, parsed.rows);
    const validated = validateSettings(candidate);
    if (validated.ok) return { write: validated.settings, result: { errors: [] } };
    return { write: null, result: { errors: validated.issues.map((issue) => rowError(issue, candidate, input.table, parsed.lines)) } };
  });
  if (outcome === null) return { ok: false, message: NOT_FOUND.message, errors: [] };
  if (outcome.errors.length) return refused(outcome.errors, noun);
  const count = parsed.rows.length;
  return {
    ok: true,
    count,
    message: `Imported ${count} ${count === 1 ? "row" : "rows"}: the ${noun} now match the file.`,
    openExceptions: await openMappingExceptions(deps.exceptions, input.shop),
  };
}

const UNKNOWN_CONNECTION: CsvRowError = { row: null, field: null, message: "This warehouse connection does not exist. Open the settings from the list of warehouses and try again." };

function refused(errors: CsvRowError[], noun: string): ImportTableResult {
  if (errors.includes(UNKNOWN_CONNECTION)) return { ok: false, message: UNKNOWN_CONNECTION.message, errors: [] };
  const sorted = [...errors].sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
  const rows = new Set(sorted.flatMap((e) => (e.row === null ? [] : [e.row]))).size;
  const reasons = [
    rows === 0 ? null : rows === 1 ? "one row needs fixing" : `${rows} rows need fixing`,
    sorted.some((e) => e.row === null) ? "the file would leave other settings with problems" : null,
  ].filter(Boolean);
  return { ok: false, message: `Nothing was imported: ${reasons.join(", and ")}. The ${noun} are unchanged.`, errors: sorted };
}

/** A problem on an imported row gets the file's row number; anything else says where it is. */
function rowError(issue: SettingsIssue, candidate: unknown, table: TableRef, lines: number[]): CsvRowError {
  const view = viewIssue(issue, candidate);
  const row = view.cell?.kind === table.kind && view.connectionId === table.connectionId ? view.cell.row : null;
  if (row === null) return { row: null, field: null, message: describeIssueView(view) };
  return { row: lines[row] ?? null, field: view.cell?.field ?? null, message: view.message };
}
