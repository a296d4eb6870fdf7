// PostgreSQL side of the transport state port: counters in `warehouse_connection.sequences`, per-order
// state in `warehouse_order.transport`. Plain SQL (decision 0016): these run once per order sent and per
// inbound file. Neither statement touches "updatedAt" of the connection, so the registry's cached
// connector (keyed by it) stays valid while counters move.
import { isUuid } from "~/lib/ids";
import { NOW_UTC, type Sql, type SqlRunner } from "~/lib/sql.server";
import type { InboundFileScope } from "~/modules/transmission/inbound-files.ports";
import type { ConnectionProblem, TransportAcknowledgement, TransportState } from "~/modules/transmission/transport-state.ports";
import { applyExceptions } from "./exceptions.server";

const ACTOR = "job:edi-acknowledgement";

type Matched = { id: string; orderId: string; idempotencyKey: string };

export class SqlTransportState implements TransportState {
  constructor(private readonly sql: Sql) {}

  async advance(scope: InboundFileScope, steps: Record<string, number>, max: number): Promise<Record<string, number>> {
    const names = Object.keys(steps);
    // One statement: the row lock makes a second caller wait and then recompute from the first's result
    // (READ COMMITTED re-evaluates an UPDATE against the newest row version).
    const { rows } = await this.sql.run<{ sequences: Record<string, number> }>(
      "advance-sequences",
      `UPDATE warehouse_connection c
          SET sequences = c.sequences || (
            SELECT jsonb_object_agg(t.name, ((CASE WHEN jsonb_typeof(c.sequences -> t.name) = 'number'
                                                   THEN LEAST(GREATEST((c.sequences ->> t.name)::bigint, 0), $5::bigint) ELSE 0 END
                                              + t.step - 1) % $5::bigint) + 1)
              FROM unnest($3::text[], $4::int[]) AS t(name, step))
        WHERE c.shop = $1 AND c.id = $2::uuid
        RETURNING c.sequences`,
      [scope.shop, scope.connectionId, names, names.map((n) => steps[n]), max],
    );
    const row = rows[0];
    if (!row) throw new Error(`no warehouse connection ${scope.connectionId} for ${scope.shop}`);
    return Object.fromEntries(names.map((n) => [n, Number(row.sequences[n])]));
  }

  async recall(scope: InboundFileScope, warehouseOrderId: string): Promise<Record<string, unknown> | null> {
    if (!isUuid(warehouseOrderId)) return null;
    const { rows } = await this.sql.run<{ transport: Record<string, unknown> | null }>(
      "recall-transport",
      `SELECT transport FROM warehouse_order WHERE shop = $1 AND "connectionId" = $2::uuid AND id = $3::uuid`,
      [scope.shop, scope.connectionId, warehouseOrderId],
    );
    return rows[0]?.transport ?? null;
  }

  async keep(scope: InboundFileScope, warehouseOrderId: string, key: string, value: unknown): Promise<Record<string, unknown>> {
    const proposed = { [key]: value };
    if (!isUuid(warehouseOrderId)) return proposed;
    const { rows } = await this.sql.run<{ transport: Record<string, unknown> }>(
      "keep-transport",
      `UPDATE warehouse_order
          SET transport = CASE WHEN transport ? $4 THEN transport ELSE COALESCE(transport, '{}'::jsonb) || jsonb_build_object($4::text, $5::jsonb) END
        WHERE shop = $1 AND "connectionId" = $2::uuid AND id = $3::uuid RETURNING transport`,
      [scope.shop, scope.connectionId, warehouseOrderId, key, JSON.stringify(value)],
    );
    return rows[0]?.transport ?? proposed;
  }

  async acknowledge(scope: InboundFileScope, acknowledgements: TransportAcknowledgement[]): Promise<number> {
    let matched = 0;
    for (const ack of acknowledgements) {
      matched += await this.sql.transaction((tx) => (ack.accepted ? accept(tx, scope, ack) : reject(tx, scope, ack)));
    }
    return matched;
  }

  async stamp(scope: InboundFileScope, name: string, at: Date): Promise<void> {
    await this.sql.run(
      "stamp-connection",
      `UPDATE warehouse_connection SET sequences = sequences || jsonb_build_object($3::text, $4::bigint) WHERE shop = $1 AND id = $2::uuid`,
      [scope.shop, scope.connectionId, name, at.getTime()],
    );
  }

  async stampOf(scope: InboundFileScope, name: string): Promise<Date | null> {
    const { rows } = await this.sql.run<{ at: string | null }>(
      "stamp-of-connection",
      `SELECT sequences ->> $3 AS at FROM warehouse_connection WHERE shop = $1 AND id = $2::uuid`,
      [scope.shop, scope.connectionId, name],
    );
    const at = rows[0]?.at;
    return at && /^\d+$/.test(at) ? new Date(Number(at)) : null;
  }

  async raise(scope: InboundFileScope, problem: ConnectionProblem): Promise<void> {
    await applyExceptions(this.sql, scope.shop, null, [{ key: problem.key, kind: problem.kind, message: problem.message, detail: problem.detail ?? {} }], []);
  }
}

/** Only a change is recorded: the same 997 read again (at-least-once polling) does nothing. */
async function accept(tx: SqlRunner, scope: InboundFileScope, ack: TransportAcknowledgement): Promise<number> {
  const { rows } = await tx.run<Matched>(
    "transport-accepted",
    `UPDATE warehouse_order
        SET transport = transport || '{"acknowledgement": "accepted"}'::jsonb,
            state = CASE WHEN state = 'transmitted' THEN 'accepted'::warehouse_order_state ELSE state END,
            "acceptedAt" = COALESCE("acceptedAt", ${NOW_UTC}), "updatedAt" = ${NOW_UTC},
            "warehouseReference" = COALESCE($4, "warehouseReference")
      WHERE shop = $1 AND "connectionId" = $2::uuid AND transport @> $3::jsonb
        AND (transport ->> 'acknowledgement') IS DISTINCT FROM 'accepted'
      RETURNING id::text, "orderId"::text AS "orderId", "idempotencyKey"`,
    [scope.shop, scope.connectionId, JSON.stringify(ack.match), ack.warehouseReference ?? null],
  );
  for (const row of rows) await timeline(tx, scope.shop, row, "transmission", `The warehouse acknowledged ${row.idempotencyKey}: ${ack.message}`, ack.detail, ack.actor);
  return rows.length;
}

/**
 * Blocked like a refused submit (back to `mapped`, no next attempt) until a re-map after the fix. What the
 * refused file was sent with is retired (every key but `attempt` and `rejected` moves into `rejected[]`),
 * so the next send takes new numbers under a new name instead of repeating what the warehouse refused.
 */
async function reject(tx: SqlRunner, scope: InboundFileScope, ack: TransportAcknowledgement): Promise<number> {
  const { rows } = await tx.run<Matched>(
    "transport-rejected",
    `UPDATE warehouse_order
        SET transport = jsonb_build_object(
              'attempt', COALESCE((transport ->> 'attempt')::int, 1) + 1,
              'rejected', COALESCE(transport -> 'rejected', '[]'::jsonb) || jsonb_build_array(transport - 'attempt' - 'rejected')),
            state = CASE WHEN state = 'transmitted' THEN 'mapped'::warehouse_order_state ELSE state END,
            "lastError" = $4, "nextAttemptAt" = NULL, "updatedAt" = ${NOW_UTC}
      WHERE shop = $1 AND "connectionId" = $2::uuid AND transport @> $3::jsonb
      RETURNING id::text, "orderId"::text AS "orderId", "idempotencyKey"`,
    [scope.shop, scope.connectionId, JSON.stringify(ack.match), ack.message],
  );
  for (const row of rows) {
    const message = `The warehouse rejected ${row.idempotencyKey}: “${ack.message}” Fix the order or the mapping, then retry.`;
    await applyExceptions(tx, scope.shop, row.orderId, [{ key: `warehouse-rejected:${row.idempotencyKey}`, kind: "warehouse-rejected", message, detail: ack.detail ?? {} }], []);
    await timeline(tx, scope.shop, row, "exception", message, ack.detail, ack.actor);
  }
  return rows.length;
}

function timeline(tx: SqlRunner, shop: string, row: Matched, kind: string, message: string, payload: unknown, actor = ACTOR) {
  return tx.run(
    "timeline-transport",
    `INSERT INTO timeline_event (id, shop, "orderId", "warehouseOrderId", at, actor, kind, message, payload)
     VALUES (gen_random_uuid(), $1, $2::uuid, $3::uuid, ${NOW_UTC}, $4, $5, $6, $7::jsonb)`,
    [shop, row.orderId, row.id, actor, kind, message, JSON.stringify(payload ?? null)],
  );
}
