// A warehouse's stock file → free stock per SKU and facility. Pure. Rows without a facility column (or
// with an empty cell) are for the connection's own facility; rows without a time take the file's.
import { err, ok, type Result } from "~/lib/result";
import type { StockLevelIn } from "../warehouse-connector";
import type { StockColumns } from "./column-maps";
import { cellOf, missingHeaders, readCsvTable, timestamp, wholeNumber, type CsvRow } from "./csv-table";
import type { RemoteFileInfo } from "./dispatch-file";

function readRow(row: CsvRow, columns: StockColumns, file: RemoteFileInfo, facilityCode: string): Result<StockLevelIn, string> {
  const cell = (field: keyof StockColumns) => cellOf(row, columns[field]);
  const warehouseSku = cell("sku");
  if (!warehouseSku) return err("the SKU is empty");
  // Some warehouses report oversold stock as negative; Loadbay keeps the figure and lets the buffer rule decide.
  const freeQuantity = wholeNumber(cell("freeQuantity"), { min: Number.MIN_SAFE_INTEGER });
  if (freeQuantity === null) return err(`the free quantity “${cell("freeQuantity")}” is not a whole number`);
  const asOfText = cell("asOf");
  const asOf = asOfText ? timestamp(asOfText) : file.modifiedAt;
  if (!asOf) return err(`the stock time “${asOfText}” is not an ISO 8601 date and time`);
  return ok({ facilityCode: cell("facility") || facilityCode, warehouseSku, freeQuantity, asOf });
}

export function parseStockFile(content: Buffer | string, columns: StockColumns, file: RemoteFileInfo, facilityCode: string): Result<StockLevelIn[], string> {
  const refuse = (why: string) => err(`Loadbay cannot read the stock file ${file.path}: ${why}.`);
  if (String(content).trim() === "") return ok([]);
  const table = readCsvTable(content);
  if (!table.ok) return refuse(table.error);
  const missing = missingHeaders(table.value, Object.values(columns));
  if (missing.length) return refuse(`it has no column ${missing.map((h) => `“${h}”`).join(", ")} (see the connection's stock column map)`);
  const levels: StockLevelIn[] = [];
  for (const row of table.value.rows) {
    const read = readRow(row, columns, file, facilityCode);
    if (!read.ok) return refuse(`on line ${row.line}, ${read.error}`);
    levels.push(read.value);
  }
  return ok(levels);
}
