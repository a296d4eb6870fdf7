// Records a webhook through the real intake use case and processes it through the real use case,
// against PostgreSQL, without a worker: for tests of what a webhook does.
import { randomUUID } from "node:crypto";
import type { Container } from "~/composition.server";
import { processInboxRow } from "~/modules/inbox/process-inbox-row.use-case";
import { parseWebhookPayload } from "~/shopify/webhook-payloads.schema";

export async function deliverAndProcess(c: Container, shop: string, topic: string, body: unknown) {
  const webhookId = randomUUID();
  const recorded = await c.recordWebhook({ shop, topic, webhookId, eventId: randomUUID(), apiVersion: "2026-07", triggeredAt: new Date(), rawBody: JSON.stringify(body) });
  const row = await c.db.webhookInbox.findFirst({ where: { shop, webhookId } });
  if (!row) return { recorded, result: null, inboxId: null };
  const result = await processInboxRow({ inbox: c.inbox, parse: parseWebhookPayload, evaluations: c.queues }, { shop, inboxId: row.id });
  return { recorded, result, inboxId: row.id };
}
