import { z } from "zod";
import type { ShopState } from "../state/shop-state";
import type { FulfillmentHoldRecord, FulfillmentOrderRecord } from "../state/types";
import { isActive } from "../state/fulfillment-order-rules";
import { splitOff, type LineTake } from "../state/fulfillment-order-split";
import { fulfillmentOrderView, holdView } from "../views/fulfillment-order-view";
import { echoOrderUpdated, emitFulfillmentOrder } from "../webhooks/events";
import { failed, userError, type Payload } from "./user-error";

/** Shopify allows each app at most this many active holds on one fulfillment order. */
export const MAX_APP_HOLDS = 10;

const args = z.object({
  id: z.string(),
  fulfillmentHold: z.object({
    reason: z.string(),
    reasonNotes: z.string().nullish(),
    handle: z.string().nullish(),
    notifyMerchant: z.boolean().nullish(),
    externalId: z.string().nullish(),
    fulfillmentOrderLineItems: z.array(z.object({ id: z.string(), quantity: z.number().int() })).nullish(),
  }),
});

type HoldInput = z.infer<typeof args>["fulfillmentHold"];
const NULL_FIELDS = ["fulfillmentHold", "fulfillmentOrder", "remainingFulfillmentOrder"];

export function fulfillmentOrderHold(shop: ShopState, rawArgs: unknown): Payload {
  const { id, fulfillmentHold: input } = args.parse(rawArgs);
  const fo = shop.fulfillmentOrders.get(id);
  if (!fo) return failed([userError(["id"], "The fulfillment order could not be found.", "FULFILLMENT_ORDER_NOT_FOUND")], NULL_FIELDS);
  const error = holdError(fo, input);
  if (error) return failed([error], NULL_FIELDS);
  const remaining = splitUnheld(shop, fo, input.fulfillmentOrderLineItems ?? []);
  const hold: FulfillmentHoldRecord = {
    id: shop.newId("FulfillmentHold"),
    reason: input.reason,
    reasonNotes: input.reasonNotes ?? null,
    handle: input.handle ?? "",
    notifyMerchant: input.notifyMerchant ?? false,
    externalId: input.externalId ?? null,
    heldByApp: true,
  };
  fo.holds.push(hold);
  fo.status = "ON_HOLD";
  fo.updatedAt = shop.nowIso();
  emitFulfillmentOrder(shop, "fulfillment_orders/placed_on_hold", {
    fulfillment_order: { id: fo.id, status: "on_hold", fulfillment_holds: fo.holds.map((h) => ({ id: h.id, reason: h.reason.toLowerCase(), reason_notes: h.reasonNotes, handle: h.handle })) },
    remaining_fulfillment_order: remaining ?? null,
  });
  echoOrderUpdated(shop, fo.orderId);
  return {
    fulfillmentHold: holdView(hold),
    fulfillmentOrder: fulfillmentOrderView(shop, fo),
    remainingFulfillmentOrder: remaining ? fulfillmentOrderView(shop, remaining) : null,
    userErrors: [],
  };
}

function holdError(fo: FulfillmentOrderRecord, input: HoldInput) {
  const field = ["fulfillmentHold"];
  if (!isActive(fo.status)) return userError(["id"], `The fulfillment order's status is ${fo.status.toLowerCase()} and can't be placed on hold.`, null);
  const appHolds = fo.holds.filter((h) => h.heldByApp);
  if (appHolds.length >= MAX_APP_HOLDS) {
    return userError(["id"], `The maximum number of fulfillment holds for this fulfillment order has been reached for this app. An app can only have up to ${MAX_APP_HOLDS} holds on a single fulfillment order at any one time.`, "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED");
  }
  if (appHolds.some((h) => h.handle === (input.handle ?? ""))) {
    return userError([...field, "handle"], "The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.", "DUPLICATE_FULFILLMENT_HOLD_HANDLE");
  }
  const lines = input.fulfillmentOrderLineItems ?? [];
  if (lines.length > 0 && fo.status === "ON_HOLD") {
    return userError([...field, "fulfillmentOrderLineItems"], "The fulfillment order is not able to be split.", "FULFILLMENT_ORDER_NOT_SPLITTABLE");
  }
  if (new Set(lines.map((l) => l.id)).size !== lines.length) {
    return userError([...field, "fulfillmentOrderLineItems"], "Duplicate fulfillment order line items.", "DUPLICATED_FULFILLMENT_ORDER_LINE_ITEMS");
  }
  for (const line of lines) {
    const found = fo.lineItems.find((l) => l.id === line.id);
    if (line.quantity <= 0) return userError([...field, "fulfillmentOrderLineItems"], "Quantity must be greater than 0.", "GREATER_THAN_ZERO");
    if (!found || line.quantity > found.remainingQuantity) {
      return userError([...field, "fulfillmentOrderLineItems"], "Invalid line item quantity.", "INVALID_LINE_ITEM_QUANTITY");
    }
  }
  return null;
}

/** Holding only some lines moves the others to a new fulfillment order that stays open. */
function splitUnheld(shop: ShopState, fo: FulfillmentOrderRecord, held: { id: string; quantity: number }[]): FulfillmentOrderRecord | null {
  if (held.length === 0) return null;
  const takes: LineTake[] = fo.lineItems.flatMap((l) => {
    const keep = held.find((h) => h.id === l.id)?.quantity ?? 0;
    const rest = l.remainingQuantity - keep;
    return rest > 0 ? [{ foLineId: l.id, quantity: rest }] : [];
  });
  return takes.length > 0 ? splitOff(shop, fo, takes, fo.assignedLocationId) : null;
}
