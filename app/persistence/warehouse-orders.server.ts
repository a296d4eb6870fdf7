// Stores what mapping produced. A warehouse order is keyed by its idempotency key (fixed when first
// mapped); before transmission it is re-mapped in place, after transmission it is never touched here.
// Mapped orders that a re-map no longer produces (the order was re-routed) are removed: the
// warehouse never saw them.
import { NOW_UTC, type SqlRunner } from "~/lib/sql.server";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { ExceptionInput } from "~/modules/orders/orders.ports";
import { isUuid } from "~/lib/ids";

/** The connections the drafts name, for `storeWarehouseOrders` to check (read with the order's lock). */
export const draftConnectionIds = (drafts: WarehouseOrderDraft[]) => [...new Set(drafts.map((d) => d.connectionId))].filter(isUuid);

/**
 * Stores the drafts, given which of their connections exist (`known`). Returns exceptions for drafts
 * whose warehouse connection does not exist (then nothing is stored), and the warehouse orders now
 * waiting to be sent. One statement: this runs for every released order (decision 0016).
 */
export async function storeWarehouseOrders(
  tx: SqlRunner,
  shop: string,
  orderId: string,
  drafts: WarehouseOrderDraft[],
  known: ReadonlySet<string>,
): Promise<{ exceptions: ExceptionInput[]; waiting: string[] }> {
  const missing = drafts.filter((d) => !known.has(d.connectionId));
  if (missing.length) return { exceptions: missing.map(missingConnection), waiting: [] };
  // Mapped orders this mapping no longer produces are withdrawn (disjoint from the keys upserted beside it).
  // New: stored as mapped. Still mapped: re-mapped in place, and a re-map (after a fix, or the order
  // changed) clears the last rejection so it is sent again. Sent: never touched here.
  const { rows } = await tx.run<{ id: string }>(
    "store-warehouse-orders",
    `WITH withdrawn AS (
       DELETE FROM warehouse_order WHERE shop = $1 AND "orderId" = $2::uuid AND state = 'mapped' AND NOT ("idempotencyKey" = ANY($3::text[])))
     INSERT INTO warehouse_order (id, shop, "orderId", "connectionId", "facilityCode", split, "idempotencyKey", state, payload, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, $2::uuid, d."connectionId"::uuid, d."facilityCode", d.split, d."idempotencyKey", 'mapped', d.payload, ${NOW_UTC}, ${NOW_UTC}
       FROM jsonb_to_recordset($4::jsonb) AS d("connectionId" text, "facilityCode" text, split int, "idempotencyKey" text, payload jsonb)
     ON CONFLICT (shop, "idempotencyKey") DO UPDATE
        SET "connectionId" = EXCLUDED."connectionId", "facilityCode" = EXCLUDED."facilityCode", split = EXCLUDED.split,
            payload = EXCLUDED.payload, "lastError" = NULL, "updatedAt" = EXCLUDED."updatedAt"
      WHERE warehouse_order.state = 'mapped'
     RETURNING id::text`,
    [
      shop,
      orderId,
      drafts.map((d) => d.idempotencyKey),
      JSON.stringify(drafts.map((d) => ({ connectionId: d.connectionId, facilityCode: d.facilityCode, split: d.split, idempotencyKey: d.idempotencyKey, payload: d }))),
    ],
  );
  return { exceptions: [], waiting: rows.map((r) => r.id) };
}

function missingConnection(draft: WarehouseOrderDraft): ExceptionInput {
  return {
    key: `no-connection:${draft.idempotencyKey}`,
    kind: "no-connection",
    message: `Facility ${draft.facilityCode} is set to a warehouse connection that does not exist. Choose its connection in the mapping settings, then retry.`,
    detail: { connectionId: draft.connectionId, facilityCode: draft.facilityCode },
  };
}

