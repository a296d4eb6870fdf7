import { z } from "zod";
import { gidType } from "../lib/gid";
import type { ShopState } from "../state/shop-state";
import { touch } from "../state/order-status";
import { nodeById } from "../views/node-view";
import { echoOrderUpdated } from "../webhooks/events";
import { failed, userError, type Payload } from "./user-error";

const args = z.object({ id: z.string(), tags: z.array(z.string()) });

/** `tagsAdd` / `tagsRemove` on orders, draft orders and customers. Tags compare case-insensitively. */
export function changeTags(shop: ShopState, rawArgs: unknown, mode: "add" | "remove"): Payload {
  const input = args.parse(rawArgs);
  const record = taggable(shop, input.id);
  if (!record) return failed([userError(["id"], "Resource does not exist or is not taggable.")], ["node"]);
  const incoming = input.tags.flatMap((t) => t.split(",")).map((t) => t.trim()).filter(Boolean);
  const lower = new Set(incoming.map((t) => t.toLowerCase()));
  const before = record.tags.join("|");
  if (mode === "add") {
    for (const tag of incoming) if (!record.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) record.tags.push(tag);
  } else {
    record.tags = record.tags.filter((t) => !lower.has(t.toLowerCase()));
  }
  if (record.tags.join("|") !== before) touch(shop, record);
  if (gidType(input.id) === "Order") echoOrderUpdated(shop, input.id);
  return { node: nodeById(shop, input.id), userErrors: [] };
}

function taggable(shop: ShopState, id: string): { tags: string[]; updatedAt: string } | undefined {
  return shop.orders.get(id) ?? shop.draftOrders.get(id) ?? shop.customers.get(id);
}
