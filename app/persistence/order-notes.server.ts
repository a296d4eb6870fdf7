// "Something changed about this Shopify order": create or touch the row and ask for a decision,
// unless it is a version Loadbay has already handled. Shared by webhooks and the reconciliation sweep.
// Every order webhook runs this, so it is plain SQL in as few statements as the rule allows (decision 0016).
import type { Prisma } from "@prisma/client";
import { NOW_UTC, type SqlRunner } from "~/lib/sql.server";
import type { EvaluationRequest } from "~/modules/inbox/inbox.ports";
import { isKnownVersion, type Fingerprint, type PendingVersion } from "~/modules/orders/known-version";

type Tx = Prisma.TransactionClient;

export interface OrderChange {
  shopifyOrderId: string;
  name: string | null;
  updatedAt: Date | null;
  fingerprint: Fingerprint | null;
  actor: string;
  message: string;
  payload?: unknown;
  /** Webhooks say on the timeline that a known version needed no work; the sweep stays quiet. */
  noteKnown: boolean;
}

/** What Loadbay knows of the order's versions (echo recognition): the row's id, or null for a new order. */
interface KnownRow {
  orderId: string | null;
  evaluatedUpdatedAt: Date | null;
  ownWriteStamps: Date[] | null;
  financialStatus: string | null;
  tags: Prisma.JsonValue;
}
const KNOWN_COLUMNS = `o.id::text AS "orderId", o."evaluatedUpdatedAt", o."ownWriteStamps", o."financialStatus", o.facts->'tags' AS tags`;

/** From the reconciliation sweep: no inbox row. */
export async function noteOrderChange(tx: SqlRunner, shop: string, change: OrderChange): Promise<EvaluationRequest | null> {
  const { rows } = await tx.run<KnownRow>("order-known-versions", `SELECT ${KNOWN_COLUMNS} FROM "order" o WHERE o.shop = $1 AND o."shopifyOrderId" = $2`, [
    shop,
    change.shopifyOrderId,
  ]);
  return applyOrderChange(tx, shop, change, rows[0] ?? null, null);
}

/**
 * From an order webhook: the inbox row is locked and the order's known versions read in one statement,
 * then the change is noted and the row marked processed in the next. Null, doing nothing, when the row
 * is no longer `received` or another worker holds it. Run inside a transaction.
 */
export async function noteOrderChangeFromInbox(tx: SqlRunner, shop: string, inboxId: string, change: OrderChange): Promise<{ request: EvaluationRequest | null } | null> {
  const { rows } = await tx.run<KnownRow & { status: string }>(
    "inbox-lock-order-versions",
    `SELECT w.status::text, ${KNOWN_COLUMNS}
       FROM webhook_inbox w LEFT JOIN "order" o ON o.shop = w.shop AND o."shopifyOrderId" = $3
      WHERE w.shop = $1 AND w.id = $2::uuid
        FOR UPDATE OF w SKIP LOCKED`,
    [shop, inboxId, change.shopifyOrderId],
  );
  const row = rows[0];
  if (row?.status !== "received") return null;
  return { request: await applyOrderChange(tx, shop, change, row.orderId ? row : null, inboxId) };
}

/** Marks the inbox row ($2) processed; with no inbox row ($2 null) it touches nothing. */
const FINISH_INBOX = `UPDATE webhook_inbox SET status = 'processed', "processedAt" = ${NOW_UTC}, reason = NULL WHERE shop = $1 AND id = $2::uuid`;

/** One statement either way; `inboxId` (when there is one) is marked processed in it. */
async function applyOrderChange(tx: SqlRunner, shop: string, change: OrderChange, known: KnownRow | null, inboxId: string | null): Promise<EvaluationRequest | null> {
  const { updatedAt } = change;
  const payload = change.payload === undefined ? null : JSON.stringify(change.payload);
  if (known?.orderId && updatedAt && isKnownVersion(updatedAt, { evaluatedUpdatedAt: known.evaluatedUpdatedAt, ownWriteStamps: known.ownWriteStamps ?? [], seen: seenFingerprint({ financialStatus: known.financialStatus, facts: { tags: known.tags } }) }, change.fingerprint)) {
    if (!change.noteKnown && !inboxId) return null;
    await tx.run(
      "order-change-known",
      `WITH noted AS (
         INSERT INTO timeline_event (id, shop, "orderId", at, actor, kind, message, payload)
         SELECT gen_random_uuid(), $1, $3::uuid, ${NOW_UTC}, $4, 'webhook', $5, $6::jsonb WHERE $7)
       ${FINISH_INBOX}`,
      [shop, inboxId, known.orderId, change.actor, `${change.message} for a version Loadbay already handled: no work needed`, payload, change.noteKnown],
    );
    return null;
  }
  // Create or touch the row, bump the revision and remember this revision's change.
  const entry = (revision: string) => `jsonb_build_array(jsonb_build_object('revision', ${revision}, 'updatedAt', $5::text, 'fingerprint', $6::jsonb))`;
  const { rows } = await tx.run<{ id: string; evaluationRevision: number }>(
    "order-change-note",
    `WITH touched AS (
       INSERT INTO "order" (id, shop, "shopifyOrderId", name, "pendingEvaluation", "evaluationRevision", "sourceUpdatedAt", "pendingVersions", "createdAt", "updatedAt")
       VALUES (gen_random_uuid(), $1, $3, COALESCE($4, $3), true, 1, $5::timestamptz AT TIME ZONE 'UTC', ${entry("1")}, ${NOW_UTC}, ${NOW_UTC})
       ON CONFLICT (shop, "shopifyOrderId") DO UPDATE
          SET "pendingEvaluation" = true,
              "evaluationRevision" = "order"."evaluationRevision" + 1,
              name = COALESCE($4, "order".name),
              "sourceUpdatedAt" = COALESCE($5::timestamptz AT TIME ZONE 'UTC', "order"."sourceUpdatedAt"),
              "pendingVersions" = "order"."pendingVersions" || ${entry(`"order"."evaluationRevision" + 1`)},
              "updatedAt" = ${NOW_UTC}
       RETURNING id, "evaluationRevision"),
     noted AS (
       INSERT INTO timeline_event (id, shop, "orderId", at, actor, kind, message, payload)
       SELECT gen_random_uuid(), $1, touched.id, ${NOW_UTC}, $7, 'webhook', $8, $9::jsonb FROM touched),
     finished AS (${FINISH_INBOX})
     SELECT id::text, "evaluationRevision" FROM touched`,
    [shop, inboxId, change.shopifyOrderId, change.name, updatedAt?.toISOString() ?? null, change.fingerprint ? JSON.stringify(change.fingerprint) : null, change.actor, change.message, payload],
  );
  const order = rows[0];
  if (!order) throw new Error(`order ${change.shopifyOrderId} was neither created nor updated`);
  return { shop, orderId: order.id, revision: order.evaluationRevision };
}

/** Remembers what this revision's change was, so an evaluation can recognise a late-recorded echo. */
export async function notePendingVersion(
  tx: Tx,
  order: { id: string; evaluationRevision: number; pendingVersions: Prisma.JsonValue },
  change: { updatedAt: Date | null; fingerprint: Fingerprint | null },
): Promise<void> {
  const entry: PendingVersion = { revision: order.evaluationRevision, updatedAt: change.updatedAt?.toISOString() ?? null, fingerprint: change.fingerprint };
  const pending = [...((order.pendingVersions as unknown as PendingVersion[] | null) ?? []), entry];
  await tx.order.update({ where: { id: order.id }, data: { pendingVersions: pending as unknown as Prisma.InputJsonValue } });
}

/** The pending changes newer than a decided revision. */
export function pendingAfter(pending: Prisma.JsonValue, revision: number): PendingVersion[] {
  return ((pending as unknown as PendingVersion[] | null) ?? []).filter((p) => p.revision > revision);
}

/** Tags and financial status as of the last evaluation, from the stored facts. */
export function seenFingerprint(order: { financialStatus: string | null; facts: Prisma.JsonValue }): Fingerprint | null {
  const tags = (order.facts as { tags?: unknown } | null)?.tags;
  return Array.isArray(tags) ? { tags: tags.map(String), financialStatus: order.financialStatus } : null;
}
