// Stock polls: targets, the cursor kept under `pollCursor.stock` beside the dispatch cursor, and one
// transaction for a page of figures and its cursor. Also the full-sync schedule's candidates.
import type { Sql } from "~/lib/sql.server";
import type { StockPollRepository } from "~/modules/inventory/poll-stock.use-case";
import type { FullSyncSchedule } from "~/modules/inventory/schedule-full-syncs.use-case";
import { parseInventorySettings } from "~/modules/inventory/inventory-settings.schema";
import type { StockAdjustmentIn, StockLevelIn } from "~/modules/transmission/warehouse-connector";
import { applyStockAdjustments, storeStockLevels } from "./stock-levels.repo.server";

export class SqlStockPolls implements StockPollRepository, FullSyncSchedule {
  constructor(private readonly sql: Sql) {}

  async stockPollTargets() {
    const { rows } = await this.sql.run<{ shop: string; connectionId: string }>(
      "stock-poll-targets",
      `SELECT c.shop, c.id::text AS "connectionId" FROM warehouse_connection c JOIN shop s ON s.domain = c.shop
        WHERE c.enabled AND s."uninstalledAt" IS NULL ORDER BY c."createdAt"`,
      [],
    );
    return rows;
  }

  async stockCursor(shop: string, connectionId: string): Promise<string | null> {
    const { rows } = await this.sql.run<{ cursor: string | null }>(
      "stock-cursor",
      `SELECT "pollCursor"->>'stock' AS cursor FROM warehouse_connection WHERE shop = $1 AND id = $2::uuid`,
      [shop, connectionId],
    );
    return rows[0]?.cursor ?? null;
  }

  async storeStockPage(
    shop: string,
    connectionId: string,
    levels: StockLevelIn[],
    nextCursor: string | null,
    source: "poll-snapshot" | "poll-delta",
    adjustments: StockAdjustmentIn[] = [],
  ): Promise<string[]> {
    return this.sql.transaction(async (tx) => {
      // Levels first: an adjustment older than a figure in the same page is already in it.
      const ids = [...(await storeStockLevels(tx, shop, connectionId, levels, source)), ...(await applyStockAdjustments(tx, shop, connectionId, adjustments))];
      if (nextCursor !== null) {
        await tx.run(
          "stock-cursor-save",
          `UPDATE warehouse_connection SET "pollCursor" = jsonb_set(COALESCE("pollCursor", '{}'::jsonb), '{stock}', to_jsonb($3::text)) WHERE shop = $1 AND id = $2::uuid`,
          [shop, connectionId, nextCursor],
        );
      }
      return ids;
    });
  }

  async fullSyncCandidates() {
    const { rows } = await this.sql.run<{ shop: string; settings: { inventory?: unknown } | null; lastStartedAt: Date | null }>(
      "full-sync-candidates",
      `SELECT s.domain AS shop, s.settings, (SELECT max(r."startedAt") FROM inventory_sync_run r WHERE r.shop = s.domain AND r.kind = 'full') AS "lastStartedAt"
         FROM shop s WHERE s."uninstalledAt" IS NULL AND NOT s."dryRun" AND EXISTS (SELECT 1 FROM warehouse_connection c WHERE c.shop = s.domain AND c.enabled)`,
      [],
    );
    return rows.map((r) => ({ shop: r.shop, everyMinutes: parseInventorySettings(r.settings?.inventory).fullSyncEveryMinutes, lastStartedAt: r.lastStartedAt }));
  }
}
