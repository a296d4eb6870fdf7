import { z } from "zod";
import type { ShopState } from "../state/shop-state";
import { completeDraft } from "../state/order-lifecycle";
import { draftOrderView } from "../views/draft-order-view";
import { failed, userError, type Payload } from "./user-error";

const args = z.object({ id: z.string(), paymentPending: z.boolean().nullish() });

export function draftOrderComplete(shop: ShopState, rawArgs: unknown): Payload {
  const input = args.parse(rawArgs);
  const draft = shop.draftOrders.get(input.id);
  if (!draft) return failed([userError(["id"], "Draft order does not exist")], ["draftOrder"]);
  if (draft.status === "COMPLETED") return failed([userError(["id"], "This order has been paid.")], ["draftOrder"]);
  completeDraft(shop, draft.id, { paymentPending: input.paymentPending ?? undefined });
  return { draftOrder: draftOrderView(shop, draft), userErrors: [] };
}
