// The effects of one webhook, written inside the transaction that marks its inbox row processed.
import { Prisma } from "@prisma/client";
import type { InboxEffects } from "~/modules/inbox/inbox.ports";
import { notePendingVersion } from "./order-notes.server";

type Tx = Prisma.TransactionClient;

export function createInboxEffects(tx: Tx, shop: string, inboxId: string): InboxEffects {
  const note = (orderId: string | null, topic: string, message: string, payload: Prisma.InputJsonValue = { inboxId }) =>
    tx.timelineEvent.create({ data: { shop, orderId, actor: `webhook:${topic}`, kind: "webhook", message, payload } });

  return {
    async noteDraftChanged({ shopifyDraftOrderId, name, topic, completedOrderId, deleted }) {
      const draft = await tx.order.findUnique({ where: { shop_shopifyDraftOrderId: { shop, shopifyDraftOrderId } } });
      if (completedOrderId) {
        const linked = await linkCompletedDraft(tx, shop, { draftId: draft?.id ?? null, shopifyDraftOrderId, completedOrderId, name });
        await note(linked.id, topic, `Draft completed as order ${completedOrderId}`);
        return linked.evaluate ? { shop, orderId: linked.id, revision: linked.evaluationRevision } : null;
      }
      if (deleted) {
        if (draft?.state === "draft_awaiting_completion") {
          await tx.order.update({ where: { id: draft.id }, data: { state: "cancelled", holdReasons: [] } });
          await note(draft.id, topic, "Draft deleted in Shopify before it was completed");
        }
        return null;
      }
      const row = await tx.order.upsert({
        where: { shop_shopifyDraftOrderId: { shop, shopifyDraftOrderId } },
        create: { shop, shopifyDraftOrderId, name: name ?? shopifyDraftOrderId, state: "draft_awaiting_completion" },
        update: name ? { name } : {},
        select: { id: true },
      });
      await note(row.id, topic, `Draft ${name ?? shopifyDraftOrderId} is waiting for completion; drafts are never sent`);
      return null;
    },

    async markShopUninstalled() {
      await tx.shop.update({ where: { domain: shop }, data: { uninstalledAt: new Date() } });
      await tx.session.deleteMany({ where: { shop } });
      await note(null, "app/uninstalled", "App uninstalled: outbound work stopped, incoming webhooks are still recorded");
    },

    async deleteShopData() {
      await tx.session.deleteMany({ where: { shop } });
      await tx.shop.deleteMany({ where: { domain: shop } }); // cascades to every row the shop owns
    },

    async redactCustomerOrders(shopifyOrderIds) {
      const orders = await tx.order.findMany({ where: { shop, shopifyOrderId: { in: shopifyOrderIds } }, select: { id: true } });
      const ids = orders.map((o) => o.id);
      await tx.order.updateMany({ where: { shop, id: { in: ids } }, data: { facts: { redacted: true } } });
      await tx.timelineEvent.updateMany({ where: { shop, orderId: { in: ids } }, data: { payload: { redacted: true } } });
      await tx.$executeRaw`
        UPDATE webhook_inbox SET payload = NULL, "payloadPurged" = true
        WHERE shop = ${shop} AND id <> ${inboxId}::uuid
          AND (payload->>'admin_graphql_api_id' = ANY(${shopifyOrderIds}) OR 'gid://shopify/Order/' || (payload->>'order_id') = ANY(${shopifyOrderIds}))`;
      await note(null, "customers/redact", `Personal data removed from ${ids.length} orders`, { orders: shopifyOrderIds });
      return ids.length;
    },

    async recordDataRequest(customerId, shopifyOrderIds) {
      const orders = await tx.order.findMany({
        where: { shop, shopifyOrderId: { in: shopifyOrderIds } },
        select: { shopifyOrderId: true, name: true, poNumber: true, companyName: true, facts: true, state: true },
      });
      await note(null, "customers/data_request", `Data request for ${customerId}: Loadbay holds ${orders.length} of the requested orders`, {
        customerId,
        orders,
      } as unknown as Prisma.InputJsonValue);
      return orders.length;
    },
  };
}

/**
 * A completed draft becomes the order row; if orders/create arrived first, the two rows merge and
 * that order's own evaluation stands (linking the draft changes nothing Shopify would tell us).
 */
async function linkCompletedDraft(
  tx: Tx,
  shop: string,
  input: { draftId: string | null; shopifyDraftOrderId: string; completedOrderId: string; name: string | null },
  retried = false,
): Promise<{ id: string; evaluationRevision: number; evaluate: boolean }> {
  const select = { id: true, evaluationRevision: true, pendingVersions: true } as const;
  const bump = { pendingEvaluation: true, evaluationRevision: { increment: 1 } };
  const order = await tx.order.findUnique({ where: { shop_shopifyOrderId: { shop, shopifyOrderId: input.completedOrderId } } });
  if (order) {
    if (input.draftId && input.draftId !== order.id) {
      await tx.timelineEvent.updateMany({ where: { shop, orderId: input.draftId }, data: { orderId: order.id } });
      await tx.order.delete({ where: { id: input.draftId } });
    }
    const linked = await tx.order.update({ where: { id: order.id }, data: { shopifyDraftOrderId: input.shopifyDraftOrderId }, select });
    return { ...linked, evaluate: false };
  }
  const data = { shopifyOrderId: input.completedOrderId, state: "received" as const, ...bump };
  // The order's own orders/create may be committing in another worker right now: its row is invisible
  // here, and claiming the same key waits for it and then fails. Behind a savepoint, that failure
  // leaves this transaction usable, and the row, committed by then, is merged as if it came first.
  await tx.$executeRaw`SAVEPOINT link_draft`;
  try {
    const row = input.draftId
      ? await tx.order.update({ where: { id: input.draftId }, data, select })
      : await tx.order.create({
          data: { shop, shopifyDraftOrderId: input.shopifyDraftOrderId, name: input.name ?? input.completedOrderId, ...data, evaluationRevision: 1 },
          select,
        });
    await tx.$executeRaw`RELEASE SAVEPOINT link_draft`;
    await notePendingVersion(tx, row, { updatedAt: null, fingerprint: null });
    return { ...row, evaluate: true };
  } catch (error) {
    if (!isUniqueViolation(error) || retried) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT link_draft`;
    return linkCompletedDraft(tx, shop, input, true);
  }
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
