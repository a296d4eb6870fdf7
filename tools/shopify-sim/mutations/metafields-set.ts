import { z } from "zod";
import { gidType } from "../lib/gid";
import type { ShopState } from "../state/shop-state";
import { metafieldOwner, upsertMetafield } from "../state/metafields";
import { touch } from "../state/order-status";
import { metafieldView } from "../views/common";
import { echoOrderUpdated } from "../webhooks/events";
import { failed, userError, type Payload, type UserError } from "./user-error";

const args = z.object({
  metafields: z.array(
    z.object({ ownerId: z.string(), namespace: z.string().nullish(), key: z.string(), type: z.string().nullish(), value: z.string(), compareDigest: z.string().nullish() }),
  ),
});

/** Shopify caps `metafieldsSet` at 25 metafields per call and applies all or none. */
const MAX_METAFIELDS = 25;

export function metafieldsSet(shop: ShopState, rawArgs: unknown): Payload {
  const { metafields } = args.parse(rawArgs);
  const errors: UserError[] = [];
  if (metafields.length > MAX_METAFIELDS) errors.push(userError(["metafields"], `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS}.`, "LESS_THAN_OR_EQUAL_TO"));
  metafields.forEach((m, i) => {
    if (!metafieldOwner(shop, m.ownerId)) errors.push(userError(["metafields", String(i), "ownerId"], "Owner does not exist.", "INVALID"));
    if (m.type === "json") {
      try {
        JSON.parse(m.value);
      } catch {
        errors.push(userError(["metafields", String(i), "value"], "Value is invalid JSON.", "INVALID_VALUE"));
      }
    }
  });
  if (errors.length > 0) return failed(errors, ["metafields"]);
  const saved = metafields.map((m) => {
    const owner = metafieldOwner(shop, m.ownerId);
    if (!owner) throw new Error("owner vanished between validation and write");
    touch(shop, owner);
    const record = upsertMetafield(shop, owner.metafields, { namespace: m.namespace ?? "$app", key: m.key, type: m.type ?? "single_line_text_field", value: m.value });
    return metafieldView(record, (gidType(m.ownerId) ?? "").toUpperCase());
  });
  for (const ownerId of new Set(metafields.map((m) => m.ownerId))) if (gidType(ownerId) === "Order") echoOrderUpdated(shop, ownerId);
  return { metafields: saved, userErrors: [] };
}
