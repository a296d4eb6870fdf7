import type { ShopState } from "../state/shop-state";
import type { InventoryAdjustmentGroupRecord } from "../state/types";
import { inventoryItemView } from "./catalog-view";
import { locationView } from "./inventory-view";

interface ChangeFilter {
  inventoryItemIds?: string[] | null;
  locationIds?: string[] | null;
  quantityNames?: string[] | null;
}

export function adjustmentGroupView(shop: ShopState, group: InventoryAdjustmentGroupRecord): Record<string, unknown> {
  return {
    __typename: "InventoryAdjustmentGroup",
    id: group.id,
    createdAt: group.createdAt,
    reason: group.reason,
    referenceDocumentUri: group.referenceDocumentUri,
    app: null,
    staffMember: null,
    changes: (args: ChangeFilter) =>
      group.changes
        .filter((c) => !args.inventoryItemIds || args.inventoryItemIds.includes(c.inventoryItemId))
        .filter((c) => !args.locationIds || args.locationIds.includes(c.locationId))
        .filter((c) => !args.quantityNames || args.quantityNames.includes(c.name))
        .map((c) => ({
          __typename: "InventoryChange",
          name: c.name,
          delta: c.delta,
          quantityAfterChange: c.quantityAfterChange,
          ledgerDocumentUri: null,
          item: () => {
            const item = shop.inventoryItems.get(c.inventoryItemId);
            return item ? inventoryItemView(shop, item) : null;
          },
          location: () => {
            const location = shop.locations.get(c.locationId);
            return location ? locationView(shop, location) : null;
          },
        })),
  };
}
