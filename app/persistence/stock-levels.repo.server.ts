// Stock intake (issue 9): warehouse figures stored per connection, facility and base SKU, the newest
// `asOf` winning whatever order they arrive in, each changed figure kept in `stock_change` with its time
// and source, and the SKU marked pending so the delta job brings Shopify in line. One statement per
// chunk on node-postgres (decision 0016): this runs for every push and every poll page.
import { NOW_UTC, type SqlRunner } from "~/lib/sql.server";
import type { StockAdjustmentIn, StockLevelIn } from "~/modules/transmission/warehouse-connector";

export type StockSource = "push" | "poll-snapshot" | "poll-delta";

const CHUNK = 5_000;

/** Stores figures; returns the ids of the changes recorded (the first one names the delta job). */
export async function storeStockLevels(tx: SqlRunner, shop: string, connectionId: string, levels: StockLevelIn[], source: StockSource): Promise<string[]> {
  const newest = new Map<string, StockLevelIn>();
  for (const l of levels) {
    // The column holds whole units within PostgreSQL's integer; a figure outside it is a broken feed.
    if (!Number.isFinite(l.freeQuantity) || Math.abs(l.freeQuantity) > 2_000_000_000) continue;
    const key = `${l.facilityCode}\u0000${l.warehouseSku}`;
    const seen = newest.get(key);
    if (!seen || seen.asOf.getTime() <= l.asOf.getTime()) newest.set(key, l);
  }
  const unique = [...newest.values()];
  const ids: string[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const { rows } = await tx.run<{ id: string }>(
      "store-stock-levels",
      `WITH incoming AS (
         SELECT * FROM unnest($3::text[], $4::text[], $5::int[], $6::timestamptz[]) AS t("facilityCode", "baseSku", "freeQuantity", "asOf")
       ), before AS (
         SELECT s."facilityCode", s."baseSku", s."freeQuantity" FROM stock_level s JOIN incoming i USING ("facilityCode", "baseSku")
          WHERE s.shop = $1 AND s."connectionId" = $2::uuid
       ), stored AS (
         INSERT INTO stock_level (id, shop, "connectionId", "facilityCode", "baseSku", "freeQuantity", "asOf", source, "receivedAt", "pendingSince", "updatedAt")
         SELECT gen_random_uuid(), $1, $2::uuid, i."facilityCode", i."baseSku", i."freeQuantity", i."asOf" AT TIME ZONE 'UTC', $7, ${NOW_UTC}, ${NOW_UTC}, ${NOW_UTC}
           FROM incoming i
         ON CONFLICT (shop, "connectionId", "facilityCode", "baseSku") DO UPDATE
           SET "freeQuantity" = EXCLUDED."freeQuantity", "asOf" = EXCLUDED."asOf", source = EXCLUDED.source, "receivedAt" = EXCLUDED."receivedAt",
               -- Only a changed figure asks the delta job for work; a repeated snapshot leaves it to the reconciliation.
               "pendingSince" = CASE WHEN stock_level."freeQuantity" = EXCLUDED."freeQuantity" THEN stock_level."pendingSince"
                                     ELSE COALESCE(stock_level."pendingSince", EXCLUDED."pendingSince") END,
               "updatedAt" = EXCLUDED."updatedAt"
           WHERE stock_level."asOf" <= EXCLUDED."asOf"
         RETURNING "facilityCode", "baseSku", "freeQuantity", "asOf"
       )
       INSERT INTO stock_change (id, shop, "connectionId", "facilityCode", "baseSku", "freeQuantity", "asOf", source, "receivedAt")
       SELECT gen_random_uuid(), $1, $2::uuid, s."facilityCode", s."baseSku", s."freeQuantity", s."asOf", $7, ${NOW_UTC}
         FROM stored s LEFT JOIN before b USING ("facilityCode", "baseSku")
        WHERE b."freeQuantity" IS DISTINCT FROM s."freeQuantity"
       RETURNING id::text AS id`,
      [shop, connectionId, chunk.map((l) => l.facilityCode), chunk.map((l) => l.warehouseSku), chunk.map((l) => Math.floor(l.freeQuantity)), chunk.map((l) => l.asOf.toISOString()), source],
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/**
 * Applies stock adjustments (EDI 947: a quantity up or down, with a reason) to the figures already held.
 * Each (adjustment, line) counts once, recorded in `stock_change` under `adjustment:<id>:<line>`; one
 * older than the figure it would change is already in that figure (a later snapshot) and is skipped,
 * as is one for a SKU that has no figure yet (the next snapshot brings it). Returns the change ids.
 */
export async function applyStockAdjustments(tx: SqlRunner, shop: string, connectionId: string, adjustments: StockAdjustmentIn[]): Promise<string[]> {
  const ids: string[] = [];
  for (const a of adjustments) {
    if (!Number.isInteger(a.delta) || Math.abs(a.delta) > 2_000_000_000) continue;
    const { rows } = await tx.run<{ id: string }>(
      "apply-stock-adjustment",
      `WITH changed AS (
         UPDATE stock_level SET "freeQuantity" = "freeQuantity" + $5, "asOf" = $6::timestamptz AT TIME ZONE 'UTC', source = 'adjustment',
                "receivedAt" = ${NOW_UTC}, "pendingSince" = COALESCE("pendingSince", ${NOW_UTC}), "updatedAt" = ${NOW_UTC}
          WHERE shop = $1 AND "connectionId" = $2::uuid AND "facilityCode" = $3 AND "baseSku" = $4
            AND "asOf" <= $6::timestamptz AT TIME ZONE 'UTC'
            AND NOT EXISTS (SELECT 1 FROM stock_change c WHERE c.shop = $1 AND c."connectionId" = $2::uuid AND c.source = $7)
         RETURNING "facilityCode", "baseSku", "freeQuantity", "asOf"
       )
       INSERT INTO stock_change (id, shop, "connectionId", "facilityCode", "baseSku", "freeQuantity", "asOf", source, "receivedAt")
       SELECT gen_random_uuid(), $1, $2::uuid, "facilityCode", "baseSku", "freeQuantity", "asOf", $7, ${NOW_UTC} FROM changed
       RETURNING id::text AS id`,
      [shop, connectionId, a.facilityCode, a.warehouseSku, a.delta, a.at.toISOString(), `adjustment:${a.adjustmentId}:${a.line}`],
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
