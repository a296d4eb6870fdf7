import type { Db } from "~/lib/db.server";
import type { ExceptionFilter, ExceptionReader, ExceptionView } from "~/modules/exceptions/exceptions.ports";
import { DISPATCH_PROBLEM_KINDS } from "~/modules/fulfilments/dispatch-plan";

const DISPATCH_KINDS: ReadonlySet<string> = new Set(DISPATCH_PROBLEM_KINDS);

export class PrismaExceptionReader implements ExceptionReader {
  constructor(private readonly db: Db) {}

  async list(shop: string, filter: ExceptionFilter, limit: number): Promise<ExceptionView[]> {
    const rows = await this.db.exceptionRecord.findMany({
      where: { shop, status: filter.status, ...(filter.kind ? { kind: filter.kind } : {}) },
      orderBy: { lastSeenAt: "desc" },
      take: limit,
      include: { order: { select: { name: true } } },
    });
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      kind: r.kind,
      message: r.message,
      orderId: r.orderId,
      orderName: r.order?.name ?? null,
      count: r.count,
      firstSeenAt: r.firstSeenAt,
      lastSeenAt: r.lastSeenAt,
      status: r.status,
    }));
  }

  async countsByKind(shop: string, status: "open" | "resolved") {
    const rows = await this.db.exceptionRecord.groupBy({ by: ["kind"], where: { shop, status }, _count: { _all: true }, orderBy: { kind: "asc" } });
    return rows.map((r) => ({ kind: r.kind, count: r._count._all }));
  }

  async affected(shop: string, target: { ids: string[] } | { kind: string }) {
    const where = "ids" in target ? { shop, id: { in: target.ids } } : { shop, kind: target.kind, status: "open" as const };
    const rows = await this.db.exceptionRecord.findMany({ where, select: { orderId: true, kind: true, detail: true } });
    const dispatches = new Set<string>();
    const orders = new Set<string>();
    for (const row of rows) {
      const dispatchId = (row.detail as { dispatchId?: unknown } | null)?.dispatchId;
      if (DISPATCH_KINDS.has(row.kind) && typeof dispatchId === "string") dispatches.add(dispatchId);
      else if (row.orderId) orders.add(row.orderId);
    }
    return { orders: [...orders], dispatches: [...dispatches] };
  }
}
