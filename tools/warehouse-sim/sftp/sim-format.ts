// The simulated warehouse's file format, as a switch: CSV files (warehouse-files.ts) or EDI X12
// (x12-files.ts). The warehouse's behaviour (pick-up, duplicates, shipments, stock) is the same for both.
import type { SimLine, WarehouseOrder } from "./sftp-warehouse";
import { dispatchCsv, readOrderFile, stockCsv, type ReceivedOrder, type SimHeaders } from "./warehouse-files";

/** One shipment to write: its parcels, and what is still open on each line after it. */
export interface ShipmentOut {
  order: WarehouseOrder;
  shipmentId: string;
  parcels: { tracking: string; url: string; lines: SimLine[] }[];
  complete: boolean;
  at: Date;
  carrier: string;
  /** Per SKU of the order: still to ship after this shipment. */
  remaining: Map<string, number>;
}

/** `answer`: a file the warehouse writes back to its outbox for this one (X12: the 997). `notAnOrder`: taken in, but no order (an inbound 997). */
export type ReadOrderFileResult = ({ ok: true; orders: ReceivedOrder[]; notAnOrder?: boolean } | { ok: false; reason: string }) & { answer?: string };

export interface SimFileFormat {
  extension: string;
  readOrderFile(content: Buffer, products: Set<string> | null): ReadOrderFileResult;
  dispatchFile(shipment: ShipmentOut): string;
  stockFile(facility: string, levels: [string, number][], at: Date): string;
  /** Stock movements as a delta file; absent: a snapshot is written after each movement. */
  adjustmentFile?(facility: string, movements: { sku: string; delta: number }[], at: Date): string;
}

export function csvFormat(headers: SimHeaders): SimFileFormat {
  return {
    extension: "csv",
    readOrderFile: (content, products) => readOrderFile(content, headers.order, products),
    dispatchFile: (s) =>
      dispatchCsv(
        s.parcels.flatMap((p) =>
          p.lines.map((l) => ({
            shipmentId: s.shipmentId, orderReference: s.order.reference, warehouseReference: s.order.id, shippedAt: s.at, carrier: s.carrier,
            trackingNumber: p.tracking, trackingUrl: p.url, sku: l.sku, quantity: l.quantity, complete: s.complete,
          })),
        ),
        headers.dispatch,
      ),
    stockFile: (facility, levels, at) => stockCsv(facility, levels, at, headers.stock),
  };
}
