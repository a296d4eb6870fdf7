// Applies one recorded webhook exactly once in effect: the row is locked, its effects and its
// `processed` mark commit together, and a row that is no longer `received` is skipped.
import type { EvaluationRequest, InboxEffects, InboxOutcome, InboxRepository } from "./inbox.ports";
import type { WebhookEvent, WebhookParser } from "./webhook-event";

/** After this many attempts a row is marked failed (visible, retryable) instead of retried forever. */
export const MAX_INBOX_ATTEMPTS = 8;

export interface ProcessInboxDeps {
  inbox: InboxRepository;
  parse: WebhookParser;
  /** Where orders that need a decision go; a failed enqueue is picked up by the sweeper. */
  evaluations: { enqueueEvaluation(job: EvaluationRequest): Promise<void> };
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
  const event = parsed.event;
  const outcome = isOrderEvent(event)
    ? await noteOrderChange(deps.inbox, job, row.topic, event)
    : await deps.inbox.processExclusively(job.shop, job.inboxId, (effects) => applyEvent(event, row.topic, effects));
  if (!outcome) return { status: "skipped", note: "row locked by another worker or already done" };
  if (outcome.status === "processed") await enqueueAll(deps, outcome.evaluate ?? []);
  return outcome;
}

async function enqueueAll(deps: ProcessInboxDeps, requests: EvaluationRequest[]): Promise<void> {
  // After the commit: the orders are durably pending, so a failure here only delays them (sweeper).
  await Promise.allSettled(requests.map((r) => deps.evaluations.enqueueEvaluation(r)));
}

type OrderEvent = Extract<WebhookEvent, { type: "order-changed" | "order-cancelled" | "refund-created" }>;
type OtherEvent = Exclude<WebhookEvent, OrderEvent>;
const isOrderEvent = (event: WebhookEvent): event is OrderEvent => event.type === "order-changed" || event.type === "order-cancelled" || event.type === "refund-created";

/** Most webhooks are about orders: their own port method, the hot path. */
async function noteOrderChange(inbox: InboxRepository, job: { shop: string; inboxId: string }, topic: string, event: OrderEvent): Promise<InboxOutcome | null> {
  const noted = await inbox.noteOrderChangeExclusively(job.shop, job.inboxId, {
    shopifyOrderId: event.shopifyOrderId,
    name: event.name,
    topic,
    sourceUpdatedAt: event.type === "order-changed" ? event.sourceUpdatedAt : null,
    fingerprint: event.type === "order-changed" ? event.fingerprint : null,
  });
  if (!noted) return null;
  if (!noted.request) return { status: "processed", note: `${event.shopifyOrderId}: a version already handled (echo); no work` };
  return { status: "processed", note: `order ${event.shopifyOrderId} to be evaluated`, evaluate: [noted.request] };
}

async function applyEvent(event: OtherEvent, topic: string, effects: InboxEffects): Promise<InboxOutcome> {
  switch (event.type) {
    case "draft-changed": {
      const request = await effects.noteDraftChanged({ ...event, topic, deleted: false });
      return { status: "processed", note: `draft ${event.shopifyDraftOrderId} tracked`, evaluate: request ? [request] : [] };
    }
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
