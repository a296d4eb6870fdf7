// The orders list over Prisma. Search is ILIKE on three columns: Prisma's `contains` passes `%` and `_`
// through as wildcards, so they are escaped here (PostgreSQL's default LIKE escape is the backslash).
// One row more than a page tells whether there is a next page without counting the whole shop.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/lib/db.server";
import type { OrderListFilter, OrderListPage, OrderListQuery, OrderListReader } from "~/modules/operations/order-list";

const STATE_OF: Partial<Record<OrderListFilter, Prisma.OrderWhereInput["state"]>> = {
  held: "held",
  released: "released",
  in_fulfilment: "in_fulfilment",
  partially_shipped: "partially_shipped",
  shipped: "shipped",
  cancelled: "cancelled",
  drafts: "draft_awaiting_completion",
};

export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export class PrismaOrderListReader implements OrderListReader {
  constructor(private readonly db: Db) {}

  async list(shop: string, query: OrderListQuery, pageSize: number): Promise<OrderListPage> {
    const [rows, settings] = await Promise.all([
      this.db.order.findMany({
        where: whereOf(shop, query),
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: (query.page - 1) * pageSize,
        take: pageSize + 1,
        select: {
          id: true,
          name: true,
          companyName: true,
          poNumber: true,
          state: true,
          sourceCreatedAt: true,
          createdAt: true,
          _count: { select: { exceptions: { where: { status: "open" } } } },
          warehouseOrders: { where: { shop }, orderBy: [{ facilityCode: "asc" }, { split: "asc" }], select: { facilityCode: true, state: true } },
        },
      }),
      this.db.shop.findUnique({ where: { domain: shop }, select: { timezone: true } }),
    ]);
    return {
      rows: rows.slice(0, pageSize).map((o) => ({
        id: o.id,
        name: o.name,
        companyName: o.companyName,
        poNumber: o.poNumber,
        state: o.state,
        openExceptions: o._count.exceptions,
        warehouseOrders: o.warehouseOrders,
        createdAt: o.sourceCreatedAt ?? o.createdAt,
      })),
      hasNextPage: rows.length > pageSize,
      timezone: settings?.timezone ?? "UTC",
    };
  }
}

function whereOf(shop: string, query: OrderListQuery): Prisma.OrderWhereInput {
  const where: Prisma.OrderWhereInput = { shop };
  const state = STATE_OF[query.state];
  if (state) where.state = state;
  if (query.state === "exceptions") where.exceptions = { some: { shop, status: "open" } };
  if (query.q) {
    const contains = { contains: likeEscape(query.q), mode: "insensitive" as const };
    where.OR = [{ name: contains }, { poNumber: contains }, { companyName: contains }];
  }
  return where;
}
