// PostgreSQL implementation of the order lifecycle's storage.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/lib/db.server";
import { NOW_UTC, type Sql } from "~/lib/sql.server";
import { readOrderSettings } from "~/modules/orders/order-settings.schema";
import type { DecisionRecord, ManualAction, OrderRecord, OrderRepository, OrderState, ShopContext } from "~/modules/orders/orders.ports";
import { againstCurrentState } from "~/modules/orders/order-state";
import { applyExceptions, prismaRunner } from "./exceptions.server";
import { factColumns } from "./order-columns.server";
import { notePendingVersion, pendingAfter, seenFingerprint } from "./order-notes.server";
import type { PendingVersion } from "~/modules/orders/known-version";
import { loadMappingSettings } from "./mapping-settings.server";
import { draftConnectionIds, storeWarehouseOrders } from "./warehouse-orders.server";
import { warehouseChangeKey, type SentWarehouseOrder, type WarehouseOrderChange } from "~/modules/orders/after-transmission";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import { isUuid } from "~/lib/ids";

/** Warehouse orders the warehouse has, or may have; and those it can still be asked to cancel. */
const SENT = ["transmitted", "accepted", "partially_dispatched", "dispatched", "cancel_requested", "cancelled"] as const;
const CANCELLABLE = ["transmitted", "accepted", "partially_dispatched"] as const;
type OrderRow = Omit<OrderRecord, "seen" | "pendingVersions" | "state"> & {
  state: OrderRecord["state"];
  financialStatus: string | null;
  facts: Prisma.JsonValue;
  pendingVersions: unknown;
};

const OPEN_UNPAID_STATES = ["received", "held", "released", "in_fulfilment", "partially_shipped"] as const;
const MANUAL: Record<ManualAction, { data: Prisma.OrderUpdateInput; message: string }> = {
  release: { data: { manualRelease: true, manualHold: false }, message: "Released by hand" },
  hold: { data: { manualHold: true, manualRelease: false }, message: "Held by hand" },
  pick: { data: { pickedBeforeGoLive: true }, message: "Picked to be sent although it was created before go-live" },
  retry: { data: {}, message: "Retry requested: the order is evaluated again with the current settings" },
};

export class PrismaOrderRepository implements OrderRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  // get, shopContext and otherOpenUnpaidTotal run for every evaluation: plain SQL (decision 0016).
  async get(shop: string, orderId: string): Promise<OrderRecord | null> {
    if (!isUuid(orderId)) return null;
    const { rows } = await this.sql.run<OrderRow>(
      "order-for-evaluation",
      `SELECT id::text, shop, "shopifyOrderId", name, state::text, "holdReasons", "pendingEvaluation", "evaluationRevision", "evaluatedUpdatedAt",
              "manualRelease", "manualHold", "pickedBeforeGoLive", "ownWriteStamps", "financialStatus", facts, "pendingVersions",
              COALESCE("ownWriteUntil" > ${NOW_UTC}, false) AS "ownWriteInFlight"
         FROM "order" WHERE shop = $1 AND id = $2::uuid`,
      [shop, orderId],
    );
    const row = rows[0];
    if (!row) return null;
    const { facts, financialStatus, pendingVersions, ...rest } = row;
    return { ...rest, seen: seenFingerprint({ facts, financialStatus }), pendingVersions: pendingVersions as PendingVersion[] };
  }

  async shopContext(shop: string): Promise<ShopContext | null> {
    const { rows } = await this.sql.run<{ settings: Prisma.JsonValue; goLiveAt: Date | null; dryRun: boolean; uninstalledAt: Date | null; timezone: string; updatedAt: Date }>(
      "shop-context",
      `SELECT settings, "goLiveAt", "dryRun", "uninstalledAt", timezone, "updatedAt" FROM shop WHERE domain = $1`,
      [shop],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      settings: readOrderSettings(row.settings),
      goLiveAt: row.goLiveAt,
      dryRun: row.dryRun,
      uninstalled: row.uninstalledAt !== null,
      timezone: row.timezone,
      mapping: loadMappingSettings(shop, row.settings, row.updatedAt),
    };
  }

  async otherOpenUnpaidTotal(shop: string, customerId: string | null, excludeOrderId: string): Promise<number> {
    if (!customerId) return 0;
    const { rows } = await this.sql.run<{ total: string | null }>(
      "other-open-unpaid",
      `SELECT SUM("totalAmount")::text AS total FROM "order"
        WHERE shop = $1 AND "customerId" = $2 AND id <> $3::uuid AND state::text = ANY($4::text[])
          AND NOT ("financialStatus" = ANY($5::text[]))`,
      [shop, customerId, excludeOrderId, OPEN_UNPAID_STATES, ["PAID", "REFUNDED", "VOIDED"]],
    );
    return Number(rows[0]?.total ?? 0);
  }

  /** Every evaluation ends here: one node-postgres transaction (decision 0016). */
  async recordDecision(shop: string, orderId: string, decided: DecisionRecord, readState: OrderState): Promise<{ stillPending: boolean; toTransmit: string[]; toCancel: string[] }> {
    return this.sql.transaction(async (tx) => {
      // Locked, so a change noted meanwhile waits and is not lost from the pending list.
      // Read with it: which of the drafts' warehouse connections exist.
      const { rows } = await tx.run<{ state: string; evaluationRevision: number; pendingVersions: unknown; connections: string[] }>(
        "decision-current",
        `SELECT state::text, "evaluationRevision", "pendingVersions",
                ARRAY(SELECT id::text FROM warehouse_connection WHERE shop = $1 AND id = ANY($3::uuid[])) AS connections
           FROM "order" WHERE shop = $1 AND id = $2::uuid FOR UPDATE`,
        [shop, orderId, decided.warehouseOrders ? draftConnectionIds(decided.warehouseOrders) : []],
      );
      const current = rows[0];
      if (!current) throw new Error(`order ${orderId} of ${shop} is gone`);
      const { decision: d, void: transitionVoid } = againstCurrentState(decided, readState, current.state as OrderState);
      const stillPending = current.evaluationRevision !== d.revision || transitionVoid;
      const facts = d.facts ? factColumns(d.facts) : null;
      // The order row and the decision's timeline entries, in one statement.
      await tx.run(
        "decision-order",
        `WITH noted AS (
           INSERT INTO timeline_event (id, shop, "orderId", at, actor, kind, message, payload)
           SELECT gen_random_uuid(), $1, $2::uuid, ${NOW_UTC} + (e.n * interval '1 millisecond'), e.actor, e.kind, e.message, e.payload
             FROM jsonb_to_recordset($21::jsonb) AS e(n int, actor text, kind text, message text, payload jsonb))
         UPDATE "order" SET
            state = $3::order_state,
            "holdReasons" = COALESCE($4::text[], "holdReasons"),
            "ownWriteStamps" = CASE WHEN $5::timestamptz IS NULL THEN "ownWriteStamps" ELSE array_append("ownWriteStamps", $5::timestamptz AT TIME ZONE 'UTC') END,
            "pendingEvaluation" = $6,
            -- A voided transition is evaluated again under a new revision (a new job id: the finished job keeps the old one).
            "evaluationRevision" = "evaluationRevision" + CASE WHEN $22 THEN 1 ELSE 0 END,
            "pendingVersions" = $7::jsonb,
            "decidedAt" = ${NOW_UTC},
            "releasedAt" = CASE WHEN $3 = 'released' AND state <> 'released' THEN ${NOW_UTC} ELSE "releasedAt" END,
            name = CASE WHEN $8 THEN $9 ELSE name END,
            "poNumber" = CASE WHEN $8 THEN $10 ELSE "poNumber" END,
            "companyName" = CASE WHEN $8 THEN $11 ELSE "companyName" END,
            "customerGroup" = CASE WHEN $8 THEN $12 ELSE "customerGroup" END,
            "customerId" = CASE WHEN $8 THEN $13 ELSE "customerId" END,
            currency = CASE WHEN $8 THEN $14 ELSE currency END,
            "totalAmount" = CASE WHEN $8 THEN $15::numeric ELSE "totalAmount" END,
            "paymentMode" = CASE WHEN $8 THEN $16 ELSE "paymentMode" END,
            "financialStatus" = CASE WHEN $8 THEN $17 ELSE "financialStatus" END,
            "sourceCreatedAt" = CASE WHEN $8 THEN $18::timestamptz AT TIME ZONE 'UTC' ELSE "sourceCreatedAt" END,
            "evaluatedUpdatedAt" = CASE WHEN $8 THEN $19::timestamptz AT TIME ZONE 'UTC' ELSE "evaluatedUpdatedAt" END,
            facts = CASE WHEN $8 THEN $20::jsonb ELSE facts END,
            "updatedAt" = ${NOW_UTC}
          WHERE shop = $1 AND id = $2::uuid`,
        [
          shop, orderId, d.state, d.holdReasons ? d.holdReasons.map((r) => r.message) : null, d.ownWriteStamp?.toISOString() ?? null, stillPending,
          // Changes up to the evaluated revision are decided; newer ones stay for the next job.
          JSON.stringify(pendingAfter(current.pendingVersions as Prisma.JsonValue, d.revision)),
          facts !== null, facts?.name, facts?.poNumber, facts?.companyName, facts?.customerGroup, facts?.customerId, facts?.currency,
          facts?.totalAmount, facts?.paymentMode, facts?.financialStatus, facts?.sourceCreatedAt, facts?.evaluatedUpdatedAt, facts ? JSON.stringify(facts.facts) : null,
          // A millisecond apart, so the timeline keeps the order the entries were written in.
          JSON.stringify(d.timeline.map((t, n) => ({ n, actor: t.actor, kind: t.kind, message: t.message, payload: t.payload ?? null }))),
          transitionVoid,
        ],
      );
      const stored = d.warehouseOrders ? await storeWarehouseOrders(tx, shop, orderId, d.warehouseOrders, new Set(current.connections)) : { exceptions: [], waiting: [] };
      await applyExceptions(tx, shop, orderId, [...d.raise, ...stored.exceptions], d.clear, [...(d.clearKinds ?? []), ...(d.warehouseOrders ? ["no-connection"] : [])]);
      const toCancel = d.cancelWarehouseOrders?.length
        ? (
            await tx.run<{ id: string }>(
              "request-cancel",
              `UPDATE warehouse_order SET state = 'cancel_requested', "lastError" = NULL, "nextAttemptAt" = NULL, "updatedAt" = ${NOW_UTC}
                WHERE shop = $1 AND "orderId" = $2::uuid AND id = ANY($3::uuid[]) AND state::text = ANY($4::text[])
               RETURNING id::text`,
              [shop, orderId, d.cancelWarehouseOrders, CANCELLABLE],
            )
          ).rows
        : [];
      return { stillPending, toTransmit: stored.waiting, toCancel: toCancel.map((w) => w.id) };
    });
  }

  async sentWarehouseOrders(shop: string, orderId: string): Promise<SentWarehouseOrder[]> {
    const rows = await this.db.warehouseOrder.findMany({
      where: { shop, orderId, state: { in: [...SENT] } },
      select: { id: true, idempotencyKey: true, state: true, payload: true },
      orderBy: [{ facilityCode: "asc" }, { split: "asc" }],
    });
    return rows.map((r) => ({ id: r.id, idempotencyKey: r.idempotencyKey, state: r.state as SentWarehouseOrder["state"], draft: r.payload as unknown as WarehouseOrderDraft }));
  }

  async requestCancelAtWarehouse(shop: string, orderId: string, actor: string): Promise<string[]> {
    return this.db.$transaction(async (tx) => {
      // Only what the warehouse holds and has not started shipping; one being sent right now is left to
      // finish (the button shows again once it is accepted).
      const rows = await tx.warehouseOrder.updateManyAndReturn({
        where: { shop, orderId, state: { in: ["transmitted", "accepted"] } },
        data: { state: "cancel_requested" },
        select: { id: true, idempotencyKey: true },
      });
      if (rows.length) {
        const keys = rows.map((r) => r.idempotencyKey).join(", ");
        await tx.timelineEvent.create({ data: { shop, orderId, actor, kind: "manual", message: `Asked the warehouse to cancel ${keys}; it will not be sent again.`, payload: { warehouseOrderIds: rows.map((r) => r.id) } } });
      }
      return rows.map((r) => r.id);
    });
  }

  async confirmDoneAtWarehouse(shop: string, orderId: string, actor: string): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const open = await tx.exceptionRecord.findMany({
        where: { shop, orderId, status: "open", OR: [{ key: warehouseChangeKey(orderId) }, { kind: "warehouse-cancel-failed" }] },
        select: { key: true, kind: true, detail: true },
      });
      const note = (message: string, payload: unknown) =>
        tx.timelineEvent.create({ data: { shop, orderId, actor, kind: "manual", message, payload: payload as Prisma.InputJsonValue } });
      for (const exception of open) {
        if (exception.kind === "warehouse-cancel-failed") {
          const { warehouseOrderId } = exception.detail as { warehouseOrderId: string };
          await tx.warehouseOrder.updateMany({ where: { shop, orderId, id: warehouseOrderId, state: { in: [...CANCELLABLE] } }, data: { state: "cancelled", lastError: null } });
          await note("Confirmed that the warehouse order was cancelled at the warehouse by hand.", { warehouseOrderId });
          continue;
        }
        const changes = (exception.detail as { changes?: WarehouseOrderChange[] } | null)?.changes ?? [];
        for (const change of changes) {
          const row = await tx.warehouseOrder.findFirst({ where: { shop, orderId, id: change.warehouseOrderId }, select: { payload: true } });
          if (!row) continue;
          const payload = { ...(row.payload as object), lines: change.amended.lines, shipTo: change.amended.shipTo };
          await tx.warehouseOrder.updateMany({ where: { shop, id: change.warehouseOrderId }, data: { payload: payload as unknown as Prisma.InputJsonValue } });
        }
        await note("Confirmed that the changes were made at the warehouse by hand; Loadbay's record of the warehouse orders now matches.", changes);
      }
      if (!open.length) return false;
      await applyExceptions(prismaRunner(tx), shop, orderId, [], open.map((e) => e.key));
      const row = await tx.order.findFirst({ where: { shop, id: orderId }, select: { facts: true } });
      const cancelledInShopify = Boolean((row?.facts as { cancelledAt?: string | null } | null)?.cancelledAt);
      const stillOpen = await tx.warehouseOrder.count({ where: { shop, orderId, state: { notIn: ["cancelled", "mapped"] } } });
      if (cancelledInShopify && !stillOpen) await tx.order.updateMany({ where: { shop, id: orderId }, data: { state: "cancelled" } });
      return true;
    });
  }


  async applyManual(shop: string, orderId: string, action: ManualAction, actor: string): Promise<{ revision: number } | null> {
    return this.db.$transaction(async (tx) => {
      const [row] = await tx.order.updateManyAndReturn({
        where: { shop, id: orderId, shopifyOrderId: { not: null } },
        data: { ...(MANUAL[action].data as Prisma.OrderUpdateManyMutationInput), pendingEvaluation: true, evaluationRevision: { increment: 1 } },
        select: { id: true, evaluationRevision: true, pendingVersions: true },
      });
      if (!row) return null;
      await notePendingVersion(tx, row, { updatedAt: null, fingerprint: null });
      await tx.timelineEvent.create({ data: { shop, orderId, actor, kind: "manual", message: MANUAL[action].message } });
      return { revision: row.evaluationRevision };
    });
  }

  async listPendingEvaluation(olderThan: Date, limit: number) {
    const rows = await this.db.order.findMany({
      where: { pendingEvaluation: true, updatedAt: { lt: olderThan }, shopifyOrderId: { not: null } },
      select: { shop: true, id: true, evaluationRevision: true },
      orderBy: { updatedAt: "asc" },
      take: limit,
    });
    return rows.map((r) => ({ shop: r.shop, orderId: r.id, revision: r.evaluationRevision }));
  }
}
