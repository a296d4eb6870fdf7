// OrderSource on Shopify's Admin GraphQL API: the current order (never a webhook body) turned into
// OrderFacts, and the reconciliation sweep's pages of recently updated orders.
import { ok } from "~/lib/result";
import type { FactSources, OrderFacts } from "~/modules/orders/order-facts";
import type { OrderSource, SourceResult } from "~/modules/orders/order-source.ports";
import type { AdminGateway } from "~/shopify/admin-gateway.server";
import { adminRequest } from "~/shopify/admin-request.server";
import { extractFacts } from "./extract-facts";
import { readRemainingPages } from "./order-pages.server";
import { ORDER_FOR_RELEASE, ORDERS_UPDATED_SINCE, orderForReleaseVariables, updatedSinceQuery } from "./order-query";
import { orderForReleaseResponse, ordersUpdatedSinceResponse } from "./order-response.schema";

type UpdatedPage = Awaited<ReturnType<OrderSource["ordersUpdatedSince"]>> extends SourceResult<infer T> ? T : never;

export class ShopifyOrderSource implements OrderSource {
  constructor(private readonly gateway: AdminGateway) {}

  async fetchOrder(shop: string, shopifyOrderId: string, sources: FactSources): Promise<SourceResult<OrderFacts | null>> {
    const request = adminRequest(this.gateway, shop);
    const first = await request(ORDER_FOR_RELEASE, orderForReleaseVariables(shopifyOrderId, sources), orderForReleaseResponse);
    if (!first.ok) return first;
    if (!first.value.order) return ok(null);
    const order = await readRemainingPages(request, first.value.order);
    if (!order.ok) return order;
    return ok(extractFacts(order.value, sources));
  }

  async ordersUpdatedSince(shop: string, since: Date, cursor: string | null): Promise<SourceResult<UpdatedPage>> {
    const request = adminRequest(this.gateway, shop);
    const result = await request(ORDERS_UPDATED_SINCE, { query: updatedSinceQuery(since), after: cursor }, ordersUpdatedSinceResponse);
    if (!result.ok) return result;
    const { nodes, pageInfo } = result.value.orders;
    return ok({
      orders: nodes.map((o) => ({ shopifyOrderId: o.id, name: o.name, createdAt: o.createdAt, updatedAt: o.updatedAt })),
      nextCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null,
    });
  }
}
