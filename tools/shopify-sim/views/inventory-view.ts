import { connection, type PageArgs } from "../graphql/connection";
import type { RequestContext } from "../graphql/context";
import type { ShopState } from "../state/shop-state";
import type { InventoryLevelRecord, LocationRecord } from "../state/types";
import { inventoryItemView } from "./catalog-view";
import { idSort, legacy, metafieldFields } from "./common";

export function levelsOfItem(shop: ShopState, inventoryItemId: string): InventoryLevelRecord[] {
  return shop.levelsByItem.get(inventoryItemId) ?? [];
}

export function inventoryLevelView(shop: ShopState, record: InventoryLevelRecord): Record<string, unknown> {
  return {
    __typename: "InventoryLevel",
    id: record.id,
    isActive: true,
    canDeactivate: true,
    deactivationAlert: null,
    createdAt: record.updatedAt,
    updatedAt: record.updatedAt,
    quantities: (args: { names: string[] }) =>
      args.names.map((name) => ({
        __typename: "InventoryQuantity",
        id: `${record.id}?name=${name}`,
        name,
        quantity: record.quantities[name] ?? 0,
        updatedAt: record.updatedAt,
      })),
    item: () => {
      const item = shop.inventoryItems.get(record.inventoryItemId);
      return item ? inventoryItemView(shop, item) : null;
    },
    location: () => {
      const location = shop.locations.get(record.locationId);
      return location ? locationView(shop, location) : null;
    },
  };
}

export function locationView(shop: ShopState, record: LocationRecord): Record<string, unknown> {
  const levels = () => [...shop.inventoryLevels.values()].filter((l) => l.locationId === record.id);
  return {
    __typename: "Location",
    id: record.id,
    legacyResourceId: legacy(record.id),
    name: record.name,
    isActive: record.isActive,
    isPrimary: record.isPrimary,
    isFulfillmentService: false,
    fulfillsOnlineOrders: true,
    shipsInventory: true,
    hasActiveInventory: () => levels().length > 0,
    hasUnfulfilledOrders: false,
    activatable: !record.isActive,
    deactivatable: record.isActive,
    deletable: false,
    addressVerified: true,
    deactivatedAt: null,
    createdAt: record.createdAt,
    updatedAt: record.createdAt,
    address: { __typename: "LocationAddress", ...record.address, formatted: [] },
    fulfillmentService: null,
    inventoryLevel: (args: { inventoryItemId: string }) => {
      const level = shop.inventoryLevels.get(shop.levelKey(args.inventoryItemId, record.id));
      return level ? inventoryLevelView(shop, level) : null;
    },
    inventoryLevels: (args: PageArgs, ctx: RequestContext) =>
      connection(ctx, levels().map((l) => inventoryLevelView(shop, l)), args, idSort),
    ...metafieldFields(() => [], "LOCATION"),
  };
}
