import { z } from "zod";
import type { RequestContext } from "../graphql/context";
import type { ShopState } from "../state/shop-state";
import type { FulfillmentOrderRecord, FulfillmentRecord, OrderRecord } from "../state/types";
import { displayFulfillmentStatus, touch } from "../state/order-status";
import { settledStatus } from "../state/fulfillment-order-rules";
import { shipStock } from "../state/stock-movements";
import { fulfillmentView } from "../views/fulfillment-view";
import { echoOrderUpdated, emitFulfillment, emitOrder } from "../webhooks/events";
import { planFulfillment, type PlannedLine } from "./fulfillment-plan";
import { trackingErrors, trackingInput, trackingRecords } from "./tracking-input";
import { failed, type Payload } from "./user-error";

const args = z.object({
  fulfillment: z.object({
    lineItemsByFulfillmentOrder: z.array(
      z.object({
        fulfillmentOrderId: z.string(),
        fulfillmentOrderLineItems: z.array(z.object({ id: z.string(), quantity: z.number().int() })).nullish(),
      }),
    ),
    notifyCustomer: z.boolean().nullish(),
    trackingInfo: trackingInput,
  }),
  message: z.string().nullish(),
});

/** `fulfillmentCreate`: validates everything first, then applies all of it (Shopify never half-applies). */
export function fulfillmentCreate(shop: ShopState, rawArgs: unknown, ctx: RequestContext): Payload {
  const input = args.parse(rawArgs).fulfillment;
  const tracking = trackingErrors(input.trackingInfo, ["fulfillment", "trackingInfo"]);
  if (tracking.length > 0) return failed(tracking, ["fulfillment"]);
  const plan = planFulfillment(shop, input.lineItemsByFulfillmentOrder);
  if (!plan.ok) return failed(plan.errors, ["fulfillment"]);
  const record = applyFulfillment(shop, plan, {
    notifyCustomer: input.notifyCustomer ?? false,
    tracking: trackingRecords(input.trackingInfo),
  });
  if (takeTimeoutFault(shop)) ctx.dropConnection = true;
  return { fulfillment: fulfillmentView(shop, record), userErrors: [] };
}

interface AppliedPlan {
  order: OrderRecord;
  fulfillmentOrders: FulfillmentOrderRecord[];
  lines: PlannedLine[];
}

function applyFulfillment(shop: ShopState, plan: AppliedPlan, options: Pick<FulfillmentRecord, "notifyCustomer" | "tracking">): FulfillmentRecord {
  const { order } = plan;
  const now = shop.nowIso();
  const record: FulfillmentRecord = {
    id: shop.newId("Fulfillment"),
    orderId: order.id,
    name: `${order.name}-F${order.fulfillmentIds.length + 1}`,
    locationId: plan.fulfillmentOrders[0]?.assignedLocationId ?? "",
    status: "SUCCESS",
    ...options,
    lines: plan.lines.map((l) => ({
      id: shop.newId("FulfillmentLineItem"),
      fulfillmentOrderLineItemId: l.foLine.id,
      lineItemId: l.foLine.lineItemId,
      quantity: l.quantity,
    })),
    fulfillmentOrderIds: plan.fulfillmentOrders.map((f) => f.id),
    createdAt: now,
    updatedAt: now,
  };
  for (const line of plan.lines) {
    line.foLine.remainingQuantity -= line.quantity;
    const variantId = order.lineItems.find((l) => l.id === line.foLine.lineItemId)?.variantId ?? null;
    shipStock(shop, { variantId, locationId: record.locationId, quantity: line.quantity });
  }
  for (const fo of plan.fulfillmentOrders) {
    fo.status = settledStatus(fo);
    fo.updatedAt = now;
  }
  shop.fulfillments.set(record.id, record);
  order.fulfillmentIds.push(record.id);
  touch(shop, order);
  emitFulfillment(shop, "fulfillments/create", record);
  const status = displayFulfillmentStatus(shop, order);
  emitOrder(shop, status === "FULFILLED" ? "orders/fulfilled" : "orders/partially_fulfilled", order);
  echoOrderUpdated(shop, order.id);
  return record;
}

function takeTimeoutFault(shop: ShopState): boolean {
  const fault = shop.faults.fulfillmentCreateTimeout;
  if (fault === true) return true;
  if (typeof fault === "number" && fault > 0) {
    shop.faults.fulfillmentCreateTimeout = fault - 1;
    return true;
  }
  return false;
}
