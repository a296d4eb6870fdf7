// The warehouse status shown on the Shopify order, so staff (order list, tag filters) and the
// SparkLayer portal (metafield) see where the goods are without opening Loadbay. Only warehouse-side
// states are mirrored (holds and payment Shopify shows itself); a cancellation replaces the status only
// when the warehouse had the order, so no stale "at-warehouse" stays behind.
import type { FulfilmentSettings } from "./operations-settings.schema";

export type WarehouseStatus = "at-warehouse" | "partially-shipped" | "shipped" | "cancelled";

const BY_ORDER_STATE: Record<string, WarehouseStatus> = {
  in_fulfilment: "at-warehouse",
  partially_shipped: "partially-shipped",
  shipped: "shipped",
};

/** `written`: the status last written; a cancellation is only mirrored once the warehouse had the order. */
export function warehouseStatusOf(orderState: string, written: string | null): WarehouseStatus | null {
  if (orderState === "cancelled") return written ? "cancelled" : null;
  return BY_ORDER_STATE[orderState] ?? null;
}

export interface StatusWrite {
  status: WarehouseStatus;
  tagsAdd: string[];
  tagsRemove: string[];
  metafield: { namespace: string; key: string; value: string } | null;
}

/** What to write to move the order's status from `written` to `status`; null when nothing changes or nothing is wanted. */
export function planStatusWrite(settings: FulfilmentSettings, written: string | null, status: WarehouseStatus | null): StatusWrite | null {
  if (!status || status === written || (!settings.statusTag && !settings.statusMetafield)) return null;
  const tag = (s: string) => `${settings.statusTagPrefix}-${s}`;
  const [namespace, key] = settings.statusMetafieldKey.split(".") as [string, string];
  return {
    status,
    tagsAdd: settings.statusTag ? [tag(status)] : [],
    tagsRemove: settings.statusTag && written ? [tag(written)] : [],
    metafield: settings.statusMetafield ? { namespace, key, value: status } : null,
  };
}
