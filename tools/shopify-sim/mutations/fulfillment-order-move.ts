import { z } from "zod";
import type { ShopState } from "../state/shop-state";
import type { FulfillmentOrderRecord } from "../state/types";
import { isActive, settledStatus } from "../state/fulfillment-order-rules";
import { allRemaining, splitOff, type LineTake } from "../state/fulfillment-order-split";
import { fulfillmentOrderView } from "../views/fulfillment-order-view";
import { emitFulfillmentOrder } from "../webhooks/events";
import { failed, userError, type Payload } from "./user-error";

const args = z.object({
  id: z.string(),
  newLocationId: z.string(),
  fulfillmentOrderLineItems: z.array(z.object({ id: z.string(), quantity: z.number().int() })).nullish(),
});

const NULL_FIELDS = ["movedFulfillmentOrder", "originalFulfillmentOrder", "remainingFulfillmentOrder"];

/**
 * `fulfillmentOrderMove`, following the 2026-07 docs: moving a whole, untouched fulfillment order re-assigns it
 * (same id); moving part of it, or one with fulfilled items, creates a new fulfillment order with new line ids;
 * when the destination already has an active fulfillment order for the order, both are replaced by a new one.
 */
export function fulfillmentOrderMove(shop: ShopState, rawArgs: unknown): Payload {
  const input = args.parse(rawArgs);
  const fo = shop.fulfillmentOrders.get(input.id);
  if (!fo) return failed([userError(["id"], "Fulfillment order does not exist.")], NULL_FIELDS);
  const takes = resolveTakes(fo, input.fulfillmentOrderLineItems ?? null);
  const error = moveError(shop, fo, input.newLocationId, takes);
  if (error) return failed([userError(error.field, error.message)], NULL_FIELDS);
  const moved = performMove(shop, fo, takes, input.newLocationId);
  emitFulfillmentOrder(shop, "fulfillment_orders/moved", {
    original_fulfillment_order: fo,
    moved_fulfillment_order: moved,
    destination_location_id: input.newLocationId,
    fulfillment_order_line_items_requested: takes.map((t) => ({ id: t.foLineId, quantity: t.quantity })),
  });
  return {
    movedFulfillmentOrder: fulfillmentOrderView(shop, moved),
    originalFulfillmentOrder: fulfillmentOrderView(shop, fo),
    remainingFulfillmentOrder: null,
    userErrors: [],
  };
}

function resolveTakes(fo: FulfillmentOrderRecord, requested: { id: string; quantity: number }[] | null): LineTake[] {
  if (!requested || requested.length === 0) return allRemaining(fo);
  return requested.map((r) => ({ foLineId: r.id, quantity: r.quantity }));
}

function moveError(shop: ShopState, fo: FulfillmentOrderRecord, locationId: string, takes: LineTake[]) {
  if (!isActive(fo.status)) return { field: ["id"], message: "Cannot move a fulfillment order that is closed." };
  const location = shop.locations.get(locationId);
  if (!location || !location.isActive) return { field: ["newLocationId"], message: "Location does not exist." };
  if (locationId === fo.assignedLocationId) return { field: ["newLocationId"], message: "Cannot move to the location already assigned." };
  if (takes.length === 0) return { field: ["id"], message: "No unfulfilled line items to move." };
  for (const take of takes) {
    const line = fo.lineItems.find((l) => l.id === take.foLineId);
    if (!line || take.quantity <= 0 || take.quantity > line.remainingQuantity) {
      return { field: ["fulfillmentOrderLineItems"], message: "Invalid fulfillment order line item quantity requested." };
    }
    if (!stocks(shop, fo, line.lineItemId, locationId)) {
      return { field: ["newLocationId"], message: `The destination location ${location.name} doesn't stock the requested inventory item.` };
    }
  }
  return null;
}

function stocks(shop: ShopState, fo: FulfillmentOrderRecord, lineItemId: string, locationId: string): boolean {
  const line = shop.orders.get(fo.orderId)?.lineItems.find((l) => l.id === lineItemId);
  const variant = line?.variantId ? shop.variants.get(line.variantId) : undefined;
  if (!variant) return true;
  return shop.inventoryLevels.has(shop.levelKey(variant.inventoryItemId, locationId));
}

function performMove(shop: ShopState, fo: FulfillmentOrderRecord, takes: LineTake[], locationId: string): FulfillmentOrderRecord {
  const untouched = fo.lineItems.every((l) => l.remainingQuantity === l.totalQuantity);
  const wholeOrder = takes.reduce((a, t) => a + t.quantity, 0) === fo.lineItems.reduce((a, l) => a + l.remainingQuantity, 0);
  const existing = activeAt(shop, fo, locationId);
  if (untouched && wholeOrder && !existing && !shop.faults.moveAlwaysCreatesNewFulfillmentOrder) {
    fo.assignedLocationId = locationId;
    fo.updatedAt = shop.nowIso();
    return fo;
  }
  const extra = existing ? allRemaining(existing) : [];
  const moved = splitOff(shop, fo, takes, locationId);
  if (existing) mergeInto(shop, existing, moved, extra);
  fo.status = settledStatus(fo);
  return moved;
}

function activeAt(shop: ShopState, fo: FulfillmentOrderRecord, locationId: string): FulfillmentOrderRecord | undefined {
  return [...shop.fulfillmentOrders.values()].find(
    (f) => f.orderId === fo.orderId && f.id !== fo.id && f.assignedLocationId === locationId && isActive(f.status),
  );
}

/** The destination's existing fulfillment order is closed and its lines recreated in the new one. */
function mergeInto(shop: ShopState, existing: FulfillmentOrderRecord, target: FulfillmentOrderRecord, takes: LineTake[]): void {
  const merged = splitOff(shop, existing, takes, target.assignedLocationId);
  target.lineItems.push(...merged.lineItems);
  shop.fulfillmentOrders.delete(merged.id);
  const order = shop.orders.get(existing.orderId);
  if (order) order.fulfillmentOrderIds = order.fulfillmentOrderIds.filter((id) => id !== merged.id);
  existing.status = "CLOSED";
}
