// Which CSV column holds what, per connection: the columns of the order files Loadbay writes, and the
// columns Loadbay reads from the warehouse's dispatch and stock files. Every map has a default, so a
// warehouse that takes Loadbay's own layout needs no configuration. In the admin form a map is written
// one column per line as `Header = field` (parseColumnLines).
import { z } from "zod";

/** Order-level fields (repeated on every line) and line fields an order file column can carry. */
export const ORDER_FIELDS = [
  "reference", "facility", "service", "name", "company", "address1", "address2", "address3", "city", "region", "postcode",
  "country", "phone", "email", "total", "currency", "line", "sku", "quantity",
] as const;
/** `ref:<name>` takes the mapping's reference field of that name (PO number, order number, …). */
export type OrderField = (typeof ORDER_FIELDS)[number] | `ref:${string}`;

export const DISPATCH_FIELDS = [
  "shipmentId", "orderReference", "warehouseReference", "shippedAt", "carrier", "trackingNumber", "trackingUrl", "sku", "quantity", "complete",
] as const;
export type DispatchField = (typeof DISPATCH_FIELDS)[number];

export const STOCK_FIELDS = ["facility", "sku", "freeQuantity", "asOf"] as const;
export type StockField = (typeof STOCK_FIELDS)[number];

const header = z
  .string()
  .trim()
  .min(1, "A column needs a header name.")
  .max(100)
  .refine((h) => !/[\r\n]/.test(h), "A header name must fit on one line.");

const orderField = z.union([
  z.enum(ORDER_FIELDS),
  z.string().regex(/^ref:[A-Za-z0-9_.-]{1,100}$/, "Reference fields are written ref:<name>, e.g. ref:poNumber."),
]) as z.ZodType<OrderField>;

const sameHeaderTwice = (headers: string[]) => {
  const lower = headers.map((h) => h.toLowerCase());
  return lower.find((h, i) => lower.indexOf(h) !== i);
};

export const orderColumnsSchema = z
  .array(z.object({ header, field: orderField }))
  .min(1)
  .max(200)
  .superRefine((columns, ctx) => {
    const twice = sameHeaderTwice(columns.map((c) => c.header));
    if (twice) ctx.addIssue({ code: "custom", message: `The header “${twice}” is used twice.` });
    for (const needed of ["reference", "sku", "quantity"] as const) {
      if (!columns.some((c) => c.field === needed)) ctx.addIssue({ code: "custom", message: `The order file needs a column for ${needed}.` });
    }
  });
export type OrderColumns = z.infer<typeof orderColumnsSchema>;

/** Field → header for files Loadbay reads; a field left out is not read. */
const inboundMap = <F extends string>(fields: readonly F[], required: readonly F[]) =>
  z
    .partialRecord(z.enum(fields as unknown as [F, ...F[]]), header)
    .superRefine((map, ctx) => {
      const headers = Object.values(map).filter((h): h is string => typeof h === "string");
      const twice = sameHeaderTwice(headers);
      if (twice) ctx.addIssue({ code: "custom", message: `The header “${twice}” is mapped to two fields.` });
      for (const needed of required) if (!map[needed]) ctx.addIssue({ code: "custom", message: `The map needs a column for ${needed}.` });
    });

export const dispatchColumnsSchema = inboundMap(DISPATCH_FIELDS, ["orderReference", "sku", "quantity"]);
export type DispatchColumns = z.infer<typeof dispatchColumnsSchema>;

export const stockColumnsSchema = inboundMap(STOCK_FIELDS, ["sku", "freeQuantity"]);
export type StockColumns = z.infer<typeof stockColumnsSchema>;

/** One row per order line; order-level fields repeated on each. */
export const DEFAULT_ORDER_COLUMNS: OrderColumns = [
  { header: "order_reference", field: "reference" },
  { header: "order_number", field: "ref:orderNumber" },
  { header: "po_number", field: "ref:poNumber" },
  { header: "facility", field: "facility" },
  { header: "service_code", field: "service" },
  { header: "ship_name", field: "name" },
  { header: "ship_company", field: "company" },
  { header: "ship_address1", field: "address1" },
  { header: "ship_address2", field: "address2" },
  { header: "ship_address3", field: "address3" },
  { header: "ship_city", field: "city" },
  { header: "ship_region", field: "region" },
  { header: "ship_postcode", field: "postcode" },
  { header: "ship_country", field: "country" },
  { header: "ship_phone", field: "phone" },
  { header: "ship_email", field: "email" },
  { header: "delivery_notes", field: "ref:deliveryNotes" },
  { header: "required_delivery_date", field: "ref:requiredDeliveryDate" },
  { header: "line_number", field: "line" },
  { header: "sku", field: "sku" },
  { header: "quantity", field: "quantity" },
];

/** One row per SKU per parcel; rows of one shipment share its id. */
export const DEFAULT_DISPATCH_COLUMNS: DispatchColumns = {
  shipmentId: "shipment_id",
  orderReference: "order_reference",
  warehouseReference: "warehouse_reference",
  shippedAt: "shipped_at",
  carrier: "carrier",
  trackingNumber: "tracking_number",
  trackingUrl: "tracking_url",
  sku: "sku",
  quantity: "quantity",
  complete: "complete",
};

export const DEFAULT_STOCK_COLUMNS: StockColumns = { facility: "facility", sku: "sku", freeQuantity: "free_quantity", asOf: "as_of" };

export const columnMapsSchema = z.object({
  orders: orderColumnsSchema.default(DEFAULT_ORDER_COLUMNS),
  /** Whether order files start with a header row. Files Loadbay reads must have one. */
  orderHeaderRow: z.boolean().default(true),
  dispatches: dispatchColumnsSchema.default(DEFAULT_DISPATCH_COLUMNS),
  stock: stockColumnsSchema.default(DEFAULT_STOCK_COLUMNS),
});
export type ColumnMaps = z.output<typeof columnMapsSchema>;

export interface ColumnLine {
  header: string;
  field: string;
}

/**
 * The admin form's syntax: one `Header = field` per line; blank lines and lines starting with # are
 * skipped. The header is everything before the last "=", so a header may itself contain "=".
 */
export function parseColumnLines(text: string): { ok: true; lines: ColumnLine[] } | { ok: false; message: string } {
  const lines: ColumnLine[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf("=");
    if (at <= 0) return { ok: false, message: `Line ${index + 1} (“${line}”) should read Header = field.` };
    lines.push({ header: line.slice(0, at).trim(), field: line.slice(at + 1).trim() });
  }
  return lines.length ? { ok: true, lines } : { ok: false, message: "Write at least one Header = field line, or leave the box empty for the default." };
}

/** Lines → a field → header map for files Loadbay reads; the schema then checks fields and headers. */
export function inboundMapFromLines(lines: ColumnLine[]): { ok: true; map: Record<string, string> } | { ok: false; message: string } {
  const map: Record<string, string> = {};
  for (const { header: h, field } of lines) {
    if (map[field] !== undefined) return { ok: false, message: `The field ${field} is mapped twice.` };
    map[field] = h;
  }
  return { ok: true, map };
}

/** The inverse of parseColumnLines, for help texts and docs. */
export function formatColumnLines(lines: ColumnLine[]): string {
  return lines.map((l) => `${l.header} = ${l.field}`).join("\n");
}

export const inboundLines = (map: Partial<Record<string, string>>): ColumnLine[] =>
  Object.entries(map).flatMap(([field, h]) => (h ? [{ header: h, field }] : []));
