// Stores what mapping produced. A warehouse order is keyed by its idempotency key (fixed when first
// mapped); before transmission it is re-mapped in place, after transmission it is never touched here.
// Mapped orders that a re-map no longer produces (the order was re-routed) are removed: the
// warehouse never saw them.
import type { Prisma } from "@prisma/client";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { ExceptionInput } from "~/modules/orders/orders.ports";

type Tx = Prisma.TransactionClient;

/**
 * Stores the drafts. Returns exceptions for drafts whose warehouse connection does not exist (then
 * nothing is stored), and the warehouse orders now waiting to be sent. Plain SQL: this runs for every
 * released order, and each Prisma call costs more CPU than the statement (decision 0016).
 */
export async function storeWarehouseOrders(tx: Tx, shop: string, orderId: string, drafts: WarehouseOrderDraft[]): Promise<{ exceptions: ExceptionInput[]; waiting: string[] }> {
  const ids = [...new Set(drafts.map((d) => d.connectionId))].filter(isUuid);
  const known = new Set((await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM warehouse_connection WHERE shop = ${shop} AND id = ANY(${ids}::uuid[])`).map((c) => c.id));
  const missing = drafts.filter((d) => !known.has(d.connectionId));
  if (missing.length) return { exceptions: missing.map(missingConnection), waiting: [] };
  const keys = drafts.map((d) => d.idempotencyKey);
  await tx.$executeRaw`DELETE FROM warehouse_order WHERE shop = ${shop} AND "orderId" = ${orderId}::uuid AND state = 'mapped' AND NOT ("idempotencyKey" = ANY(${keys}::text[]))`;
  const waiting: string[] = [];
  for (const draft of drafts) {
    // New: stored as mapped. Still mapped: re-mapped in place, and a re-map (after a fix, or the order
    // changed) clears the last rejection so it is sent again. Sent: never touched here.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO warehouse_order (id, shop, "orderId", "connectionId", "facilityCode", split, "idempotencyKey", state, payload, "updatedAt")
      VALUES (gen_random_uuid(), ${shop}, ${orderId}::uuid, ${draft.connectionId}::uuid, ${draft.facilityCode}, ${draft.split}, ${draft.idempotencyKey},
              'mapped', ${JSON.stringify(draft)}::jsonb, now() AT TIME ZONE 'UTC')
      ON CONFLICT (shop, "idempotencyKey") DO UPDATE
         SET "connectionId" = EXCLUDED."connectionId", "facilityCode" = EXCLUDED."facilityCode", split = EXCLUDED.split,
             payload = EXCLUDED.payload, "lastError" = NULL, "updatedAt" = EXCLUDED."updatedAt"
       WHERE warehouse_order.state = 'mapped'
      RETURNING id::text`;
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

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
