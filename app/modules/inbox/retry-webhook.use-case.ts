// A merchant presses "retry" on a webhook that failed: it goes back to `received` and is queued.
// Rejected bodies cannot be retried: the same bytes would be rejected again.
import type { InboxQueue } from "./inbox.ports";

export interface RetryWebhookDeps {
  inbox: { reopenFailed(shop: string, id: string): Promise<boolean> };
  queue: InboxQueue;
}

export async function retryWebhook(deps: RetryWebhookDeps, shop: string, inboxId: string): Promise<"queued" | "not-retryable"> {
  if (!(await deps.inbox.reopenFailed(shop, inboxId))) return "not-retryable";
  await deps.queue.enqueueInboxRow({ shop, inboxId });
  return "queued";
}
