import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { mapOrder } from "~/modules/mapping/map-order";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import { mappingSettings } from "../../../test/support/factories/mapping-settings";
import { orderFacts } from "../../../test/support/factories/order-facts";
import { DEFAULT_ORDER_COLUMNS, type OrderColumns } from "./column-maps";
import { renderOrderFile } from "./order-file";

function draft(over: Parameters<typeof orderFacts>[0] = {}): WarehouseOrderDraft {
  const mapped = mapOrder(orderFacts(over), mappingSettings(), { orderNumber: "1001", revision: 0 }).warehouseOrders[0];
  if (!mapped) throw new Error("fixture did not map");
  return mapped;
}

const line = (id: number, sku: string, quantity: number) => ({ lineItemId: `gid://shopify/LineItem/${id}`, sku, title: sku, quantity, variantId: null, packSize: null });

describe("order file", () => {
  it("writes a header row and one row per SKU, order fields repeated, CRLF line ends", () => {
    const text = renderOrderFile(draft({ lines: [line(1, "WIDGET-1", 12), line(2, "WIDGET-2", 3)] }), DEFAULT_ORDER_COLUMNS, true);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({ order_reference: "LB-1001-LEEDS-0-r0", order_number: "1001", po_number: "PO-1", facility: "LEEDS", service_code: "NDAY", ship_name: "Jo Buyer", ship_postcode: "LS1 1AA", ship_country: "GB", line_number: "1", sku: "WIDGET-1", quantity: "12" }),
      expect.objectContaining({ order_reference: "LB-1001-LEEDS-0-r0", po_number: "PO-1", ship_name: "Jo Buyer", line_number: "2", sku: "WIDGET-2", quantity: "3" }),
    ]);
  });

  it("adds up two Shopify lines of one SKU: dispatch files report by SKU", () => {
    const rows = parse(renderOrderFile(draft({ lines: [line(1, "WIDGET-1", 2), line(2, "WIDGET-1", 5)] }), DEFAULT_ORDER_COLUMNS, true), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.sku, r.quantity])).toEqual([["WIDGET-1", "7"]]);
  });

  it("follows a warehouse's own columns, in its order, without a header row when asked", () => {
    const columns: OrderColumns = [{ header: "Qty", field: "quantity" }, { header: "Item", field: "sku" }, { header: "Ref", field: "reference" }, { header: "PO", field: "ref:poNumber" }, { header: "Missing", field: "ref:nothing" }];
    expect(renderOrderFile(draft(), columns, false)).toBe("12,WIDGET-1,LB-1001-LEEDS-0-r0,PO-1,\r\n");
  });

  it.each([
    ["a comma and quotes", 'Gate 3, "rear"'],
    ["a line break alone", "Gate 3\nring twice"],
  ])("quotes a cell with %s (RFC 4180), so the file reads back to the same values", (_name, note) => {
    const d = draft({ note });
    const text = renderOrderFile(d, DEFAULT_ORDER_COLUMNS, true);
    const [row] = parse(text, { columns: true }) as Record<string, string>[];
    expect(d.references.deliveryNotes).toBe(note);
    expect(row?.delivery_notes).toBe(note);
    // Quoted in the file itself: a parser that splits records on a bare LF must not break the row.
    expect(text).toContain(`,"${note.replace(/"/g, '""')}",`);
  });

  it("is byte-for-byte the same for the same draft", () => {
    expect(renderOrderFile(draft(), DEFAULT_ORDER_COLUMNS, true)).toBe(renderOrderFile(draft(), DEFAULT_ORDER_COLUMNS, true));
  });
});
