import { gidType } from "../lib/gid";
import type { ShopState } from "../state/shop-state";
import { bulkOperationView } from "./bulk-operation-view";
import { inventoryItemView, variantView, productView } from "./catalog-view";
import { customerView } from "./customer-view";
import { draftOrderView } from "./draft-order-view";
import { fulfillmentOrderView } from "./fulfillment-order-view";
import { fulfillmentView } from "./fulfillment-view";
import { inventoryLevelView, locationView } from "./inventory-view";
import { orderView } from "./order-view";
import { refundView } from "./refund-view";

type Finder = (shop: ShopState, id: string) => Record<string, unknown> | null;

const finders: Record<string, Finder> = {
  Order: (s, id) => withRecord(s.orders.get(id), (r) => orderView(s, r)),
  DraftOrder: (s, id) => withRecord(s.draftOrders.get(id), (r) => draftOrderView(s, r)),
  FulfillmentOrder: (s, id) => withRecord(s.fulfillmentOrders.get(id), (r) => fulfillmentOrderView(s, r)),
  Fulfillment: (s, id) => withRecord(s.fulfillments.get(id), (r) => fulfillmentView(s, r)),
  Refund: (s, id) => withRecord(s.refunds.get(id), (r) => refundView(s, r)),
  Customer: (s, id) => withRecord(s.customers.get(id), (r) => customerView(s, r)),
  Location: (s, id) => withRecord(s.locations.get(id), (r) => locationView(s, r)),
  ProductVariant: (s, id) => withRecord(s.variants.get(id), (r) => variantView(s, r)),
  Product: (s, id) => productView(s, id),
  InventoryItem: (s, id) => withRecord(s.inventoryItems.get(id), (r) => inventoryItemView(s, r)),
  InventoryLevel: (s, id) => withRecord([...s.inventoryLevels.values()].find((l) => l.id === id), (r) => inventoryLevelView(s, r)),
  BulkOperation: (s, id) => withRecord(s.bulkOperations.get(id), (r) => bulkOperationView(r)),
};

function withRecord<T>(record: T | undefined, view: (r: T) => Record<string, unknown>): Record<string, unknown> | null {
  return record === undefined ? null : view(record);
}

/** `node(id:)`: any object the simulator keeps, found by its GID; null for unknown or unsupported types. */
export function nodeById(shop: ShopState, id: string): Record<string, unknown> | null {
  const type = gidType(id);
  const finder = type ? finders[type] : undefined;
  return finder ? finder(shop, id) : null;
}
