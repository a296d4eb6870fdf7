// Applies one recorded webhook exactly once in effect: the row is locked, its effects and its
// `processed` mark commit together, and a row that is no longer `received` is skipped.
import type { InboxEffects, InboxOutcome, InboxRepository } from "./inbox.ports";
import type { WebhookEvent, WebhookParser } from "./webhook-event";

/** After this many attempts a row is marked failed (visible, retryable) instead of retried forever. */
export const MAX_INBOX_ATTEMPTS = 8;

export interface ProcessInboxDeps {
  inbox: InboxRepository;
  parse: WebhookParser;
}

export type ProcessInboxResult = InboxOutcome | { status: "skipped"; note: string };

export async function processInboxRow(
  deps: ProcessInboxDeps,
  job: { shop: string; inboxId: string },
): Promise<ProcessInboxResult> {
  const row = await deps.inbox.startAttempt(job.shop, job.inboxId);
  if (!row) return { status: "skipped", note: "row no longer exists" };
  if (row.status !== "received") return { status: "skipped", note: `row already ${row.status}` };
  if (row.attempts > MAX_INBOX_ATTEMPTS) {
    const reason = `Loadbay could not process this ${row.topic} webhook after ${MAX_INBOX_ATTEMPTS} attempts. Press retry once the cause is fixed.`;
    await deps.inbox.markFailed(job.shop, job.inboxId, reason);
    return { status: "failed", reason };
  }
  const parsed = deps.parse(row.topic, row.payload);
  if (!parsed.ok) {
    await deps.inbox.markFailed(job.shop, job.inboxId, parsed.reason);
    return { status: "failed", reason: parsed.reason };
  }
  const outcome = await deps.inbox.processExclusively(job.shop, job.inboxId, (effects) =>
    applyEvent(parsed.event, row.topic, effects),
  );
  return outcome ?? { status: "skipped", note: "row locked by another worker or already done" };
}

async function applyEvent(event: WebhookEvent, topic: string, effects: InboxEffects): Promise<InboxOutcome> {
  switch (event.type) {
    case "order-changed":
    case "order-cancelled":
    case "refund-created":
      await effects.noteOrderChanged({
        shopifyOrderId: event.shopifyOrderId,
        name: event.name,
        topic,
        sourceUpdatedAt: event.type === "order-changed" ? event.sourceUpdatedAt : null,
      });
      return { status: "processed", note: `order ${event.shopifyOrderId} queued for evaluation` };
    case "draft-changed":
      await effects.noteDraftChanged({ ...event, topic, deleted: false });
      return { status: "processed", note: `draft ${event.shopifyDraftOrderId} tracked` };
    case "draft-deleted":
      await effects.noteDraftChanged({ shopifyDraftOrderId: event.shopifyDraftOrderId, name: null, topic, completedOrderId: null, deleted: true });
      return { status: "processed", note: `draft ${event.shopifyDraftOrderId} deleted in Shopify` };
    case "app-uninstalled":
      await effects.markShopUninstalled();
      return { status: "processed", note: "outbound work stopped; webhooks are still recorded" };
    case "shop-redact":
      await effects.deleteShopData();
      return { status: "deleted" };
    case "customer-redact": {
      const count = await effects.redactCustomerOrders(event.shopifyOrderIds);
      return { status: "processed", note: `personal data removed from ${count} orders` };
    }
    case "customer-data-request": {
      const count = await effects.recordDataRequest(event.customerId, event.shopifyOrderIds);
      return { status: "processed", note: `data held for ${count} orders recorded for the merchant` };
    }
  }
}
