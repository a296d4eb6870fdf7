// PostgreSQL side of the pull queue (decision 0023): a warehouse order waits in `transmitted` with
// `transport.pull`, until the warehouse's acknowledgement. Plain SQL (decision 0016): it runs on every
// pull. The pull is noted inside `transport.pull` (count, first and last time), so it is retired with
// the rest when a rejection moves `pull` into `rejected[]`.
import type { Sql } from "~/lib/sql.server";
import { NOW_UTC } from "~/lib/sql.server";
import type { InboundFileScope } from "~/modules/transmission/inbound-files.ports";
import type { OrderPullRepository, WaitingOrder } from "~/modules/inbound/order-pull.ports";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";

type Row = { id: string; orderId: string; idempotencyKey: string; payload: WarehouseOrderDraft; transmittedAt: Date | null; pulls: number };

export class SqlOrderPullRepository implements OrderPullRepository {
  constructor(private readonly sql: Sql) {}

  async takeWaiting(scope: InboundFileScope, limit: number, at: Date): Promise<WaitingOrder[]> {
    const rows = await this.sql.transaction(async (tx) => {
      const { rows } = await tx.run<Row>(
        "pull-waiting-orders",
        `WITH picked AS (
           SELECT id FROM warehouse_order
            WHERE shop = $1 AND "connectionId" = $2::uuid AND state = 'transmitted' AND transport ? 'pull'
              AND (transport ->> 'acknowledgement') IS DISTINCT FROM 'accepted'
            ORDER BY "transmittedAt", id LIMIT $3
            FOR UPDATE)
         UPDATE warehouse_order w
            SET transport = jsonb_set(w.transport, '{pull}', (w.transport -> 'pull') || jsonb_build_object(
                  'pulls', COALESCE((w.transport #>> '{pull,pulls}')::int, 0) + 1,
                  'lastPulledAt', $4::text,
                  'firstPulledAt', COALESCE(w.transport #> '{pull,firstPulledAt}', to_jsonb($4::text))))
           FROM picked WHERE w.id = picked.id
         RETURNING w.id::text, w."orderId"::text AS "orderId", w."idempotencyKey", w.payload, w."transmittedAt",
                   (w.transport #>> '{pull,pulls}')::int AS pulls`,
        [scope.shop, scope.connectionId, limit, at.toISOString()],
      );
      for (const row of rows.filter((r) => r.pulls === 1)) {
        await tx.run(
          "timeline-first-pull",
          `INSERT INTO timeline_event (id, shop, "orderId", "warehouseOrderId", at, actor, kind, message, payload)
           VALUES (gen_random_uuid(), $1, $2::uuid, $3::uuid, ${NOW_UTC}, 'warehouse:pull', 'transmission', $4, 'null'::jsonb)`,
          [scope.shop, row.orderId, row.id, `The warehouse pulled ${row.idempotencyKey}; waiting for its acknowledgement.`],
        );
      }
      return rows;
    });
    // RETURNING keeps no order: oldest first again.
    rows.sort((a, b) => (a.transmittedAt?.getTime() ?? 0) - (b.transmittedAt?.getTime() ?? 0) || a.id.localeCompare(b.id));
    return rows.map((r) => ({ warehouseOrderId: r.id, draft: r.payload }));
  }
}
