// What the inventory admin pages read (the latest full sync, the drift report, Shopify locations seen)
// and what they write (the inventory settings key, a full sync on the queue).
import type { Facility } from "~/modules/mapping/mapping-settings.schema";
import type { InventorySettings } from "./inventory-settings.schema";

export interface SyncRunView {
  id: string;
  status: "running" | "done" | "failed" | string;
  phase: string;
  total: number;
  done: number;
  unchanged: number;
  stale: number;
  points: number;
  writeCalls: number;
  message: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** A drift row with Shopify's newest reading of the same item × location (a later read or write). */
export interface StoredDrift {
  inventoryItemId: string;
  locationId: string;
  sku: string | null;
  baseSku: string;
  title: string | null;
  shopifyQuantity: number;
  warehouseQuantity: number;
  demandQuantity: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  latestQuantity: number | null;
  latestReadAt: Date | null;
}

export interface InventoryAdminReader {
  latestFullRun(shop: string): Promise<SyncRunView | null>;
  /** One page of the drift report, oldest drift first. */
  drift(shop: string, page: { offset: number; limit: number }): Promise<{ rows: StoredDrift[]; total: number }>;
  /** Shopify locations that hold stock, as the last full read saw them. */
  locationsSeen(shop: string): Promise<string[]>;
}

export interface InventorySettingsStore {
  /** The shop's whole `shop.settings`; null when the shop is unknown. */
  read(shop: string): Promise<{ settings: unknown } | null>;
  /** Replaces `shop.settings.inventory` and nothing else, in one statement. False when the shop is unknown. */
  writeInventory(shop: string, inventory: InventorySettings): Promise<boolean>;
}

export type { Facility };
