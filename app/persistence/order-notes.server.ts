// "Something changed about this Shopify order": create or touch the row and ask for a decision,
// unless it is a version Loadbay has already handled. Shared by webhooks and the reconciliation sweep.
import type { Prisma } from "@prisma/client";
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
  payload?: Prisma.InputJsonValue;
  /** Webhooks say on the timeline that a known version needed no work; the sweep stays quiet. */
  noteKnown: boolean;
}

export async function noteOrderChange(tx: Tx, shop: string, change: OrderChange): Promise<EvaluationRequest | null> {
  const { shopifyOrderId, name, updatedAt } = change;
  const known = await tx.order.findUnique({
    where: { shop_shopifyOrderId: { shop, shopifyOrderId } },
    select: { id: true, evaluatedUpdatedAt: true, ownWriteStamps: true, financialStatus: true, facts: true },
  });
  const timeline = (orderId: string, message: string) =>
    tx.timelineEvent.create({ data: { shop, orderId, actor: change.actor, kind: "webhook", message, payload: change.payload } });
  if (known && updatedAt && isKnownVersion(updatedAt, { ...known, seen: seenFingerprint(known) }, change.fingerprint)) {
    if (change.noteKnown) await timeline(known.id, `${change.message} for a version Loadbay already handled: no work needed`);
    return null;
  }
  // Create or touch the row, bump the revision and remember this revision's change, in one statement
  // (this runs for every order webhook; decision 0016).
  const entry = (revision: string) => `jsonb_build_array(jsonb_build_object('revision', ${revision}, 'updatedAt', $5::text, 'fingerprint', $6::jsonb))`;
  const [order] = await tx.$queryRawUnsafe<{ id: string; evaluationRevision: number }[]>(
    `INSERT INTO "order" (id, shop, "shopifyOrderId", name, "pendingEvaluation", "evaluationRevision", "sourceUpdatedAt", "pendingVersions", "createdAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, COALESCE($3, $2), true, 1, $4::timestamptz AT TIME ZONE 'UTC', ${entry("1")}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
     ON CONFLICT (shop, "shopifyOrderId") DO UPDATE
        SET "pendingEvaluation" = true,
            "evaluationRevision" = "order"."evaluationRevision" + 1,
            name = COALESCE($3, "order".name),
            "sourceUpdatedAt" = COALESCE($4::timestamptz AT TIME ZONE 'UTC', "order"."sourceUpdatedAt"),
            "pendingVersions" = "order"."pendingVersions" || ${entry(`"order"."evaluationRevision" + 1`)},
            "updatedAt" = now() AT TIME ZONE 'UTC'
     RETURNING id::text, "evaluationRevision"`,
    shop,
    shopifyOrderId,
    name,
    updatedAt?.toISOString() ?? null,
    updatedAt?.toISOString() ?? null,
    change.fingerprint ? JSON.stringify(change.fingerprint) : null,
  );
  if (!order) throw new Error(`order ${shopifyOrderId} was neither created nor updated`);
  await timeline(order.id, change.message);
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
