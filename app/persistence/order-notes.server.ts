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
  const order = await tx.order.upsert({
    where: { shop_shopifyOrderId: { shop, shopifyOrderId } },
    create: { shop, shopifyOrderId, name: name ?? shopifyOrderId, pendingEvaluation: true, evaluationRevision: 1, sourceUpdatedAt: updatedAt },
    update: { pendingEvaluation: true, evaluationRevision: { increment: 1 }, ...(name ? { name } : {}), ...(updatedAt ? { sourceUpdatedAt: updatedAt } : {}) },
    select: { id: true, evaluationRevision: true, pendingVersions: true },
  });
  await notePendingVersion(tx, order, { updatedAt, fingerprint: change.fingerprint });
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
