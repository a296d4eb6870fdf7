// The dashboard's reads over Prisma, every one filtered by shop. Stuck candidates come oldest first and
// capped: a shop with thousands of stuck orders has one problem to fix, and the page shows the worst.
// Prisma stores DateTime as UTC `timestamp without time zone`, hence `AT TIME ZONE 'UTC'` before the
// shop's zone when counting per day.
import { Prisma } from "@prisma/client";
import type { Db } from "~/lib/db.server";
import type { DashboardReader } from "~/modules/operations/dashboard.use-case";

const CANDIDATES = 500;

/** A parameter compared with a Prisma DateTime column: UTC wall time, whatever the session's time zone. */
const utc = (at: Date) => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

export class PrismaDashboardReader implements DashboardReader {
  constructor(private readonly db: Db) {}

  shop(shop: string) {
    return this.db.shop.findUnique({ where: { domain: shop }, select: { timezone: true, dryRun: true, settings: true } });
  }

  async notSent(shop: string, releasedBefore: Date) {
    const waiting = { state: { in: ["mapped" as const, "transmitting" as const] } };
    const rows = await this.db.order.findMany({
      where: { shop, state: "released", releasedAt: { lte: releasedBefore }, warehouseOrders: { some: { shop, ...waiting } } },
      orderBy: { releasedAt: "asc" },
      take: CANDIDATES,
      select: { id: true, name: true, companyName: true, releasedAt: true, warehouseOrders: { where: { shop, ...waiting }, orderBy: { facilityCode: "asc" }, select: { facilityCode: true } } },
    });
    return rows.map((o) => ({
      orderId: o.id,
      orderName: o.name,
      companyName: o.companyName,
      releasedAt: o.releasedAt!,
      facilities: [...new Set(o.warehouseOrders.map((w) => w.facilityCode))],
    }));
  }

  async notDispatched(shop: string, transmittedBefore: Date) {
    const rows = await this.db.warehouseOrder.findMany({
      where: { shop, state: { in: ["transmitted", "accepted"] }, transmittedAt: { lte: transmittedBefore }, dispatches: { none: {} } },
      orderBy: { transmittedAt: "asc" },
      take: CANDIDATES,
      select: {
        id: true,
        connectionId: true,
        facilityCode: true,
        transmittedAt: true,
        connection: { select: { name: true } },
        order: { select: { id: true, name: true, companyName: true } },
      },
    });
    return rows.map((w) => ({
      orderId: w.order.id,
      orderName: w.order.name,
      companyName: w.order.companyName,
      warehouseOrderId: w.id,
      connectionId: w.connectionId,
      connectionName: w.connection.name,
      facilityCode: w.facilityCode,
      transmittedAt: w.transmittedAt!,
    }));
  }

  async openExceptionsByKind(shop: string) {
    const rows = await this.db.exceptionRecord.groupBy({ by: ["kind"], where: { shop, status: "open" }, _count: { _all: true }, orderBy: { kind: "asc" } });
    return rows.map((r) => ({ kind: r.kind, count: r._count._all }));
  }

  async ordersPerDay(shop: string, since: Date, timeZone: string) {
    const rows = await this.db.$queryRaw<{ day: string; count: bigint }[]>(Prisma.sql`
      SELECT to_char((COALESCE("sourceCreatedAt", "createdAt") AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, count(*) AS count
        FROM "order"
       WHERE shop = ${shop} AND state <> 'draft_awaiting_completion' AND COALESCE("sourceCreatedAt", "createdAt") >= ${utc(since)}
       GROUP BY 1`);
    return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
  }

  async dispatchesOfRecentOrders(shop: string, since: Date) {
    // The first dispatch of an order shipped in the window may have come on any of its warehouse orders;
    // an order whose first dispatch is older also has its later ones here, and the rule drops it.
    const rows = await this.db.$queryRaw<{ orderId: string; orderedAt: Date; shippedAt: string | null }[]>(Prisma.sql`
      WITH recent AS (
        SELECT DISTINCT w."orderId"
          FROM dispatch_advice d JOIN warehouse_order w ON w.shop = d.shop AND w.id = d."warehouseOrderId"
         WHERE d.shop = ${shop} AND d."receivedAt" >= ${utc(since)})
      SELECT o.id::text AS "orderId", COALESCE(o."sourceCreatedAt", o."createdAt") AS "orderedAt", d.payload->>'shippedAt' AS "shippedAt"
        FROM recent r
        JOIN "order" o ON o.shop = ${shop} AND o.id = r."orderId"
        JOIN warehouse_order w ON w.shop = ${shop} AND w."orderId" = o.id
        JOIN dispatch_advice d ON d.shop = ${shop} AND d."warehouseOrderId" = w.id`);
    return rows;
  }
}
