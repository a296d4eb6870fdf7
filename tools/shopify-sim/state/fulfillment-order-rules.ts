import type { ShopState } from "./shop-state";
import type { FulfillmentOrderRecord, FulfillmentOrderStatus } from "./types";

export type FulfillmentOrderAction = "CREATE_FULFILLMENT" | "HOLD" | "RELEASE_HOLD" | "MOVE" | "SPLIT";

/** What a merchant-managed fulfillment order allows in each status (no fulfillment service requests). */
export function supportedActions(shop: ShopState, fo: FulfillmentOrderRecord): FulfillmentOrderAction[] {
  const otherLocations = [...shop.locations.values()].some((l) => l.isActive && l.id !== fo.assignedLocationId);
  const splittable = fo.lineItems.reduce((a, l) => a + l.remainingQuantity, 0) > 1;
  const actions: FulfillmentOrderAction[] = [];
  if (fo.status === "OPEN" || fo.status === "IN_PROGRESS") actions.push("CREATE_FULFILLMENT", "HOLD");
  if (fo.status === "ON_HOLD") actions.push("RELEASE_HOLD", "HOLD");
  if (isActive(fo.status) && otherLocations) actions.push("MOVE");
  if (isActive(fo.status) && fo.status !== "ON_HOLD" && splittable) actions.push("SPLIT");
  return actions;
}

export function isActive(status: FulfillmentOrderStatus): boolean {
  return status === "OPEN" || status === "IN_PROGRESS" || status === "ON_HOLD" || status === "SCHEDULED";
}

/** Status once holds are gone: IN_PROGRESS when some of it has been fulfilled, else OPEN, CLOSED when nothing remains. */
export function settledStatus(fo: FulfillmentOrderRecord): FulfillmentOrderStatus {
  const remaining = fo.lineItems.reduce((a, l) => a + l.remainingQuantity, 0);
  const total = fo.lineItems.reduce((a, l) => a + l.totalQuantity, 0);
  if (remaining === 0) return "CLOSED";
  if (fo.holds.length > 0) return "ON_HOLD";
  return remaining < total ? "IN_PROGRESS" : "OPEN";
}
