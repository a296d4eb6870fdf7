// The effects of one webhook, written inside the transaction that marks its inbox row processed.
import type { Prisma } from "@prisma/client";
import type { InboxEffects } from "~/modules/inbox/inbox.ports";

type Tx = Prisma.TransactionClient;

export function createInboxEffects(tx: Tx, shop: string, inboxId: string): InboxEffects {
  const note = (orderId: string | null, topic: string, message: string, payload: Prisma.InputJsonValue = { inboxId }) =>
    tx.timelineEvent.create({ data: { shop, orderId, actor: `webhook:${topic}`, kind: "webhook", message, payload } });

  return {
    async noteOrderChanged({ shopifyOrderId, name, topic, sourceUpdatedAt }) {
      const order = await tx.order.upsert({
        where: { shop_shopifyOrderId: { shop, shopifyOrderId } },
        create: { shop, shopifyOrderId, name: name ?? shopifyOrderId, pendingEvaluation: true, sourceUpdatedAt },
        update: { pendingEvaluation: true, ...(name ? { name } : {}), ...(sourceUpdatedAt ? { sourceUpdatedAt } : {}) },
        select: { id: true },
      });
      await note(order.id, topic, `Shopify sent ${topic}`);
    },

    async noteDraftChanged({ shopifyDraftOrderId, name, topic, completedOrderId, deleted }) {
      const draft = await tx.order.findUnique({ where: { shop_shopifyDraftOrderId: { shop, shopifyDraftOrderId } } });
      if (completedOrderId) {
        const id = await linkCompletedDraft(tx, shop, { draftId: draft?.id ?? null, shopifyDraftOrderId, completedOrderId, name });
        await note(id, topic, `Draft completed as order ${completedOrderId}`);
        return;
      }
      if (deleted) {
        if (draft?.state === "draft_awaiting_completion") {
          await tx.order.update({ where: { id: draft.id }, data: { state: "cancelled", holdReasons: [] } });
          await note(draft.id, topic, "Draft deleted in Shopify before it was completed");
        }
        return;
      }
      const row = await tx.order.upsert({
        where: { shop_shopifyDraftOrderId: { shop, shopifyDraftOrderId } },
        create: { shop, shopifyDraftOrderId, name: name ?? shopifyDraftOrderId, state: "draft_awaiting_completion" },
        update: name ? { name } : {},
        select: { id: true },
      });
      await note(row.id, topic, `Draft ${name ?? shopifyDraftOrderId} is waiting for completion; drafts are never sent`);
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

/** A completed draft becomes the order row; if orders/create arrived first, the two rows merge. */
async function linkCompletedDraft(
  tx: Tx,
  shop: string,
  input: { draftId: string | null; shopifyDraftOrderId: string; completedOrderId: string; name: string | null },
): Promise<string> {
  const order = await tx.order.findUnique({ where: { shop_shopifyOrderId: { shop, shopifyOrderId: input.completedOrderId } } });
  if (order) {
    if (input.draftId && input.draftId !== order.id) {
      await tx.timelineEvent.updateMany({ where: { shop, orderId: input.draftId }, data: { orderId: order.id } });
      await tx.order.delete({ where: { id: input.draftId } });
    }
    await tx.order.update({ where: { id: order.id }, data: { shopifyDraftOrderId: input.shopifyDraftOrderId } });
    return order.id;
  }
  const data = { shopifyOrderId: input.completedOrderId, state: "received" as const, pendingEvaluation: true };
  if (input.draftId) return (await tx.order.update({ where: { id: input.draftId }, data, select: { id: true } })).id;
  const created = await tx.order.create({
    data: { shop, shopifyDraftOrderId: input.shopifyDraftOrderId, name: input.name ?? input.completedOrderId, ...data },
    select: { id: true },
  });
  return created.id;
}
