// "Something changed about this Shopify order": create or touch the row and ask for a decision,
// unless it is a version Loadbay has already handled. Shared by webhooks and the reconciliation sweep.
import type { Prisma } from "@prisma/client";
import type { EvaluationRequest } from "~/modules/inbox/inbox.ports";
import { isKnownVersion, type Fingerprint } from "~/modules/orders/known-version";

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
    select: { id: true, evaluationRevision: true },
  });
  await timeline(order.id, change.message);
  return { shop, orderId: order.id, revision: order.evaluationRevision };
}

/** Tags and financial status as of the last evaluation, from the stored facts. */
function seenFingerprint(order: { financialStatus: string | null; facts: Prisma.JsonValue }): Fingerprint | null {
  const tags = (order.facts as { tags?: unknown } | null)?.tags;
  return Array.isArray(tags) ? { tags: tags.map(String), financialStatus: order.financialStatus } : null;
}
