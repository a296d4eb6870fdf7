// PostgreSQL implementation of the webhook inbox.
import { Prisma } from "@prisma/client";
import type { Db } from "~/lib/db.server";
import { FOREIGN_KEY_VIOLATION, sqlState, type Sql } from "~/lib/sql.server";
import type { InboxEffects, InboxOutcome, InboxRepository, InboxRow, NewInboxRow, OrderChangeInput } from "~/modules/inbox/inbox.ports";
import { createInboxEffects } from "./inbox-effects.server";
import { noteOrderChangeFromInbox } from "./order-notes.server";

type Tx = Prisma.TransactionClient;

export class PrismaInboxRepository implements InboxRepository {
  private readonly knownShops = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly sql: Sql,
  ) {}

  async record(row: NewInboxRow): Promise<boolean> {
    try {
      return await this.insert(row);
    } catch (error) {
      // The cached shop row may have been deleted since (shop/redact): recreate it once.
      if (sqlState(error) !== FOREIGN_KEY_VIOLATION) throw error;
      this.knownShops.delete(row.shop);
      return this.insert(row);
    }
  }

  /**
   * The webhook hot path, on node-postgres rather than Prisma (lib/sql.server.ts): acknowledgement
   * latency is a measured figure. ON CONFLICT DO NOTHING makes a repeated webhook id or event id a no-op.
   */
  private async insert(row: NewInboxRow): Promise<boolean> {
    await this.ensureShop(row.shop);
    const status = row.rejectedReason ? "rejected" : "received";
    const payload = row.payload === null || row.payload === undefined ? null : JSON.stringify(row.payload);
    const { count } = await this.sql.run(
      "inbox-insert",
      `INSERT INTO webhook_inbox (id, shop, topic, "webhookId", "eventId", "apiVersion", "triggeredAt", payload, status, reason)
       VALUES ($1::uuid, $2, $3, $4, $5, $6, $7::timestamptz AT TIME ZONE 'UTC', $8::jsonb, $9::inbox_status, $10)
       ON CONFLICT DO NOTHING`,
      [row.id, row.shop, row.topic, row.webhookId, row.eventId, row.apiVersion, row.triggeredAt?.toISOString() ?? null, payload, status, row.rejectedReason],
    );
    return count === 1;
  }

  /** Install or reinstall: the shop row exists and outbound work resumes. */
  async markInstalled(shop: string): Promise<void> {
    await this.db.shop.upsert({ where: { domain: shop }, create: { domain: shop }, update: { uninstalledAt: null } });
    this.knownShops.add(shop);
  }

  /** Once per webhook job: plain SQL (decision 0016). */
  async startAttempt(shop: string, id: string): Promise<InboxRow | null> {
    const { rows } = await this.sql.run<InboxRow>(
      "inbox-start-attempt",
      `UPDATE webhook_inbox SET attempts = attempts + 1 WHERE shop = $1 AND id = $2::uuid
       RETURNING id::text, shop, topic, status::text, attempts, payload`,
      [shop, id],
    );
    return rows[0] ?? null;
  }

  async processExclusively(
    shop: string,
    id: string,
    work: (effects: InboxEffects) => Promise<InboxOutcome>,
  ): Promise<InboxOutcome | null> {
    return this.db.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<{ status: string }[]>`
          SELECT status FROM webhook_inbox WHERE shop = ${shop} AND id = ${id}::uuid FOR UPDATE SKIP LOCKED`;
        if (locked[0]?.status !== "received") return null;
        const outcome = await work(createInboxEffects(tx, shop, id));
        if (outcome.status !== "deleted") await finish(tx, shop, id, outcome);
        return outcome;
      },
      { timeout: 30_000 },
    );
  }

  /** Every order webhook: node-postgres, four round trips with BEGIN and COMMIT (decision 0016). */
  noteOrderChangeExclusively(shop: string, id: string, change: OrderChangeInput) {
    const { topic, sourceUpdatedAt, ...order } = change;
    return this.sql.transaction((tx) =>
      noteOrderChangeFromInbox(tx, shop, id, { ...order, updatedAt: sourceUpdatedAt, actor: `webhook:${topic}`, message: `Shopify sent ${topic}`, payload: { inboxId: id }, noteKnown: true }),
    );
  }

  async markFailed(shop: string, id: string, reason: string): Promise<void> {
    await this.db.webhookInbox.updateMany({ where: { shop, id, status: "received" }, data: { status: "failed", reason } });
  }

  async reopenFailed(shop: string, id: string): Promise<boolean> {
    const { count } = await this.db.webhookInbox.updateMany({
      where: { shop, id, status: "failed" },
      data: { status: "received", attempts: 0, reason: null },
    });
    return count === 1;
  }

  async listUnfinished({ olderThan, after, limit }: Parameters<InboxRepository["listUnfinished"]>[0]) {
    const cursor = after
      ? { OR: [{ receivedAt: { gt: after.receivedAt } }, { receivedAt: after.receivedAt, id: { gt: after.id } }] }
      : {};
    return this.db.webhookInbox.findMany({
      where: { status: "received", receivedAt: { lt: olderThan }, ...cursor },
      select: { shop: true, id: true, receivedAt: true },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: limit,
    });
  }

  async purgePayloads(now: Date): Promise<number> {
    // Per-shop retention, in one statement.
    return this.db.$executeRaw`
      UPDATE webhook_inbox w SET payload = NULL, "payloadPurged" = true
      FROM shop s
      WHERE w.shop = s.domain AND w."payloadPurged" = false
        AND w.status IN ('processed', 'rejected', 'failed')
        AND w."receivedAt" < ${now}::timestamptz - make_interval(days => s."retentionDays")`;
  }

  /** The shop row must exist before its first inbox row; cached per process to keep intake to one insert. */
  private async ensureShop(shop: string): Promise<void> {
    if (this.knownShops.has(shop)) return;
    await this.db.shop.createMany({ data: [{ domain: shop }], skipDuplicates: true });
    this.knownShops.add(shop);
  }
}

async function finish(tx: Tx, shop: string, id: string, outcome: Exclude<InboxOutcome, { status: "deleted" }>) {
  const processed = outcome.status === "processed";
  await tx.$executeRaw`
    UPDATE webhook_inbox
       SET status = ${processed ? "processed" : "failed"}::inbox_status,
           "processedAt" = CASE WHEN ${processed} THEN now() AT TIME ZONE 'UTC' ELSE "processedAt" END,
           reason = ${processed ? null : outcome.reason}
     WHERE shop = ${shop} AND id = ${id}::uuid`;
}

export function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null || value === undefined ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
}
