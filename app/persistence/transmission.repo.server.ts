// PostgreSQL side of transmission: the warehouse-order state machine (mapped → transmitting →
// transmitted/accepted), the order moving to `in_fulfilment`, timeline events and exceptions.
import type { OrderState } from "@prisma/client";
import type { Db } from "~/lib/db.server";
import { NOW_UTC, type Sql, type SqlRunner } from "~/lib/sql.server";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { ClaimedWarehouseOrder, TransmissionRepository } from "~/modules/transmission/transmission.ports";
import type { ConnectorFailure, SubmitReceipt } from "~/modules/transmission/warehouse-connector";
import { applyExceptions, prismaRunner } from "./exceptions.server";

const ACTOR = "job:transmit";
/**
 * A `transmitting` order younger than this belongs to a job still running; older means its worker
 * died mid-call, and it may be claimed again (resubmitting the same key is safe).
 */
const LEASE_MS = 120_000;
/** Only orders on their way to, or at, the warehouse may send: a held or cancelled order never does. */
const SENDABLE_STATES: OrderState[] = ["released", "in_fulfilment", "partially_shipped"];
const SENDABLE_ORDER = { is: { state: { in: SENDABLE_STATES } } };

export class PrismaTransmissionRepository implements TransmissionRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  async mayTransmit(shop: string) {
    const [row] = (await this.sql.run<{ dryRun: boolean; uninstalledAt: Date | null }>("may-transmit", `SELECT "dryRun", "uninstalledAt" FROM shop WHERE domain = $1`, [shop])).rows;
    if (!row) return { ok: false as const, reason: "unknown shop" };
    if (row.uninstalledAt) return { ok: false as const, reason: "app uninstalled: outbound work is stopped" };
    if (row.dryRun) return { ok: false as const, reason: "dry run: nothing is sent until the shop goes live" };
    return { ok: true as const };
  }

  async claim(shop: string, warehouseOrderId: string): Promise<ClaimedWarehouseOrder | null> {
    const { rows } = await this.sql.run<{ id: string; shop: string; orderId: string; connectionId: string; idempotencyKey: string; payload: unknown; attempts: number; mirrorStatus: boolean }>(
      "claim-warehouse-order",
      `UPDATE warehouse_order w SET state = 'transmitting', attempts = w.attempts + 1, "updatedAt" = ${NOW_UTC}
         FROM "order" o, shop s
        WHERE w.shop = $1 AND w.id = $2::uuid AND o.shop = w.shop AND o.id = w."orderId" AND o.state::text = ANY($3::text[])
          AND s.domain = w.shop AND NOT s."dryRun" AND s."uninstalledAt" IS NULL
          AND ((w.state = 'mapped' AND (w."lastError" IS NULL OR w."nextAttemptAt" IS NOT NULL))
               OR (w.state = 'transmitting' AND w."updatedAt" < ${NOW_UTC} - $4 * interval '1 millisecond'))
       RETURNING w.id::text, w.shop, w."orderId"::text AS "orderId", w."connectionId"::text AS "connectionId", w."idempotencyKey", w.payload, w.attempts,
                 (COALESCE(s.settings #>> '{operations,fulfilment,statusTag}', 'false') = 'true'
                  OR COALESCE(s.settings #>> '{operations,fulfilment,statusMetafield}', 'false') = 'true') AS "mirrorStatus"`,
      [shop, warehouseOrderId, SENDABLE_STATES, LEASE_MS],
    );
    const row = rows[0];
    if (!row) return null;
    const { payload, attempts, ...rest } = row;
    return { ...rest, draft: payload as WarehouseOrderDraft, resumed: attempts > 1 };
  }

  async recordSubmitted(order: ClaimedWarehouseOrder, receipt: SubmitReceipt): Promise<{ cancelNow: boolean }> {
    const how = receipt.alreadyThere ? "The warehouse already had it (same reference); nothing was sent twice." : receipt.accepted ? "Accepted by the warehouse." : "Delivered; waiting for the warehouse to acknowledge it.";
    // One statement: the order's state as this attempt found it decides whether the warehouse order
    // becomes sent or, when the order was cancelled in Shopify while it was on its way, cancel_requested.
    const { rows } = await this.sql.run<{ cancelNow: boolean }>(
      "record-submitted",
      `WITH current AS (SELECT state FROM "order" WHERE shop = $1 AND id = $6::uuid),
       sent AS (
         UPDATE warehouse_order
            SET state = CASE WHEN (SELECT state FROM current) = 'cancelled' THEN 'cancel_requested' ELSE $3::warehouse_order_state END,
                "warehouseReference" = $4, "transmittedAt" = ${NOW_UTC}, "acceptedAt" = CASE WHEN $5 THEN ${NOW_UTC} ELSE "acceptedAt" END,
                "lastError" = NULL, "nextAttemptAt" = NULL, "updatedAt" = ${NOW_UTC}
          WHERE shop = $1 AND id = $2::uuid AND state = 'transmitting'),
       moved AS (UPDATE "order" SET state = 'in_fulfilment', "updatedAt" = ${NOW_UTC} WHERE shop = $1 AND id = $6::uuid AND state = 'released'),
       noted AS (
         INSERT INTO timeline_event (id, shop, "orderId", "warehouseOrderId", at, actor, kind, message, payload)
         SELECT gen_random_uuid(), $1, $6::uuid, $2::uuid, ${NOW_UTC} + (e.n * interval '1 millisecond'), $7, e.kind, e.message, e.payload
           FROM (VALUES (0, 'transmission', $8, $9::jsonb), (1, 'decision', $10, NULL::jsonb)) AS e(n, kind, message, payload)
          WHERE e.n = 0 OR (SELECT state FROM current) = 'cancelled'),
       cleared AS (UPDATE exception SET status = 'resolved', "resolvedAt" = ${NOW_UTC} WHERE shop = $1 AND status = 'open' AND key = ANY($11::text[]))
       SELECT COALESCE((SELECT state FROM current) = 'cancelled', false) AS "cancelNow"`,
      [
        order.shop, order.id, receipt.accepted ? "accepted" : "transmitted", receipt.warehouseReference, receipt.accepted, order.orderId, ACTOR,
        `Sent ${order.idempotencyKey} to ${order.draft.facilityCode}. ${how}`, JSON.stringify({ receipt }),
        `The order was cancelled in Shopify while ${order.idempotencyKey} was being sent: asking the warehouse to cancel it.`,
        [`warehouse-rejected:${order.idempotencyKey}`, `connection-failed:${order.connectionId}`],
      ],
    );
    return { cancelNow: rows[0]?.cancelNow ?? false };
  }

  async recordRejected(order: ClaimedWarehouseOrder, failure: Extract<ConnectorFailure, { kind: "rejected" | "auth-failed" }>): Promise<void> {
    await this.db.$transaction(async (tx) => {
      // Blocked: lastError set, no next attempt; a re-map after the fix clears it.
      await tx.warehouseOrder.updateMany({ where: { shop: order.shop, id: order.id }, data: { state: "mapped", lastError: failure.message, nextAttemptAt: null } });
      const exception =
        failure.kind === "rejected"
          ? { key: `warehouse-rejected:${order.idempotencyKey}`, kind: "warehouse-rejected", message: `The warehouse rejected ${order.idempotencyKey}: “${failure.message}” Fix the order or the mapping, then retry.` }
          : { key: `connection-failed:${order.connectionId}`, kind: "connection-failed", message: `${failure.message} Update the warehouse connection, then retry.` };
      await applyExceptions(prismaRunner(tx), order.shop, order.orderId, [{ ...exception, detail: failure }], []);
      await timeline(prismaRunner(tx), order, "exception", exception.message, failure);
    });
  }

  async recordTransientFailure(order: ClaimedWarehouseOrder, failure: ConnectorFailure): Promise<void> {
    // Back to `mapped` so the job's own retry can claim it; nextAttemptAt marks it as retryable.
    const retryAt = new Date(Date.now() + (failure.kind === "rate-limited" ? failure.retryAfterMs : 1_000));
    await this.db.warehouseOrder.updateMany({
      where: { shop: order.shop, id: order.id, state: "transmitting" },
      data: { state: "mapped", lastError: `${failure.kind}: ${failure.message}`, nextAttemptAt: retryAt },
    });
  }

  async listUnsent(olderThan: Date, limit: number) {
    const rows = await this.db.warehouseOrder.findMany({
      where: {
        updatedAt: { lt: olderThan },
        shopRef: { dryRun: false, uninstalledAt: null },
        OR: [
          { order: SENDABLE_ORDER, OR: [{ state: "mapped", OR: [{ lastError: null }, { nextAttemptAt: { not: null } }] }, { state: "transmitting" }] },
          { state: "cancel_requested" },
        ],
      },
      select: { shop: true, id: true, state: true },
      orderBy: { updatedAt: "asc" },
      take: limit,
    });
    return rows.map((r) => ({ shop: r.shop, warehouseOrderId: r.id, action: r.state === "cancel_requested" ? ("cancel" as const) : ("submit" as const) }));
  }

  async claimCancellation(shop: string, warehouseOrderId: string) {
    // Touching updatedAt keeps the sweeper off it while this attempt runs.
    const [row] = await this.db.warehouseOrder.updateManyAndReturn({
      where: { shop, id: warehouseOrderId, state: "cancel_requested" },
      data: { attempts: { increment: 1 } },
      select: { id: true, shop: true, orderId: true, connectionId: true, idempotencyKey: true, payload: true, warehouseReference: true },
    });
    if (!row) return null;
    // Cancellations are rare: the status job itself finds out whether the shop shows the status.
    return { ...row, draft: row.payload as unknown as WarehouseOrderDraft, resumed: false, mirrorStatus: true };
  }

  async recordCancelled(order: ClaimedWarehouseOrder): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.warehouseOrder.updateMany({ where: { shop: order.shop, id: order.id, state: "cancel_requested" }, data: { state: "cancelled", lastError: null } });
      await timeline(prismaRunner(tx), order, "transmission", `The warehouse cancelled ${order.idempotencyKey}.`, null);
      await applyExceptions(prismaRunner(tx), order.shop, order.orderId, [], [cancelFailedKey(order)]);
      const stillOpen = await tx.warehouseOrder.count({ where: { shop: order.shop, orderId: order.orderId, state: { notIn: ["cancelled", "mapped"] } } });
      if (stillOpen) return;
      const [moved] = await tx.order.updateManyAndReturn({ where: { shop: order.shop, id: order.orderId, state: { not: "cancelled" } }, data: { state: "cancelled" }, select: { state: true } });
      if (moved) await timeline(prismaRunner(tx), order, "transition", "Every warehouse order was cancelled at the warehouse: the order is cancelled.", null);
    });
  }

  async recordCancelRefused(order: ClaimedWarehouseOrder, message: string, detail?: unknown): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const row = await tx.warehouseOrder.findFirst({ where: { shop: order.shop, id: order.id }, select: { acceptedAt: true } });
      await tx.warehouseOrder.updateMany({
        where: { shop: order.shop, id: order.id, state: "cancel_requested" },
        data: { state: row?.acceptedAt ? "accepted" : "transmitted", lastError: message },
      });
      const exception = { key: cancelFailedKey(order), kind: "warehouse-cancel-failed", message, detail: { warehouseOrderId: order.id, failure: detail ?? null } };
      await applyExceptions(prismaRunner(tx), order.shop, order.orderId, [exception], []);
      await timeline(prismaRunner(tx), order, "exception", message, detail ?? null);
    });
  }
}

/** One per warehouse order: it could not be cancelled at the warehouse, so the merchant must. */
export const cancelFailedKey = (order: { idempotencyKey: string }) => `warehouse-cancel-failed:${order.idempotencyKey}`;

function timeline(tx: SqlRunner, order: ClaimedWarehouseOrder, kind: string, message: string, payload: unknown) {
  return tx.run(
    "timeline-warehouse-order",
    `INSERT INTO timeline_event (id, shop, "orderId", "warehouseOrderId", at, actor, kind, message, payload)
     VALUES (gen_random_uuid(), $1, $2::uuid, $3::uuid, ${NOW_UTC}, $4, $5, $6, $7::jsonb)`,
    [order.shop, order.orderId, order.id, ACTOR, kind, message, payload === null ? null : JSON.stringify(payload)],
  );
}
