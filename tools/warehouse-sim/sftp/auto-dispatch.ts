// Auto-dispatch: the warehouse picks and ships every order it takes in by itself, after configurable
// delays, optionally in two shipments (about half of each line first) and in several parcels each.
import type { SftpWarehouse, WarehouseOrder } from "./sftp-warehouse";

export interface AutoDispatch {
  /** From pick-up to picked. */
  pickMs: number;
  /** From picked to each shipment. */
  dispatchMs: number;
  /** Ship about half of every line first and the rest one `dispatchMs` later. */
  splitShipments?: boolean;
  /** Parcels per shipment (lines spread over them); 1 by default. */
  parcels?: number;
}

export function autoDispatcher(later: (ms: number, work: () => void) => void, warehouse: SftpWarehouse, plan: AutoDispatch): (order: WarehouseOrder) => void {
  const parcels = Math.max(1, plan.parcels ?? 1);
  const ship = (order: WarehouseOrder, share: (quantity: number) => number, n: number) => {
    const lines = [...warehouse.open(order)].map(([sku, q]) => ({ sku, quantity: Math.max(1, share(q)) }));
    if (lines.length === 0) return;
    const split = Array.from({ length: Math.min(parcels, lines.length) }, (_, p) => ({
      tracking: `TRK-${order.id}-${n}-${p + 1}`,
      lines: lines.filter((_, i) => i % parcels === p),
    }));
    warehouse.dispatch(order.reference, { parcels: split });
  };
  return (order) => {
    const first = plan.pickMs + plan.dispatchMs;
    if (!plan.splitShipments) return later(first, () => ship(order, (q) => q, 1));
    later(first, () => ship(order, (q) => Math.ceil(q / 2), 1));
    later(first + plan.dispatchMs, () => ship(order, (q) => q, 2));
  };
}

