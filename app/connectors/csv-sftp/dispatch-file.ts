// A warehouse's dispatch file → Loadbay's dispatch advices. One row per SKU per parcel: rows with the
// same shipment id are one shipment, their distinct tracking numbers its parcels, and quantities of one
// SKU across parcels add up. Pure; a file that cannot be read whole is refused with the line at fault.
import { err, ok, type Result } from "~/lib/result";
import type { DispatchAdviceIn } from "../warehouse-connector";
import type { DispatchColumns } from "./column-maps";
import { cellOf, missingHeaders, readCsvTable, timestamp, wholeNumber, yesNo, type CsvRow } from "./csv-table";

export interface RemoteFileInfo {
  /** Remote path, e.g. /dispatches/DSP_0001.csv. */
  path: string;
  modifiedAt: Date;
}

interface DispatchRow {
  shipmentId: string;
  orderReference: string;
  warehouseReference: string;
  shippedAt: Date;
  carrier: string;
  trackingNumbers: string[];
  trackingUrl: string;
  sku: string;
  quantity: number;
  complete: boolean;
}

/** Several parcels' numbers sometimes share one cell. */
const splitNumbers = (text: string) => text.split(/[,;|]/).map((n) => n.trim()).filter(Boolean);
const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

function readRow(row: CsvRow, columns: DispatchColumns, file: RemoteFileInfo): Result<DispatchRow, string> {
  const cell = (field: keyof DispatchColumns) => cellOf(row, columns[field]);
  const orderReference = cell("orderReference");
  const sku = cell("sku");
  if (!orderReference) return err(`the order reference is empty`);
  if (!sku) return err(`the SKU is empty`);
  const quantity = wholeNumber(cell("quantity"), { min: 1 });
  if (quantity === null) return err(`the quantity “${cell("quantity")}” is not a whole number above 0`);
  // Without a shipment id column, the file is the shipment: one per order reference in it.
  const shipmentId = columns.shipmentId ? cell("shipmentId") : `${baseName(file.path)}:${orderReference}`;
  if (!shipmentId) return err(`the shipment id is empty`);
  const shippedText = cell("shippedAt");
  const shippedAt = shippedText ? timestamp(shippedText) : file.modifiedAt;
  if (!shippedAt) return err(`the dispatch time “${shippedText}” is not an ISO 8601 date and time`);
  const complete = yesNo(cell("complete"));
  if (complete === null) return err(`the complete flag “${cell("complete")}” is not yes or no`);
  return ok({
    shipmentId, orderReference, sku, quantity, shippedAt, complete,
    warehouseReference: cell("warehouseReference"), carrier: cell("carrier"), trackingNumbers: splitNumbers(cell("trackingNumber")), trackingUrl: cell("trackingUrl"),
  });
}

const unique = (values: string[]) => [...new Set(values.filter(Boolean))];

function advice(rows: DispatchRow[]): DispatchAdviceIn {
  const [first] = rows as [DispatchRow, ...DispatchRow[]];
  const bySku = new Map<string, number>();
  for (const r of rows) bySku.set(r.sku, (bySku.get(r.sku) ?? 0) + r.quantity);
  return {
    shipmentId: first.shipmentId,
    orderReference: first.orderReference,
    warehouseReference: rows.find((r) => r.warehouseReference)?.warehouseReference ?? null,
    shippedAt: first.shippedAt,
    carrier: rows.find((r) => r.carrier)?.carrier ?? null,
    trackingNumbers: unique(rows.flatMap((r) => r.trackingNumbers)),
    trackingUrls: unique(rows.map((r) => r.trackingUrl)),
    lines: [...bySku].map(([warehouseSku, quantity]) => ({ warehouseSku, quantity })),
    complete: rows.some((r) => r.complete),
  };
}

export function parseDispatchFile(content: Buffer | string, columns: DispatchColumns, file: RemoteFileInfo): Result<DispatchAdviceIn[], string> {
  const refuse = (why: string) => err(`Loadbay cannot read the dispatch file ${file.path}: ${why}.`);
  if (String(content).trim() === "") return ok([]);
  const table = readCsvTable(content);
  if (!table.ok) return refuse(table.error);
  const missing = missingHeaders(table.value, Object.values(columns));
  if (missing.length) return refuse(`it has no column ${missing.map((h) => `“${h}”`).join(", ")} (see the connection's dispatch column map)`);
  const shipments = new Map<string, DispatchRow[]>();
  for (const row of table.value.rows) {
    const read = readRow(row, columns, file);
    if (!read.ok) return refuse(`on line ${row.line}, ${read.error}`);
    const group = shipments.get(read.value.shipmentId);
    if (!group) shipments.set(read.value.shipmentId, [read.value]);
    else if (group[0]?.orderReference !== read.value.orderReference) {
      return refuse(`on line ${row.line}, shipment ${read.value.shipmentId} names a second order (${read.value.orderReference} after ${group[0]?.orderReference})`);
    } else group.push(read.value);
  }
  return ok([...shipments.values()].map(advice));
}
