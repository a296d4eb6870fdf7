import type { Db } from "~/lib/db.server";
import type { OrderDetails, OrderDetailsReader } from "~/modules/orders/order-details.ports";

export class PrismaOrderDetailsReader implements OrderDetailsReader {
  constructor(private readonly db: Db) {}

  async details(shop: string, orderId: string): Promise<OrderDetails | null> {
    const order = await this.db.order.findFirst({
      where: { shop, id: orderId },
      include: {
        shopRef: { select: { dryRun: true, timezone: true } },
        warehouseOrders: {
          orderBy: [{ facilityCode: "asc" }, { split: "asc" }],
          include: { dispatches: { orderBy: { receivedAt: "asc" }, select: { id: true, shipmentId: true, status: true, payload: true, shopifyFulfillmentId: true, lastError: true, receivedAt: true, appliedAt: true } } },
        },
        exceptions: { where: { status: "open" }, orderBy: { lastSeenAt: "desc" } },
        timeline: { orderBy: { at: "desc" }, take: 200 },
      },
    });
    if (!order) return null;
    return {
      id: order.id,
      name: order.name,
      state: order.state,
      holdReasons: order.holdReasons,
      poNumber: order.poNumber,
      companyName: order.companyName,
      total: order.totalAmount && order.currency ? { amount: order.totalAmount.toFixed(2), currency: order.currency } : null,
      paymentMode: order.paymentMode,
      financialStatus: order.financialStatus,
      dryRun: order.shopRef.dryRun,
      timezone: order.shopRef.timezone,
      warehouseOrders: order.warehouseOrders.map((w) => ({
        id: w.id,
        facilityCode: w.facilityCode,
        state: w.state,
        idempotencyKey: w.idempotencyKey,
        warehouseReference: w.warehouseReference,
        lastError: w.lastError,
        payload: w.payload,
        shipments: w.dispatches.map((d) => {
          const advice = d.payload as { trackingNumbers?: string[]; carrier?: string | null; shippedAt?: string };
          return {
            id: d.id,
            shipmentId: d.shipmentId,
            status: d.status,
            carrier: advice.carrier ?? null,
            trackingNumbers: advice.trackingNumbers ?? [],
            shippedAt: advice.shippedAt ? new Date(advice.shippedAt) : null,
            shopifyFulfillmentId: d.shopifyFulfillmentId,
            problem: d.status === "applied" ? null : d.lastError,
          };
        }),
      })),
      exceptions: order.exceptions.map((e) => ({ id: e.id, kind: e.kind, message: e.message, count: e.count })),
      timeline: order.timeline.map((t) => ({ at: t.at, actor: t.actor, kind: t.kind, message: t.message, payload: t.payload })),
    };
  }
}
