// Despatching as a warehouse does it: the whole open order, or some lines of it. A partial despatch
// leaves the rest on a new split order (Mintsoft's "split order"), which gets its own id and tracking later.
import type { OrderStore } from "./order-store";
import { ORDER_STATUS, type WireOrder } from "./wire-types";

export interface DispatchOptions {
  /** What goes in this shipment; everything still open when absent. */
  lines?: { sku: string; quantity: number }[];
  parcels?: number;
  tracking?: { number: string | string[]; url?: string };
  /** The courier service that actually carried it; the order's own when absent. */
  courier?: string;
  at?: Date;
}

function openPart(store: OrderStore, externalRef: string): WireOrder {
  const open = store
    .search(externalRef)
    .filter((o) => o.ExternalOrderReference === externalRef && o.OrderStatusId === ORDER_STATUS.NEW)
    .sort((a, b) => a.Part - b.Part)[0];
  if (!open) throw new Error(`warehouse-sim: no open order with ExternalOrderReference ${externalRef}`);
  return open;
}

function remainder(order: WireOrder, lines: { sku: string; quantity: number }[]): { sku: string; quantity: number }[] {
  const left = new Map(order.OrderItems.map((i) => [i.SKU, i.Quantity]));
  for (const line of lines) {
    const open = left.get(line.sku) ?? 0;
    if (line.quantity <= 0 || line.quantity > open) throw new Error(`warehouse-sim: cannot despatch ${line.quantity} × ${line.sku}; ${open} open`);
    left.set(line.sku, open - line.quantity);
  }
  return [...left].filter(([, q]) => q > 0).map(([sku, quantity]) => ({ sku, quantity }));
}

/** Despatches the lowest open part of the order; returns the despatched (possibly split) order. */
export function dispatchOrder(store: OrderStore, externalRef: string, options: DispatchOptions, now: Date): WireOrder {
  const order = openPart(store, externalRef);
  if (options.lines) {
    const rest = remainder(order, options.lines);
    if (rest.length > 0) {
      store.split(order, rest, now);
      store.setItems(order, options.lines.map((l) => ({ ...l, details: null })));
    }
  }
  const numbers = options.tracking ? [options.tracking.number].flat() : [`MS${order.ID}P1`];
  const at = options.at ?? now;
  Object.assign(order, {
    OrderStatusId: ORDER_STATUS.DESPATCHED,
    DespatchDate: at.toISOString(),
    NumberOfParcels: options.parcels ?? numbers.length,
    // Assumed: several parcels' numbers arrive comma-separated in the one TrackingNumber field.
    TrackingNumber: numbers.join(","),
    TrackingURL: options.tracking?.url ?? `https://track.example.test/${numbers[0] ?? ""}`,
    CourierServiceName: options.courier ?? order.CourierServiceName,
    LastUpdated: at.toISOString(),
  });
  return order;
}
