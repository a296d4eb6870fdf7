import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { parseWebhookPayload } from "~/shopify/webhook-payloads.schema";
import { FakeInbox, FakeQueue } from "../support/fakes/inbox.fake";
import { MAX_INBOX_ATTEMPTS, processInboxRow } from "~/modules/inbox/process-inbox-row.use-case";
import { recordWebhook } from "~/modules/inbox/record-webhook.use-case";
import { retryWebhook } from "~/modules/inbox/retry-webhook.use-case";
import type { WebhookDelivery } from "~/modules/inbox/webhook-event";

const SHOP = "a.myshopify.com";
const log = pino({ level: "silent" });

function setup() {
  const inbox = new FakeInbox();
  const queue = new FakeQueue();
  return { inbox, queue, deps: { inbox, queue, evaluations: queue, parse: parseWebhookPayload, log } };
}

const delivery = (over: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  shop: SHOP,
  topic: "orders/create",
  webhookId: "w1",
  eventId: "e1",
  apiVersion: "2026-07",
  triggeredAt: null,
  rawBody: JSON.stringify({ id: 1, name: "#1", updated_at: null, cancelled_at: null }),
  ...over,
});

describe("recordWebhook", () => {
  it("records then queues", async () => {
    const { deps, inbox, queue } = setup();
    expect(await recordWebhook(deps, delivery())).toBe("recorded");
    expect(inbox.rows.size).toBe(1);
    expect(queue.jobs).toHaveLength(1);
  });

  it("a duplicate webhook id is neither recorded nor queued again", async () => {
    const { deps, inbox, queue } = setup();
    await recordWebhook(deps, delivery());
    expect(await recordWebhook(deps, delivery({ eventId: "e2" }))).toBe("duplicate");
    expect([inbox.rows.size, queue.jobs.length]).toEqual([1, 1]);
  });

  it("still records (and so acknowledges) when Redis is down", async () => {
    const { deps, inbox, queue } = setup();
    queue.failNext = true;
    expect(await recordWebhook(deps, delivery())).toBe("recorded");
    expect(inbox.rows.size).toBe(1);
    expect(queue.jobs).toHaveLength(0);
  });

  it("acknowledges without waiting for the queue: the row is what makes it durable", async () => {
    const { deps, inbox } = setup();
    const stuck = { ...deps, queue: { enqueueInboxRow: () => new Promise<void>(() => undefined), enqueueEvaluation: async () => undefined } };
    expect(await recordWebhook(stuck, delivery())).toBe("recorded");
    expect(inbox.rows.size).toBe(1);
  });

  it("records a malformed body as rejected and does not queue it", async () => {
    const { deps, inbox, queue } = setup();
    expect(await recordWebhook(deps, delivery({ rawBody: "<xml/>" }))).toBe("rejected");
    expect([...inbox.rows.values()][0]).toMatchObject({ status: "rejected", reason: expect.stringMatching(/not valid JSON/) });
    expect(queue.jobs).toHaveLength(0);
  });
});

describe("processInboxRow", () => {
  it("applies a row once, however often its job runs", async () => {
    const { deps, inbox, queue } = setup();
    await recordWebhook(deps, delivery());
    const job = queue.jobs[0]!;
    expect(await processInboxRow(deps, job)).toMatchObject({ status: "processed" });
    expect(await processInboxRow(deps, job)).toMatchObject({ status: "skipped" });
    expect(inbox.applied).toHaveLength(1);
    expect(queue.evaluations).toHaveLength(1); // the order goes on to its release decision
  });

  it("does not let one shop process another shop's row", async () => {
    const { deps, inbox, queue } = setup();
    await recordWebhook(deps, delivery());
    expect(await processInboxRow(deps, { shop: "b.myshopify.com", inboxId: queue.jobs[0]!.inboxId })).toMatchObject({ status: "skipped" });
    expect(inbox.applied).toHaveLength(0);
  });

  it("marks a row failed, with a reason, after too many attempts; retry reopens and queues it", async () => {
    const { deps, inbox, queue } = setup();
    await recordWebhook(deps, delivery());
    const job = queue.jobs[0]!;
    inbox.rows.get(job.inboxId)!.attempts = MAX_INBOX_ATTEMPTS;
    expect(await processInboxRow(deps, job)).toMatchObject({ status: "failed", reason: expect.stringMatching(/after 8 attempts/) });
    expect(await retryWebhook(deps, SHOP, job.inboxId)).toBe("queued");
    expect(await processInboxRow(deps, job)).toMatchObject({ status: "processed" });
    expect(await retryWebhook(deps, SHOP, job.inboxId)).toBe("not-retryable");
  });

  it.each([
    ["draft_orders/delete", { id: 5 }, "draft gid://shopify/DraftOrder/5 deleted"],
    ["app/uninstalled", { id: 1 }, "uninstalled"],
    ["customers/redact", { customer: { id: 1 }, orders_to_redact: [1, 2] }, "redact 2"],
  ])("%s has its effect", async (topic, body, effect) => {
    const { deps, inbox, queue } = setup();
    await recordWebhook(deps, delivery({ topic, rawBody: JSON.stringify(body) }));
    await processInboxRow(deps, queue.jobs[0]!);
    expect(inbox.applied[0]).toContain(effect);
  });
});
