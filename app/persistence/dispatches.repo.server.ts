// PostgreSQL side of dispatches: advices stored once per (connection, shipment id), the attempt noted
// before fulfillmentCreate, and the outcome — the warehouse order and the order moving on, the timeline,
// exceptions. Plain SQL on the dispatch path (decision 0016).
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import { stateAfterShipment } from "~/modules/orders/order-state";
import type { OrderState } from "~/modules/orders/orders.ports";
import { warehouseOrderComplete, type DispatchProblem, type LineUnits } from "~/modules/fulfilments/dispatch-plan";
import type { AppliedOutcome, DispatchRepository, DispatchToApply } from "~/modules/fulfilments/fulfilments.ports";
import type { DispatchPollRepository } from "~/modules/fulfilments/poll-dispatches.use-case";
import type { StatusRepository } from "~/modules/fulfilments/sync-warehouse-status.use-case";
import type { StatusWrite } from "~/modules/fulfilments/warehouse-status";
import { readOperationsSettings } from "~/modules/fulfilments/operations-settings.schema";
import type { DispatchAdviceIn } from "~/modules/transmission/warehouse-connector";
import { NOW_UTC, type Sql, type SqlRunner } from "~/lib/sql.server";
import { applyExceptions } from "./exceptions.server";

const ACTOR = "job:dispatch";
/**
 * Marks a write to the Shopify order as in flight (cleared when its stamp is recorded): an evaluation
 * meanwhile waits for the stamp instead of reading the order for what is probably the write's echo.
 * Longer than one Shopify call; a write that never records its stamp only delays evaluations this long.
 */
const OWN_WRITE_IN_FLIGHT = `"ownWriteUntil" = ${NOW_UTC} + interval '15 seconds'`;
/**
 * Stores advices, once per (connection, shipment id). Returns the ids to apply: new advices, and known
 * ones the warehouse changed (a blocked one is tried again; an applied one gets its tracking updated).
 */
export async function storeDispatches(tx: SqlRunner, shop: string, connectionId: string, advices: DispatchAdviceIn[]): Promise<string[]> {
  const ids: string[] = [];
  for (const advice of advices) {
    const { rows } = await tx.run<{ id: string }>(
      "store-dispatch",
      `INSERT INTO dispatch_advice (id, shop, "connectionId", "shipmentId", "warehouseOrderId", payload, "receivedAt")
       VALUES (gen_random_uuid(), $1, $2::uuid, $3,
               (SELECT id FROM warehouse_order WHERE shop = $1 AND "connectionId" = $2::uuid AND "idempotencyKey" = $4), $5::jsonb, ${NOW_UTC})
       ON CONFLICT (shop, "connectionId", "shipmentId") DO UPDATE SET payload = EXCLUDED.payload
        WHERE dispatch_advice.payload IS DISTINCT FROM EXCLUDED.payload
       RETURNING id::text`,
      [shop, connectionId, advice.shipmentId, advice.orderReference, JSON.stringify(advice)],
    );
    if (rows[0]) ids.push(rows[0].id);
  }
  return ids;
}

const dispatchKey = (dispatchId: string, p: DispatchProblem) => `dispatch:${dispatchId}:${p.kind}${p.warehouseSku ? `:${p.warehouseSku}` : ""}`;

interface LoadedRow {
  id: string;
  shop: string;
  connectionId: string;
  shipmentId: string;
  payload: DispatchAdviceIn & { shippedAt: string };
  status: DispatchToApply["status"];
  attemptedAt: Date | null;
  shopifyFulfillmentId: string | null;
  appliedTracking: string[];
  warehouseOrderId: string | null;
  draft: WarehouseOrderDraft | null;
  orderId: string | null;
  orderName: string | null;
  shopifyOrderId: string | null;
  settings: unknown;
}

export class SqlDispatchRepository implements DispatchRepository, DispatchPollRepository {
  constructor(private readonly sql: Sql) {}

  async pollTargets() {
    const { rows } = await this.sql.run<{ shop: string; connectionId: string }>(
      "dispatch-poll-targets",
      `SELECT c.shop, c.id::text AS "connectionId" FROM warehouse_connection c JOIN shop s ON s.domain = c.shop
        WHERE c.enabled AND s."uninstalledAt" IS NULL AND NOT s."dryRun" ORDER BY c."createdAt"`,
      [],
    );
    return rows;
  }

  async cursor(shop: string, connectionId: string): Promise<string | null> {
    const { rows } = await this.sql.run<{ cursor: string | null }>(
      "dispatch-cursor",
      `SELECT "pollCursor"->>'dispatches' AS cursor FROM warehouse_connection WHERE shop = $1 AND id = $2::uuid`,
      [shop, connectionId],
    );
    return rows[0]?.cursor ?? null;
  }

  async storePage(shop: string, connectionId: string, advices: DispatchAdviceIn[], nextCursor: string | null): Promise<string[]> {
    return this.sql.transaction(async (tx) => {
      const ids = await storeDispatches(tx, shop, connectionId, advices);
      // No cursor yet (nothing despatched so far): keep what is stored. jsonb_set with a null value
      // would null the whole column, the stock cursor beside it included.
      if (nextCursor !== null) {
        await tx.run(
          "store-dispatch-cursor",
          `UPDATE warehouse_connection SET "pollCursor" = jsonb_set(COALESCE("pollCursor", '{}'::jsonb), '{dispatches}', to_jsonb($3::text))
            WHERE shop = $1 AND id = $2::uuid`,
          [shop, connectionId, nextCursor],
        );
      }
      return ids;
    });
  }

  async load(shop: string, dispatchId: string): Promise<DispatchToApply | null> {
    const { rows } = await this.sql.run<LoadedRow>(
      "load-dispatch",
      `SELECT d.id::text, d.shop, d."connectionId"::text AS "connectionId", d."shipmentId", d.payload, d.status::text AS status, d."attemptedAt",
              d."shopifyFulfillmentId", d."appliedTracking", w.id::text AS "warehouseOrderId", w.payload AS draft, o.id::text AS "orderId",
              o.name AS "orderName", o."shopifyOrderId", s.settings
         FROM dispatch_advice d
         JOIN shop s ON s.domain = d.shop
         LEFT JOIN warehouse_order w ON w.shop = d.shop AND w.id = COALESCE(d."warehouseOrderId",
              (SELECT x.id FROM warehouse_order x WHERE x.shop = d.shop AND x."connectionId" = d."connectionId" AND x."idempotencyKey" = d.payload->>'orderReference'))
         LEFT JOIN "order" o ON o.shop = w.shop AND o.id = w."orderId"
        WHERE d.shop = $1 AND d.id = $2::uuid`,
      [shop, dispatchId],
    );
    const row = rows[0];
    if (!row) return null;
    const advice = { ...row.payload, shippedAt: new Date(row.payload.shippedAt) };
    const { fulfilment } = readOperationsSettings(row.settings);
    const base = {
      id: row.id,
      shop: row.shop,
      connectionId: row.connectionId,
      shipmentId: row.shipmentId,
      advice,
      status: row.status,
      attemptedAt: row.attemptedAt,
      shopifyFulfillmentId: row.shopifyFulfillmentId,
      appliedTracking: row.appliedTracking,
      notifyCustomer: fulfilment.notifyCustomer,
      mirrorStatus: fulfilment.statusTag || fulfilment.statusMetafield,
    };
    if (!row.warehouseOrderId || !row.draft || !row.orderId || !row.shopifyOrderId) return { ...base, target: null };
    const others = await this.sql.run<{ appliedLines: LineUnits[] | null; shopifyFulfillmentId: string | null; sameWarehouseOrder: boolean }>(
      "dispatch-others",
      `SELECT d."appliedLines", d."shopifyFulfillmentId", d."warehouseOrderId" = $3::uuid AS "sameWarehouseOrder"
         FROM dispatch_advice d JOIN warehouse_order w ON w.shop = d.shop AND w.id = d."warehouseOrderId"
        WHERE d.shop = $1 AND w."orderId" = $2::uuid AND d.status = 'applied' AND d.id <> $4::uuid`,
      [shop, row.orderId, row.warehouseOrderId, row.id],
    );
    return {
      ...base,
      target: {
        warehouseOrderId: row.warehouseOrderId,
        orderId: row.orderId,
        orderName: row.orderName ?? "",
        shopifyOrderId: row.shopifyOrderId,
        draft: row.draft,
        appliedBefore: others.rows.filter((o) => o.sameWarehouseOrder).flatMap((o) => o.appliedLines ?? []),
        fulfillmentsOfOthers: others.rows.flatMap((o) => (o.shopifyFulfillmentId ? [o.shopifyFulfillmentId] : [])),
      },
    };
  }

  async markAttempt(shop: string, dispatchId: string): Promise<void> {
    await this.sql.run(
      "dispatch-attempt",
      `WITH attempt AS (
         UPDATE dispatch_advice SET "attemptedAt" = ${NOW_UTC}, attempts = attempts + 1 WHERE shop = $1 AND id = $2::uuid RETURNING "warehouseOrderId", "connectionId", payload)
       UPDATE "order" o SET ${OWN_WRITE_IN_FLIGHT}
         FROM attempt a JOIN warehouse_order w ON w.shop = $1 AND (w.id = a."warehouseOrderId" OR (w."connectionId" = a."connectionId" AND w."idempotencyKey" = a.payload->>'orderReference'))
        WHERE o.shop = $1 AND o.id = w."orderId"`,
      [shop, dispatchId],
    );
  }

  async recordApplied(dispatch: DispatchToApply, outcome: AppliedOutcome): Promise<{ orderState: string; warehouseOrderState: string }> {
    const target = dispatch.target!;
    return this.sql.transaction(async (tx) => {
      // The order row first: shipments of one order are recorded one after another.
      const order = await tx.run<{ state: OrderState }>("lock-order", `SELECT state::text FROM "order" WHERE shop = $1 AND id = $2::uuid FOR UPDATE`, [dispatch.shop, target.orderId]);
      const before = order.rows[0]?.state;
      if (!before) throw new Error(`order ${target.orderId} of ${dispatch.shop} is gone`);
      await tx.run(
        "dispatch-applied",
        `UPDATE dispatch_advice SET status = 'applied', "shopifyFulfillmentId" = $3, "appliedLines" = $4::jsonb, "appliedTracking" = $5::text[],
                "warehouseOrderId" = $6::uuid, "appliedAt" = ${NOW_UTC}, "lastError" = NULL
          WHERE shop = $1 AND id = $2::uuid`,
        [dispatch.shop, dispatch.id, outcome.fulfillmentId, JSON.stringify(outcome.units), outcome.trackingNumbers, target.warehouseOrderId],
      );
      const applied = await tx.run<{ appliedLines: LineUnits[] }>(
        "warehouse-order-applied-lines",
        `SELECT "appliedLines" FROM dispatch_advice WHERE shop = $1 AND "warehouseOrderId" = $2::uuid AND status = 'applied' AND "appliedLines" IS NOT NULL`,
        [dispatch.shop, target.warehouseOrderId],
      );
      const complete = dispatch.advice.complete || warehouseOrderComplete(target.draft.lines, applied.rows.flatMap((r) => r.appliedLines));
      const warehouseOrderState = complete ? "dispatched" : "partially_dispatched";
      await tx.run(
        "warehouse-order-dispatched",
        `UPDATE warehouse_order SET state = $3::warehouse_order_state, "updatedAt" = ${NOW_UTC} WHERE shop = $1 AND id = $2::uuid AND state <> 'cancelled'`,
        [dispatch.shop, target.warehouseOrderId, warehouseOrderState],
      );
      const orderState = stateAfterShipment(before, outcome.orderFulfilled);
      await tx.run(
        "order-shipped",
        `UPDATE "order" SET state = $3::order_state, "updatedAt" = ${NOW_UTC}, "ownWriteUntil" = NULL,
                "ownWriteStamps" = CASE WHEN $4::timestamptz IS NULL THEN "ownWriteStamps" ELSE array_append("ownWriteStamps", $4::timestamptz AT TIME ZONE 'UTC') END
          WHERE shop = $1 AND id = $2::uuid`,
        [dispatch.shop, target.orderId, orderState, outcome.orderUpdatedAt],
      );
      const tracking = outcome.trackingNumbers.length ? ` Tracking ${outcome.trackingNumbers.join(", ")}.` : " No tracking number.";
      const how = outcome.recovered ? " (found after an attempt whose answer was lost; not created twice)" : "";
      await timeline(tx, dispatch, "dispatch", `Shipment ${dispatch.shipmentId} from ${target.draft.facilityCode} recorded in Shopify as ${outcome.fulfillmentId}${how}.${tracking}`, {
        advice: dispatch.advice,
        fulfillment: outcome,
      });
      await clearDispatchExceptions(tx, dispatch.shop, dispatch.id, []);
      return { orderState, warehouseOrderState };
    });
  }

  async recordProblems(dispatch: DispatchToApply, problems: DispatchProblem[]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run("dispatch-failed", `UPDATE dispatch_advice SET status = 'failed', "lastError" = $3 WHERE shop = $1 AND id = $2::uuid`, [
        dispatch.shop,
        dispatch.id,
        problems.map((p) => p.message).join(" "),
      ]);
      const raise = problems.map((p) => ({
        key: dispatchKey(dispatch.id, p),
        kind: p.kind,
        message: p.message,
        detail: { dispatchId: dispatch.id, shipmentId: dispatch.shipmentId, orderReference: dispatch.advice.orderReference, warehouseSku: p.warehouseSku || null },
      }));
      await applyExceptions(tx, dispatch.shop, dispatch.target?.orderId ?? null, raise, []);
      await clearDispatchExceptions(tx, dispatch.shop, dispatch.id, raise.map((r) => r.key));
      if (dispatch.target) await timeline(tx, dispatch, "exception", problems.map((p) => p.message).join(" "), { advice: dispatch.advice, problems });
    });
  }

  async recordTransient(dispatch: DispatchToApply, message: string): Promise<void> {
    await this.sql.run("dispatch-transient", `UPDATE dispatch_advice SET "lastError" = $3 WHERE shop = $1 AND id = $2::uuid`, [dispatch.shop, dispatch.id, message]);
  }

  async recordTrackingUpdated(dispatch: DispatchToApply, trackingNumbers: string[], orderUpdatedAt: Date | null): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run("dispatch-tracking", `UPDATE dispatch_advice SET "appliedTracking" = $3::text[] WHERE shop = $1 AND id = $2::uuid`, [dispatch.shop, dispatch.id, trackingNumbers]);
      if (!dispatch.target) return;
      if (orderUpdatedAt) {
        await tx.run(
          "order-own-write",
          `UPDATE "order" SET "ownWriteStamps" = array_append("ownWriteStamps", $3::timestamptz AT TIME ZONE 'UTC'), "ownWriteUntil" = NULL WHERE shop = $1 AND id = $2::uuid`,
          [dispatch.shop, dispatch.target.orderId, orderUpdatedAt],
        );
      }
      await timeline(tx, dispatch, "dispatch", `Tracking of shipment ${dispatch.shipmentId} updated in Shopify: ${trackingNumbers.join(", ")}.`, { advice: dispatch.advice });
    });
  }

  async listUnapplied(olderThan: Date, limit: number) {
    const { rows } = await this.sql.run<{ shop: string; dispatchId: string }>(
      "list-unapplied-dispatches",
      `SELECT d.shop, d.id::text AS "dispatchId" FROM dispatch_advice d JOIN shop s ON s.domain = d.shop
        WHERE d.status = 'received' AND d."receivedAt" < ($1::timestamptz AT TIME ZONE 'UTC') AND s."uninstalledAt" IS NULL
        ORDER BY d."receivedAt" LIMIT $2`,
      [olderThan, limit],
    );
    return rows;
  }

  /** Blocked dispatches behind exceptions the merchant retries: back to `received`, to be applied again. */
  async reopen(shop: string, dispatchIds: string[]): Promise<string[]> {
    const { rows } = await this.sql.run<{ id: string }>(
      "reopen-dispatches",
      `UPDATE dispatch_advice SET status = 'received' WHERE shop = $1 AND id = ANY($2::uuid[]) AND status = 'failed' RETURNING id::text`,
      [shop, dispatchIds],
    );
    return rows.map((r) => r.id);
  }
}

/** The order's warehouse status as last written to Shopify, beside the state it mirrors. */
export class SqlWarehouseStatusRepository implements StatusRepository {
  constructor(private readonly sql: Sql) {}

  async load(shop: string, orderId: string) {
    const { rows } = await this.sql.run<{ shopifyOrderId: string | null; state: string; written: string | null; settings: unknown }>(
      "load-warehouse-status",
      `SELECT o."shopifyOrderId", o.state::text AS state, o."warehouseStatus" AS written, s.settings
         FROM "order" o JOIN shop s ON s.domain = o.shop WHERE o.shop = $1 AND o.id = $2::uuid`,
      [shop, orderId],
    );
    const row = rows[0];
    return row ? { ...row, settings: readOperationsSettings(row.settings).fulfilment } : null;
  }

  async markWriting(shop: string, orderId: string): Promise<void> {
    await this.sql.run("warehouse-status-writing", `UPDATE "order" SET ${OWN_WRITE_IN_FLIGHT} WHERE shop = $1 AND id = $2::uuid`, [shop, orderId]);
  }

  async recordWritten(shop: string, orderId: string, write: StatusWrite, orderUpdatedAt: Date[]): Promise<void> {
    // The tags Loadbay last saw change with its own write, or the write's echo would not be recognised
    // as Loadbay's own (echoes are matched on the order's tags, too).
    await this.sql.run(
      "warehouse-status-written",
      `UPDATE "order" SET "warehouseStatus" = $3, "ownWriteUntil" = NULL,
              "ownWriteStamps" = "ownWriteStamps" || ARRAY(SELECT s AT TIME ZONE 'UTC' FROM unnest($4::timestamptz[]) AS s),
              facts = CASE WHEN jsonb_typeof(facts->'tags') = 'array' THEN jsonb_set(facts, '{tags}', (
                SELECT COALESCE(jsonb_agg(tag), '[]'::jsonb) FROM (
                  SELECT value AS tag FROM jsonb_array_elements_text(facts->'tags') WHERE lower(value) <> ALL($5::text[])
                  UNION SELECT unnest($6::text[])) AS kept)) ELSE facts END
        WHERE shop = $1 AND id = $2::uuid`,
      [shop, orderId, write.status, orderUpdatedAt, write.tagsRemove.map((t) => t.toLowerCase()), write.tagsAdd],
    );
  }
}

function clearDispatchExceptions(tx: SqlRunner, shop: string, dispatchId: string, keep: string[]) {
  return tx.run(
    "clear-dispatch-exceptions",
    `UPDATE exception SET status = 'resolved', "resolvedAt" = ${NOW_UTC}
      WHERE shop = $1 AND status = 'open' AND key LIKE $2 AND NOT (key = ANY($3::text[]))`,
    [shop, `dispatch:${dispatchId}:%`, keep],
  );
}

function timeline(tx: SqlRunner, dispatch: DispatchToApply, kind: string, message: string, payload: unknown) {
  return tx.run(
    "timeline-dispatch",
    `INSERT INTO timeline_event (id, shop, "orderId", "warehouseOrderId", at, actor, kind, message, payload)
     VALUES (gen_random_uuid(), $1, $2::uuid, $3::uuid, ${NOW_UTC}, $4, $5, $6, $7::jsonb)`,
    [dispatch.shop, dispatch.target?.orderId ?? null, dispatch.target?.warehouseOrderId ?? null, ACTOR, kind, message, JSON.stringify(payload)],
  );
}
