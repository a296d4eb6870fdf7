// shop.settings.operations. One UPDATE with jsonb_set replaces only the "operations" key: PostgreSQL
// locks the row and, if another save (the mapping settings store) committed first, applies jsonb_set to
// that newer row, so neither save loses the other's key. It moves updatedAt on like the mapping store
// does: that timestamp is the version per-shop caches of shop.settings compare.
import type { Db } from "~/lib/db.server";
import type { OperationsSettings } from "~/modules/fulfilments/operations-settings.schema";
import type { OperationsSettingsStore } from "~/modules/operations/operations-settings.use-case";

export class PrismaOperationsSettingsStore implements OperationsSettingsStore {
  constructor(private readonly db: Db) {}

  async read(shop: string) {
    return this.db.shop.findUnique({ where: { domain: shop }, select: { settings: true } });
  }

  async writeOperations(shop: string, operations: OperationsSettings): Promise<boolean> {
    const changed = await this.db.$executeRaw`
      UPDATE "shop"
      SET "settings" = jsonb_set(CASE WHEN jsonb_typeof("settings") = 'object' THEN "settings" ELSE '{}'::jsonb END, '{operations}', ${JSON.stringify(operations)}::jsonb, true),
          "updatedAt" = GREATEST(now(), "updatedAt" + interval '1 millisecond')
      WHERE "domain" = ${shop}`;
    return changed === 1;
  }
}
