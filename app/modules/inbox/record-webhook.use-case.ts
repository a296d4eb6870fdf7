// Webhook intake: record first, acknowledge second, work later (DESIGN.md, "Boundaries").
// Only the PostgreSQL insert is on the acknowledgement's path; the job is enqueued alongside.
// The inbox row is the durable guard against duplicates; the BullMQ job id only saves a wasted run.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { InboxQueue, InboxRepository } from "./inbox.ports";
import type { ParsedWebhook, WebhookDelivery, WebhookParser } from "./webhook-event";

export interface RecordWebhookDeps {
  inbox: InboxRepository;
  queue: InboxQueue;
  parse: WebhookParser;
  log: Logger;
}

export type RecordWebhookResult = "recorded" | "rejected" | "duplicate";

export async function recordWebhook(deps: RecordWebhookDeps, delivery: WebhookDelivery): Promise<RecordWebhookResult> {
  const parsed = parseBody(deps.parse, delivery);
  const id = randomUUID();
  const inserted = await deps.inbox.record({
    id,
    shop: delivery.shop,
    topic: delivery.topic,
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    apiVersion: delivery.apiVersion,
    triggeredAt: delivery.triggeredAt,
    payload: parsed.payload,
    rejectedReason: parsed.ok ? null : parsed.reason,
  });
  if (!inserted) return "duplicate";
  if (!parsed.ok) {
    deps.log.warn({ shop: delivery.shop, topic: delivery.topic, reason: parsed.reason }, "webhook rejected");
    return "rejected";
  }
  // Not awaited: the row is durable, so the acknowledgement need not wait for Redis. A failed (or,
  // in a crash, never finished) enqueue is picked up by the sweeper.
  deps.queue.enqueueInboxRow({ shop: delivery.shop, inboxId: id }).catch((error: unknown) => {
    deps.log.warn({ err: error, shop: delivery.shop, inboxId: id }, "enqueue failed; the sweeper will pick the row up");
  });
  return "recorded";
}

function parseBody(parse: WebhookParser, delivery: WebhookDelivery): ParsedWebhook {
  let payload: unknown;
  try {
    payload = JSON.parse(delivery.rawBody);
  } catch {
    return { ok: false, payload: delivery.rawBody.slice(0, 10_000), reason: `The ${delivery.topic} webhook body was not valid JSON.` };
  }
  return parse(delivery.topic, payload);
}
