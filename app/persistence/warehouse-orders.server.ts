// Stores what mapping produced. A warehouse order is keyed by its idempotency key (fixed when first
// mapped); before transmission it is re-mapped in place, after transmission it is never touched here.
// Mapped orders that a re-map no longer produces (the order was re-routed) are removed: the
// warehouse never saw them.
import type { Prisma } from "@prisma/client";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { ExceptionInput } from "~/modules/orders/orders.ports";

type Tx = Prisma.TransactionClient;

/** Stores the drafts; returns exceptions for drafts whose warehouse connection does not exist. */
export async function storeWarehouseOrders(tx: Tx, shop: string, orderId: string, drafts: WarehouseOrderDraft[]): Promise<ExceptionInput[]> {
  const ids = [...new Set(drafts.map((d) => d.connectionId))];
  const known = new Set((await tx.warehouseConnection.findMany({ where: { shop, id: { in: ids.filter(isUuid) } }, select: { id: true } })).map((c) => c.id));
  const missing = drafts.filter((d) => !known.has(d.connectionId));
  if (missing.length) return missing.map(missingConnection);
  await tx.warehouseOrder.deleteMany({ where: { shop, orderId, state: "mapped", idempotencyKey: { notIn: drafts.map((d) => d.idempotencyKey) } } });
  for (const draft of drafts) {
    const payload = draft as unknown as Prisma.InputJsonValue;
    const fields = { connectionId: draft.connectionId, facilityCode: draft.facilityCode, split: draft.split, payload };
    await tx.warehouseOrder.upsert({
      where: { shop_idempotencyKey: { shop, idempotencyKey: draft.idempotencyKey } },
      create: { shop, orderId, idempotencyKey: draft.idempotencyKey, state: "mapped", ...fields },
      update: {},
    });
    // A re-map (after a fix, or the order changed) clears the last rejection: it is sent again.
    await tx.warehouseOrder.updateMany({ where: { shop, idempotencyKey: draft.idempotencyKey, state: "mapped" }, data: { ...fields, lastError: null } });
  }
  return [];
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
