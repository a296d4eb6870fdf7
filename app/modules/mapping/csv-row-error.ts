// An import problem as the page lists it. Apart from mapping-csv.ts so pages can show errors without
// bundling the CSV parser.

/**
 * One bad row (or the header, row 1) of an import, with a sentence a merchant understands. Row null:
 * a problem the import would cause elsewhere in the settings (a rule left pointing at a facility the
 * file removes); the message says where.
 */
export interface CsvRowError {
  row: number | null;
  field: string | null;
  message: string;
}

/** How an import error reads on its own line: "Row 4, factor: “0” is too small: use at least 1." */
export const describeCsvError = (e: CsvRowError): string => (e.row === null ? e.message : `Row ${e.row}${e.field ? `, ${e.field}` : ""}: ${e.message}`);
