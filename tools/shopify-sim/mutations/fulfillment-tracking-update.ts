import { z } from "zod";
import type { ShopState } from "../state/shop-state";
import { fulfillmentView } from "../views/fulfillment-view";
import { emitFulfillment } from "../webhooks/events";
import { trackingErrors, trackingInput, trackingRecords } from "./tracking-input";
import { failed, userError, type Payload } from "./user-error";

const args = z.object({
  fulfillmentId: z.string(),
  trackingInfoInput: trackingInput,
  notifyCustomer: z.boolean().nullish(),
});

export function fulfillmentTrackingInfoUpdate(shop: ShopState, rawArgs: unknown): Payload {
  const input = args.parse(rawArgs);
  const fulfillment = shop.fulfillments.get(input.fulfillmentId);
  if (!fulfillment) return failed([userError(["fulfillmentId"], "Fulfillment does not exist.")], ["fulfillment"]);
  const errors = trackingErrors(input.trackingInfoInput, ["trackingInfoInput"]);
  if (errors.length > 0) return failed(errors, ["fulfillment"]);
  fulfillment.tracking = trackingRecords(input.trackingInfoInput);
  fulfillment.notifyCustomer = input.notifyCustomer ?? fulfillment.notifyCustomer;
  fulfillment.updatedAt = shop.nowIso();
  emitFulfillment(shop, "fulfillments/update", fulfillment);
  return { fulfillment: fulfillmentView(shop, fulfillment), userErrors: [] };
}
