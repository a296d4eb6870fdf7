// The inventory admin pages' reads (Prisma; not a hot path, decision 0016): the latest full sync, a page
// of the drift report with Shopify's newest reading beside each row, and the locations Shopify showed.
// The inventory settings key is saved with one jsonb_set, like the operations settings: a save of another
// key (mapping, operations) at the same moment is kept.
import { Prisma } from "@prisma/client";
import type { Db } from "~/lib/db.server";
import { writeSettingsSection } from "./shop-settings.server";
import type { InventoryAdminReader, InventorySettingsStore, StoredDrift, SyncRunView } from "~/modules/inventory/inventory-admin.ports";
import type { InventorySettings } from "~/modules/inventory/inventory-settings.schema";

export class PrismaInventoryAdmin implements InventoryAdminReader, InventorySettingsStore {
  constructor(private readonly db: Db) {}

  async latestFullRun(shop: string): Promise<SyncRunView | null> {
    return this.db.inventorySyncRun.findFirst({
      where: { shop, kind: "full" },
      orderBy: { startedAt: "desc" },
      select: { id: true, status: true, phase: true, total: true, done: true, unchanged: true, stale: true, points: true, writeCalls: true, message: true, startedAt: true, finishedAt: true },
    });
  }

  async drift(shop: string, page: { offset: number; limit: number }): Promise<{ rows: StoredDrift[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.db.$queryRaw<StoredDrift[]>(Prisma.sql`
        SELECT d."inventoryItemId", d."locationId", d.sku, d."baseSku", m.title, d."shopifyQuantity", d."warehouseQuantity", d."demandQuantity",
               d."firstSeenAt", d."lastSeenAt", r.quantity AS "latestQuantity", r."readAt" AS "latestReadAt"
          FROM inventory_drift d
          LEFT JOIN inventory_item_map m ON m.shop = d.shop AND m."inventoryItemId" = d."inventoryItemId"
          LEFT JOIN shopify_stock_reading r ON r.shop = d.shop AND r."inventoryItemId" = d."inventoryItemId" AND r."locationId" = d."locationId"
         WHERE d.shop = ${shop}
         ORDER BY d."firstSeenAt", d."inventoryItemId", d."locationId"
         OFFSET ${page.offset} LIMIT ${page.limit}`),
      this.db.inventoryDrift.count({ where: { shop } }),
    ]);
    return { rows, total };
  }

  async locationsSeen(shop: string): Promise<string[]> {
    const rows = await this.db.shopifyStockReading.findMany({ where: { shop }, distinct: ["locationId"], select: { locationId: true }, orderBy: { locationId: "asc" } });
    return rows.map((r) => r.locationId);
  }

  async read(shop: string) {
    return this.db.shop.findUnique({ where: { domain: shop }, select: { settings: true } });
  }

  writeInventory(shop: string, inventory: InventorySettings): Promise<boolean> {
    return writeSettingsSection(this.db, shop, "inventory", inventory);
  }
}
