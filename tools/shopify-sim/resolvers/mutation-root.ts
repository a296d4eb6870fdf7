import type { GraphQLResolveInfo } from "graphql";
import type { RequestContext } from "../graphql/context";
import { fingerprint, idempotencyKey } from "../graphql/idempotency";
import { checkInputArrays } from "../graphql/input-limits";
import type { ShopState } from "../state/shop-state";
import { bulkOperationRunQuery } from "../mutations/bulk-operation-run-query";
import { draftOrderComplete } from "../mutations/draft-order-complete";
import { fulfillmentCreate } from "../mutations/fulfillment-create";
import { fulfillmentOrderHold } from "../mutations/fulfillment-order-hold";
import { fulfillmentOrderMove } from "../mutations/fulfillment-order-move";
import { fulfillmentOrderReleaseHold } from "../mutations/fulfillment-order-release-hold";
import { fulfillmentTrackingInfoUpdate } from "../mutations/fulfillment-tracking-update";
import { inventorySetQuantities } from "../mutations/inventory-set-quantities";
import { metafieldsSet } from "../mutations/metafields-set";
import { orderUpdate } from "../mutations/order-update";
import { changeTags } from "../mutations/tags";
import type { Payload } from "../mutations/user-error";

type Handler = (shop: ShopState, args: Record<string, unknown>, ctx: RequestContext) => Payload | Promise<Payload>;

const handlers: Record<string, Handler> = {
  fulfillmentCreate: (shop, args, ctx) => fulfillmentCreate(shop, args, ctx),
  fulfillmentTrackingInfoUpdate: (shop, args) => fulfillmentTrackingInfoUpdate(shop, args),
  fulfillmentOrderHold: (shop, args) => fulfillmentOrderHold(shop, args),
  fulfillmentOrderReleaseHold: (shop, args) => fulfillmentOrderReleaseHold(shop, args),
  fulfillmentOrderMove: (shop, args) => fulfillmentOrderMove(shop, args),
  inventorySetQuantities: (shop, args) => inventorySetQuantities(shop, args),
  tagsAdd: (shop, args) => changeTags(shop, args, "add"),
  tagsRemove: (shop, args) => changeTags(shop, args, "remove"),
  orderUpdate: (shop, args) => orderUpdate(shop, args),
  metafieldsSet: (shop, args) => metafieldsSet(shop, args),
  draftOrderComplete: (shop, args) => draftOrderComplete(shop, args),
  bulkOperationRunQuery: (shop, args, ctx) => bulkOperationRunQuery(shop, args, ctx),
};

/** Root `Mutation` fields: input limits, then `@idempotent`, then the handler. Unlisted mutations resolve to null. */
export function mutationRoot(): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    root[name] = (args: Record<string, unknown>, ctx: RequestContext, info: GraphQLResolveInfo) => runMutation(handler, { args, ctx, info });
  }
  return root;
}

async function runMutation(handler: Handler, call: { args: Record<string, unknown>; ctx: RequestContext; info: GraphQLResolveInfo }): Promise<unknown> {
  const { args, ctx, info } = call;
  checkInputArrays(info, args);
  const key = idempotencyKey(info);
  const execute = async (): Promise<Payload> => {
    const latency = ctx.shop.faults.mutationLatencyMs;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    return handler(ctx.shop, args, ctx);
  };
  if (key === undefined) return execute();
  return ctx.shop.idempotency.run(key, fingerprint(info.fieldName, args), execute);
}
