import type { ShopState } from "../state/shop-state";
import type { FulfillmentOrderLineRecord, FulfillmentOrderRecord, OrderRecord } from "../state/types";
import { userError, type UserError } from "./user-error";

export interface PlannedLine {
  foLine: FulfillmentOrderLineRecord;
  quantity: number;
}

export type FulfillmentPlan =
  | { ok: true; order: OrderRecord; fulfillmentOrders: FulfillmentOrderRecord[]; lines: PlannedLine[] }
  | { ok: false; errors: UserError[] };

interface RequestedGroup {
  fulfillmentOrderId: string;
  fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null;
}

const FIELD = ["fulfillment"];

/** Checks ids, statuses and quantities for `fulfillmentCreate` and lists the lines to fulfil. */
export function planFulfillment(shop: ShopState, groups: RequestedGroup[]): FulfillmentPlan {
  const fulfillmentOrders: FulfillmentOrderRecord[] = [];
  const lines: PlannedLine[] = [];
  for (const group of groups) {
    const fo = shop.fulfillmentOrders.get(group.fulfillmentOrderId);
    if (!fo) return fail("Fulfillment order does not exist.");
    if (fo.status !== "OPEN" && fo.status !== "IN_PROGRESS") {
      return fail(`Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.`);
    }
    const planned = planGroup(fo, group.fulfillmentOrderLineItems ?? null);
    if ("error" in planned) return fail(planned.error);
    fulfillmentOrders.push(fo);
    lines.push(...planned.lines);
  }
  const first = fulfillmentOrders[0];
  if (!first) return fail("Line items by fulfillment order can't be blank.");
  if (fulfillmentOrders.some((f) => f.orderId !== first.orderId)) return fail("All fulfillment orders must belong to the same order.");
  if (fulfillmentOrders.some((f) => f.assignedLocationId !== first.assignedLocationId)) {
    return fail("All fulfillment orders must be assigned to the same location.");
  }
  const order = shop.orders.get(first.orderId);
  if (!order) return fail("Fulfillment order does not exist.");
  if (lines.length === 0) return fail("Invalid fulfillment order line item quantity requested.");
  return { ok: true, order, fulfillmentOrders, lines };
}

function planGroup(fo: FulfillmentOrderRecord, requested: { id: string; quantity: number }[] | null): { lines: PlannedLine[] } | { error: string } {
  if (requested === null || requested.length === 0) {
    return { lines: fo.lineItems.filter((l) => l.remainingQuantity > 0).map((l) => ({ foLine: l, quantity: l.remainingQuantity })) };
  }
  const seen = new Set<string>();
  const lines: PlannedLine[] = [];
  for (const item of requested) {
    const foLine = fo.lineItems.find((l) => l.id === item.id);
    if (!foLine || seen.has(item.id)) return { error: "Invalid fulfillment order line item id(s) provided." };
    if (item.quantity <= 0 || item.quantity > foLine.remainingQuantity) {
      return { error: "Invalid fulfillment order line item quantity requested." };
    }
    seen.add(item.id);
    lines.push({ foLine, quantity: item.quantity });
  }
  return { lines };
}

function fail(message: string): FulfillmentPlan {
  return { ok: false, errors: [userError(FIELD, message)] };
}
