import { z } from "zod";
import type { ShopState } from "../state/shop-state";
import { upsertMetafield } from "../state/metafields";
import { touch } from "../state/order-status";
import { orderView } from "../views/order-view";
import { echoOrderUpdated } from "../webhooks/events";
import { failed, userError, type Payload } from "./user-error";

const args = z.object({
  input: z.object({
    id: z.string(),
    note: z.string().nullish(),
    poNumber: z.string().nullish(),
    email: z.string().nullish(),
    phone: z.string().nullish(),
    tags: z.array(z.string()).nullish(),
    customAttributes: z.array(z.object({ key: z.string(), value: z.string() })).nullish(),
    metafields: z.array(z.object({ namespace: z.string().nullish(), key: z.string().nullish(), type: z.string().nullish(), value: z.string().nullish() })).nullish(),
  }),
});

/** `orderUpdate`: only the fields sent are changed; `tags` and `customAttributes` replace the whole list. */
export function orderUpdate(shop: ShopState, rawArgs: unknown): Payload {
  const { input } = args.parse(rawArgs);
  const order = shop.orders.get(input.id);
  if (!order) return failed([userError(["id"], "Order does not exist")], ["order"]);
  if (input.note !== undefined) order.note = input.note;
  if (input.poNumber !== undefined) order.poNumber = input.poNumber;
  if (input.email !== undefined) order.email = input.email;
  if (input.phone !== undefined) order.phone = input.phone;
  if (input.tags) order.tags = input.tags;
  if (input.customAttributes) order.customAttributes = input.customAttributes;
  for (const m of input.metafields ?? []) {
    if (m.key && m.value != null) upsertMetafield(shop, order.metafields, { namespace: m.namespace ?? "$app", key: m.key, type: m.type ?? "single_line_text_field", value: m.value });
  }
  touch(shop, order);
  echoOrderUpdated(shop, order.id);
  return { order: orderView(shop, order), userErrors: [] };
}
