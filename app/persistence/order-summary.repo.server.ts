// The admin block's view of one order, found by its Shopify id. Every query names the shop: the
// nested relations are keyed by (shop, id), and the exception query repeats the shop itself.
import { z } from "zod";
import type { Db } from "~/lib/db.server";
import type { OrderSummary, OrderSummaryReader } from "~/modules/orders/order-summary.ports";

/** Only the part of a stored dispatch advice (`DispatchAdviceIn`) the block shows. */
const trackingSchema = z.object({ trackingNumbers: z.array(z.string()) });

export class PrismaOrderSummaryReader implements OrderSummaryReader {
  constructor(private readonly db: Db) {}

  async byShopifyOrderId(shop: string, shopifyOrderId: string): Promise<OrderSummary | null> {
    const order = await this.db.order.findUnique({
      where: { shop_shopifyOrderId: { shop, shopifyOrderId } },
      include: {
        shopRef: { select: { dryRun: true } },
        warehouseOrders: {
          orderBy: [{ facilityCode: "asc" }, { split: "asc" }, { revision: "asc" }],
          include: { dispatches: { orderBy: { receivedAt: "asc" }, select: { payload: true } } },
        },
      },
    });
    if (!order) return null;
    const exceptions = await this.db.exceptionRecord.findMany({
      where: { shop, status: "open", OR: [{ orderId: order.id }, { warehouseOrder: { shop, orderId: order.id } }] },
      orderBy: { lastSeenAt: "desc" },
      select: { kind: true, message: true },
    });
    return {
      id: order.id,
      name: order.name,
      state: order.state,
      holdReasons: order.holdReasons,
      manual: order.manualHold ? "hold" : order.manualRelease ? "release" : null,
      pendingEvaluation: order.pendingEvaluation,
      dryRun: order.shopRef.dryRun,
      exceptions,
      warehouseOrders: order.warehouseOrders.map((w) => ({
        facilityCode: w.facilityCode,
        split: w.split,
        state: w.state,
        warehouseReference: w.warehouseReference,
        trackingNumbers: [...new Set(w.dispatches.flatMap((d) => trackingNumbers(d.payload)))],
      })),
    };
  }
}

function trackingNumbers(payload: unknown): string[] {
  const parsed = trackingSchema.safeParse(payload);
  return parsed.success ? parsed.data.trackingNumbers : [];
}
