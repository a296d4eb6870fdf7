import type { Db } from "~/lib/db.server";
import type { OverviewReader, ShopOverview } from "~/modules/overview/overview.ports";

const DAY_MS = 24 * 3600 * 1000;

export class PrismaOverviewReader implements OverviewReader {
  constructor(private readonly db: Db) {}

  async overview(shop: string, now: Date): Promise<ShopOverview> {
    const since = new Date(now.getTime() - DAY_MS);
    const [states, hooks, openExceptions, problems, settings, held, exceptions] = await Promise.all([
      this.db.order.groupBy({ by: ["state"], where: { shop }, _count: { _all: true } }),
      this.db.webhookInbox.groupBy({ by: ["status"], where: { shop, receivedAt: { gte: since } }, _count: { _all: true } }),
      this.db.exceptionRecord.count({ where: { shop, status: "open" } }),
      this.db.webhookInbox.findMany({
        where: { shop, status: { in: ["rejected", "failed"] } },
        orderBy: { receivedAt: "desc" },
        take: 20,
        select: { id: true, topic: true, status: true, reason: true, receivedAt: true },
      }),
      this.db.shop.findUnique({ where: { domain: shop }, select: { dryRun: true, goLiveAt: true, timezone: true } }),
      this.db.order.findMany({
        where: { shop, state: "held" },
        orderBy: { updatedAt: "desc" },
        take: 50,
        select: { id: true, name: true, companyName: true, holdReasons: true, updatedAt: true },
      }),
      this.db.exceptionRecord.findMany({
        where: { shop, status: "open" },
        orderBy: { lastSeenAt: "desc" },
        take: 50,
        select: { id: true, kind: true, message: true, count: true, lastSeenAt: true, order: { select: { name: true } } },
      }),
    ]);
    const hookCount = (status: string) => hooks.find((h) => h.status === status)?._count._all ?? 0;
    return {
      held: held.map((o) => ({ id: o.id, name: o.name, companyName: o.companyName, reasons: o.holdReasons, since: o.updatedAt })),
      exceptions: exceptions.map((e) => ({ id: e.id, kind: e.kind, message: e.message, orderName: e.order?.name ?? null, count: e.count, lastSeenAt: e.lastSeenAt })),
      ordersByState: Object.fromEntries(states.map((s) => [s.state, s._count._all])),
      webhooksLast24h: {
        received: hookCount("received"),
        processed: hookCount("processed"),
        rejected: hookCount("rejected"),
        failed: hookCount("failed"),
      },
      openExceptions,
      problems: problems.map((p) => ({
        id: p.id,
        topic: p.topic,
        status: p.status as "rejected" | "failed",
        reason: p.reason ?? "No reason was recorded.",
        receivedAt: p.receivedAt,
        retryable: p.status === "failed",
      })),
      dryRun: settings?.dryRun ?? true,
      goLiveAt: settings?.goLiveAt ?? null,
      timezone: settings?.timezone ?? "UTC",
    };
  }
}
