// Loadbay's warehouse order draft → the CSV file the warehouse picks up: one row per SKU, order-level
// fields repeated on every row, columns in the connection's order. Pure and deterministic (no clock, no
// random), so a resubmit writes byte-for-byte the same file.
import { stringify } from "csv-stringify/sync";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { OrderColumns, OrderField } from "./column-maps";

interface OrderLine {
  number: number;
  sku: string;
  quantity: number;
}

/** One row per SKU: dispatch files report by SKU, so two Shopify lines of one SKU would be ambiguous. */
function linesBySku(draft: WarehouseOrderDraft): OrderLine[] {
  const bySku = new Map<string, number>();
  for (const line of draft.lines) bySku.set(line.warehouseSku, (bySku.get(line.warehouseSku) ?? 0) + line.quantity);
  return [...bySku].map(([sku, quantity], i) => ({ number: i + 1, sku, quantity }));
}

function orderValue(draft: WarehouseOrderDraft, field: OrderField): string {
  const { shipTo } = draft;
  if (field.startsWith("ref:")) return draft.references[field.slice(4)] ?? "";
  const values: Record<string, string | null | undefined> = {
    reference: draft.idempotencyKey,
    facility: draft.facilityCode,
    service: draft.serviceCode,
    name: shipTo.name,
    company: shipTo.company,
    address1: shipTo.lines[0],
    address2: shipTo.lines[1],
    address3: shipTo.lines.slice(2).join(", "),
    city: shipTo.city,
    region: shipTo.region,
    postcode: shipTo.postcode,
    country: shipTo.countryCode,
    phone: shipTo.phone,
    email: shipTo.email,
    total: draft.totals.amount,
    currency: draft.totals.currencyCode,
  };
  return values[field] ?? "";
}

function cell(draft: WarehouseOrderDraft, line: OrderLine, field: OrderField): string {
  if (field === "line") return String(line.number);
  if (field === "sku") return line.sku;
  if (field === "quantity") return String(line.quantity);
  return orderValue(draft, field);
}

export function orderRows(draft: WarehouseOrderDraft, columns: OrderColumns): string[][] {
  return linesBySku(draft).map((line) => columns.map((c) => cell(draft, line, c.field)));
}

/** RFC 4180: comma-separated, CRLF between records, quotes where needed (line breaks included). */
export function renderOrderFile(draft: WarehouseOrderDraft, columns: OrderColumns, headerRow: boolean): string {
  const rows = orderRows(draft, columns);
  return stringify(headerRow ? [columns.map((c) => c.header), ...rows] : rows, { record_delimiter: "windows", quoted_match: /[\r\n]/ });
}
