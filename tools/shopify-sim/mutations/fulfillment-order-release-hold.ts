import { z } from "zod";
import type { ShopState } from "../state/shop-state";
import { settledStatus } from "../state/fulfillment-order-rules";
import { fulfillmentOrderView } from "../views/fulfillment-order-view";
import { echoOrderUpdated, emitFulfillmentOrder } from "../webhooks/events";
import { failed, userError, type Payload } from "./user-error";

const args = z.object({ id: z.string(), holdIds: z.array(z.string()).nullish(), externalId: z.string().nullish() });

/** Releases the given holds (all of this app's holds when `holdIds` is omitted); merchant holds are not the app's to release. */
export function fulfillmentOrderReleaseHold(shop: ShopState, rawArgs: unknown): Payload {
  const input = args.parse(rawArgs);
  const fo = shop.fulfillmentOrders.get(input.id);
  if (!fo) return failed([userError(["id"], "The fulfillment order could not be found.", "FULFILLMENT_ORDER_NOT_FOUND")], ["fulfillmentOrder"]);
  const targets = input.holdIds ?? fo.holds.filter((h) => h.heldByApp).map((h) => h.id);
  for (const holdId of targets) {
    const hold = fo.holds.find((h) => h.id === holdId);
    if (!hold) return failed([userError(["holdIds"], `Fulfillment hold ${holdId} could not be found on this fulfillment order.`, null)], ["fulfillmentOrder"]);
    if (!hold.heldByApp) return failed([userError(["holdIds"], "The app doesn't have access to release this hold.", "INVALID_ACCESS")], ["fulfillmentOrder"]);
  }
  const released = fo.holds.filter((h) => targets.includes(h.id));
  fo.holds = fo.holds.filter((h) => !targets.includes(h.id));
  fo.status = settledStatus(fo);
  fo.updatedAt = shop.nowIso();
  if (released.length > 0) {
    emitFulfillmentOrder(shop, "fulfillment_orders/hold_released", { fulfillment_order: fo, released_fulfillment_hold_ids: released.map((h) => h.id) });
    echoOrderUpdated(shop, fo.orderId);
  }
  return { fulfillmentOrder: fulfillmentOrderView(shop, fo), userErrors: [] };
}
