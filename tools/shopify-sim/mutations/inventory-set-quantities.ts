import { z } from "zod";
import type { ShopState } from "../state/shop-state";
import type { InventoryAdjustmentGroupRecord } from "../state/types";
import { setQuantity } from "../state/inventory";
import { inventoryLevelPayload } from "../webhooks/payloads/shop-payloads";
import { adjustmentGroupView } from "../views/adjustment-group-view";
import { inventorySetErrors } from "./inventory-set-validation";
import { failed, type Payload } from "./user-error";

const row = z.object({
  inventoryItemId: z.string(),
  locationId: z.string(),
  quantity: z.number().int(),
  changeFromQuantity: z.number().int().nullish(),
});

export const inventorySetArgs = z.object({
  input: z.object({
    name: z.string(),
    reason: z.string(),
    referenceDocumentUri: z.string().nullish(),
    quantities: z.array(row),
  }),
});

/** `inventorySetQuantities`: all rows are checked (compare-and-set included) before any is applied. */
export function inventorySetQuantities(shop: ShopState, rawArgs: unknown): Payload {
  const { input } = inventorySetArgs.parse(rawArgs);
  const errors = inventorySetErrors(shop, input, rawArgs);
  if (errors.length > 0) return failed(errors, ["inventoryAdjustmentGroup"]);
  const name = input.name as "available" | "on_hand";
  const group: InventoryAdjustmentGroupRecord = {
    id: shop.newId("InventoryAdjustmentGroup"),
    createdAt: shop.nowIso(),
    reason: input.reason,
    referenceDocumentUri: input.referenceDocumentUri ?? null,
    changes: [],
  };
  for (const q of input.quantities) {
    const level = shop.inventoryLevels.get(shop.levelKey(q.inventoryItemId, q.locationId));
    if (!level) continue;
    const delta = setQuantity(shop, level, name, q.quantity);
    const other = name === "available" ? "on_hand" : "available";
    group.changes.push(
      { name, delta, quantityAfterChange: level.quantities[name] ?? 0, inventoryItemId: q.inventoryItemId, locationId: q.locationId },
      { name: other, delta, quantityAfterChange: level.quantities[other] ?? 0, inventoryItemId: q.inventoryItemId, locationId: q.locationId },
    );
    if (delta !== 0) shop.emit("inventory_levels/update", inventoryLevelPayload(level));
  }
  shop.adjustmentGroups.set(group.id, group);
  return { inventoryAdjustmentGroup: adjustmentGroupView(shop, group), userErrors: [] };
}
