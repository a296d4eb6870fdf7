// shop.settings.operations. One UPDATE with jsonb_set replaces only the "operations" key: PostgreSQL
// locks the row and, if another save (the mapping settings store) committed first, applies jsonb_set to
// that newer row, so neither save loses the other's key. It moves updatedAt on like the mapping store
// does: that timestamp is the version per-shop caches of shop.settings compare.
import type { Db } from "~/lib/db.server";
import { writeSettingsSection } from "./shop-settings.server";
import type { OperationsSettings } from "~/modules/fulfilments/operations-settings.schema";
import type { OperationsSettingsStore } from "~/modules/operations/operations-settings.use-case";

export class PrismaOperationsSettingsStore implements OperationsSettingsStore {
  constructor(private readonly db: Db) {}

  async read(shop: string) {
    return this.db.shop.findUnique({ where: { domain: shop }, select: { settings: true } });
  }

  writeOperations(shop: string, operations: OperationsSettings): Promise<boolean> {
    return writeSettingsSection(this.db, shop, "operations", operations);
  }
}
