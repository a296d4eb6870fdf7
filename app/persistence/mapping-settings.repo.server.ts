// shop.settings.mapping for the settings pages. A save locks the shop row (SELECT … FOR UPDATE), so
// two saves of different sections never lose each other's changes, and replaces only the "mapping"
// key of shop.settings (jsonb_set), so other settings written meanwhile survive. It moves the row's
// updatedAt on by at least a millisecond: that timestamp is the version the compiled-settings cache
// (mapping-settings.server.ts) compares, in the web process and in every worker.
import type { Db } from "~/lib/db.server";
import type { MappingSettingsStore } from "~/modules/mapping/mapping-settings.ports";
import type { MappingSettings } from "~/modules/mapping/mapping-settings.schema";

// Validating a large document (200,000 unit-of-measure rows) takes a second or two under the lock.
const TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

export class PrismaMappingSettingsStore implements MappingSettingsStore {
  constructor(private readonly db: Db) {}

  async read(shop: string): Promise<{ stored: unknown } | null> {
    const row = await this.db.shop.findUnique({ where: { domain: shop }, select: { settings: true } });
    return row ? { stored: mappingOf(row.settings) } : null;
  }

  async update<T>(shop: string, change: (stored: unknown) => { write: MappingSettings | null; result: T }): Promise<T | null> {
    return this.db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ settings: unknown }[]>`SELECT "settings" FROM "shop" WHERE "domain" = ${shop} FOR UPDATE`;
      if (!row) return null;
      const { write, result } = change(mappingOf(row.settings));
      if (write === null) return result;
      await tx.$executeRaw`
        UPDATE "shop"
        SET "settings" = jsonb_set(CASE WHEN jsonb_typeof("settings") = 'object' THEN "settings" ELSE '{}'::jsonb END, '{mapping}', ${JSON.stringify(write)}::jsonb, true),
            "updatedAt" = GREATEST(now(), "updatedAt" + interval '1 millisecond')
        WHERE "domain" = ${shop}`;
      return result;
    }, TRANSACTION);
  }
}

function mappingOf(settings: unknown): unknown {
  return settings !== null && typeof settings === "object" && !Array.isArray(settings) ? (settings as { mapping?: unknown }).mapping : undefined;
}
