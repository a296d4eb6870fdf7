// The simulated warehouse's own file formats: how it reads order files and writes dispatch and stock
// files. Header names are options, so a test can play a warehouse whose columns differ from Loadbay's
// defaults; the defaults match them.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

export interface SimHeaders {
  order: { reference: string; sku: string; quantity: string };
  dispatch: {
    shipmentId: string; orderReference: string; warehouseReference: string; shippedAt: string; carrier: string;
    trackingNumber: string; trackingUrl: string; sku: string; quantity: string; complete: string;
  };
  stock: { facility: string; sku: string; freeQuantity: string; asOf: string };
}

export const DEFAULT_SIM_HEADERS: SimHeaders = {
  order: { reference: "order_reference", sku: "sku", quantity: "quantity" },
  dispatch: {
    shipmentId: "shipment_id", orderReference: "order_reference", warehouseReference: "warehouse_reference", shippedAt: "shipped_at",
    carrier: "carrier", trackingNumber: "tracking_number", trackingUrl: "tracking_url", sku: "sku", quantity: "quantity", complete: "complete",
  },
  stock: { facility: "facility", sku: "sku", freeQuantity: "free_quantity", asOf: "as_of" },
};

export interface ReceivedOrder {
  reference: string;
  lines: { sku: string; quantity: number }[];
  /** The first row of the order, header → cell, for tests that check what arrived. */
  fields: Record<string, string>;
}

export type ReadOrders = { ok: true; orders: ReceivedOrder[] } | { ok: false; reason: string };

/** One file may hold several orders (rows grouped by reference); any bad row refuses the whole file. */
export function readOrderFile(content: Buffer, headers: SimHeaders["order"], products: Set<string> | null): ReadOrders {
  let rows: Record<string, string>[];
  try {
    rows = parse(content, { bom: true, columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    return { ok: false, reason: `Invalid CSV: ${(error as Error).message}` };
  }
  const orders = new Map<string, ReceivedOrder>();
  for (const [index, row] of rows.entries()) {
    const line = index + 2;
    const reference = row[headers.reference] ?? "";
    const sku = row[headers.sku] ?? "";
    const quantity = Number(row[headers.quantity]);
    if (!reference) return { ok: false, reason: `Line ${line}: ${headers.reference} is required` };
    if (!sku) return { ok: false, reason: `Line ${line}: ${headers.sku} is required` };
    if (!Number.isInteger(quantity) || quantity <= 0) return { ok: false, reason: `Line ${line}: ${headers.quantity} must be a positive whole number` };
    if (products && !products.has(sku)) return { ok: false, reason: `Line ${line}: Product not found with SKU: ${sku}` };
    const order = orders.get(reference) ?? { reference, lines: [], fields: row };
    order.lines.push({ sku, quantity });
    orders.set(reference, order);
  }
  return rows.length ? { ok: true, orders: [...orders.values()] } : { ok: false, reason: "The file has no order lines" };
}

export interface DispatchRow {
  shipmentId: string; orderReference: string; warehouseReference: string; shippedAt: Date; carrier: string;
  trackingNumber: string; trackingUrl: string; sku: string; quantity: number; complete: boolean;
}

export function dispatchCsv(rows: DispatchRow[], h: SimHeaders["dispatch"]): string {
  const header = [h.shipmentId, h.orderReference, h.warehouseReference, h.shippedAt, h.carrier, h.trackingNumber, h.trackingUrl, h.sku, h.quantity, h.complete];
  const body = rows.map((r) => [
    r.shipmentId, r.orderReference, r.warehouseReference, r.shippedAt.toISOString(), r.carrier, r.trackingNumber, r.trackingUrl, r.sku, String(r.quantity), r.complete ? "Y" : "N",
  ]);
  return stringify([header, ...body], { record_delimiter: "windows" });
}

export function stockCsv(facility: string, levels: [string, number][], asOf: Date, h: SimHeaders["stock"]): string {
  const body = levels.map(([sku, level]) => [facility, sku, String(level), asOf.toISOString()]);
  return stringify([[h.facility, h.sku, h.freeQuantity, h.asOf], ...body], { record_delimiter: "windows" });
}
