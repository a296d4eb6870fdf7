// In-memory InboxRepository and InboxQueue for use-case tests (real ones are tested against PostgreSQL/Redis).
import type { InboxEffects, InboxOutcome, InboxQueue, InboxRepository, InboxRow, NewInboxRow, OrderChangeInput } from "~/modules/inbox/inbox.ports";

type Row = NewInboxRow & { status: InboxRow["status"]; attempts: number; reason: string | null; receivedAt: Date };

export class FakeInbox implements InboxRepository {
  readonly rows = new Map<string, Row>();
  readonly applied: string[] = [];

  async record(row: NewInboxRow): Promise<boolean> {
    for (const r of this.rows.values()) {
      if (r.shop !== row.shop) continue;
      if (r.webhookId === row.webhookId || (row.eventId && r.eventId === row.eventId && r.topic === row.topic)) return false;
    }
    this.rows.set(row.id, { ...row, status: row.rejectedReason ? "rejected" : "received", attempts: 0, reason: row.rejectedReason, receivedAt: new Date() });
    return true;
  }

  async startAttempt(shop: string, id: string) {
    const r = this.find(shop, id);
    if (!r) return null;
    r.attempts++;
    return { id, shop, topic: r.topic, status: r.status, attempts: r.attempts, payload: r.payload };
  }

  async processExclusively(shop: string, id: string, work: (effects: InboxEffects) => Promise<InboxOutcome>) {
    const r = this.find(shop, id);
    if (r?.status !== "received") return null;
    const outcome = await work(this.effects(id));
    if (outcome.status === "processed") r.status = "processed";
    if (outcome.status === "failed") Object.assign(r, { status: "failed", reason: outcome.reason });
    return outcome;
  }

  async noteOrderChangeExclusively(shop: string, id: string, change: OrderChangeInput) {
    const r = this.find(shop, id);
    if (r?.status !== "received") return null;
    this.applied.push(`${id}:order ${change.shopifyOrderId}`);
    r.status = "processed";
    return { request: { shop: "fake", orderId: change.shopifyOrderId, revision: 1 } };
  }

  async markFailed(shop: string, id: string, reason: string) {
    const r = this.find(shop, id);
    if (r?.status === "received") Object.assign(r, { status: "failed", reason });
  }

  async reopenFailed(shop: string, id: string) {
    const r = this.find(shop, id);
    if (r?.status !== "failed") return false;
    Object.assign(r, { status: "received", attempts: 0, reason: null });
    return true;
  }

  async listUnfinished({ olderThan, limit }: { olderThan: Date; limit: number }) {
    return [...this.rows.values()].filter((r) => r.status === "received" && r.receivedAt < olderThan).slice(0, limit);
  }

  async purgePayloads() {
    return 0;
  }

  private find(shop: string, id: string) {
    const r = this.rows.get(id);
    return r && r.shop === shop ? r : undefined;
  }

  private effects(id: string): InboxEffects {
    const note = (what: string) => {
      this.applied.push(`${id}:${what}`);
    };
    return {
      noteDraftChanged: async (i) => (note(`draft ${i.shopifyDraftOrderId}${i.deleted ? " deleted" : ""}`), null),
      markShopUninstalled: async () => note("uninstalled"),
      deleteShopData: async () => note("shop deleted"),
      redactCustomerOrders: async (ids) => (note(`redact ${ids.length}`), ids.length),
      recordDataRequest: async (_c, ids) => (note(`data request ${ids.length}`), ids.length),
    };
  }
}

export class FakeQueue implements InboxQueue {
  readonly jobs: { shop: string; inboxId: string }[] = [];
  readonly evaluations: { shop: string; orderId: string; revision: number }[] = [];
  failNext = false;

  async enqueueEvaluation(job: { shop: string; orderId: string; revision: number }) {
    this.evaluations.push(job);
  }

  async enqueueInboxRow(job: { shop: string; inboxId: string }) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error("Redis is down");
    }
    this.jobs.push(job);
  }
}
