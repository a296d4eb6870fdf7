// Stores what mapping produced. A warehouse order is keyed by its idempotency key (fixed when first
// mapped); before transmission it is re-mapped in place, after transmission it is never touched here.
// Mapped orders that a re-map no longer produces (the order was re-routed) are removed: the
// warehouse never saw them.
import { NOW_UTC, type SqlRunner } from "~/lib/sql.server";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { ExceptionInput } from "~/modules/orders/orders.ports";
import { isUuid } from "~/lib/ids";

/**
 * Stores the drafts. Returns exceptions for drafts whose warehouse connection does not exist (then
 * nothing is stored), and the warehouse orders now waiting to be sent. Plain SQL: this runs for every
 * released order, and each Prisma call costs more CPU than the statement (decision 0016).
 */
export async function storeWarehouseOrders(tx: SqlRunner, shop: string, orderId: string, drafts: WarehouseOrderDraft[]): Promise<{ exceptions: ExceptionInput[]; waiting: string[] }> {
  const ids = [...new Set(drafts.map((d) => d.connectionId))].filter(isUuid);
  const { rows: connections } = await tx.run<{ id: string }>("known-connections", `SELECT id::text FROM warehouse_connection WHERE shop = $1 AND id = ANY($2::uuid[])`, [shop, ids]);
  const known = new Set(connections.map((c) => c.id));
  const missing = drafts.filter((d) => !known.has(d.connectionId));
  if (missing.length) return { exceptions: missing.map(missingConnection), waiting: [] };
  const keys = drafts.map((d) => d.idempotencyKey);
  await tx.run(
    "withdraw-unmapped",
    `DELETE FROM warehouse_order WHERE shop = $1 AND "orderId" = $2::uuid AND state = 'mapped' AND NOT ("idempotencyKey" = ANY($3::text[]))`,
    [shop, orderId, keys],
  );
  const waiting: string[] = [];
  for (const draft of drafts) {
    // New: stored as mapped. Still mapped: re-mapped in place, and a re-map (after a fix, or the order
    // changed) clears the last rejection so it is sent again. Sent: never touched here.
    const { rows } = await tx.run<{ id: string }>(
      "store-warehouse-order",
      `INSERT INTO warehouse_order (id, shop, "orderId", "connectionId", "facilityCode", split, "idempotencyKey", state, payload, "createdAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2::uuid, $3::uuid, $4, $5, $6, 'mapped', $7::jsonb, ${NOW_UTC}, ${NOW_UTC})
       ON CONFLICT (shop, "idempotencyKey") DO UPDATE
          SET "connectionId" = EXCLUDED."connectionId", "facilityCode" = EXCLUDED."facilityCode", split = EXCLUDED.split,
              payload = EXCLUDED.payload, "lastError" = NULL, "updatedAt" = EXCLUDED."updatedAt"
        WHERE warehouse_order.state = 'mapped'
       RETURNING id::text`,
      [shop, orderId, draft.connectionId, draft.facilityCode, draft.split, draft.idempotencyKey, JSON.stringify(draft)],
    );
    waiting.push(...rows.map((r) => r.id));
  }
  return { exceptions: [], waiting };
}

function missingConnection(draft: WarehouseOrderDraft): ExceptionInput {
  return {
    key: `no-connection:${draft.idempotencyKey}`,
    kind: "no-connection",
    message: `Facility ${draft.facilityCode} is set to a warehouse connection that does not exist. Choose its connection in the mapping settings, then retry.`,
    detail: { connectionId: draft.connectionId, facilityCode: draft.facilityCode },
  };
}

