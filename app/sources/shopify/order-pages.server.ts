// Reads the rest of an order that did not fit the first call, so the facts are never silently
// truncated. Pages are read one after another; if the order changes meanwhile its updatedAt moves
// and the next evaluation reads it again.
import { err, ok } from "~/lib/result";
import type { SourceResult } from "~/modules/orders/order-source.ports";
import type { AdminRequest } from "~/shopify/admin-request.server";
import { FULFILLMENT_ORDER_LINES_PAGE, ORDER_FULFILLMENT_ORDERS_PAGE, ORDER_LINE_ITEMS_PAGE } from "./order-pages-query";
import {
  fulfillmentOrderLinesPageResponse,
  fulfillmentOrdersPageResponse,
  lineItemsPageResponse,
  type OrderNode,
  type PageInfo,
} from "./order-response.schema";

interface Page<T> {
  pageInfo: PageInfo;
  nodes: T[];
}

/** More pages than any real order has (5,000 lines); beyond it something loops, and we stop. */
const MAX_PAGES = 100;
const DONE: PageInfo = { hasNextPage: false, endCursor: null };

export async function readRemainingPages(request: AdminRequest, order: OrderNode): Promise<SourceResult<OrderNode>> {
  const lines = await drain(order.lineItems, async (after) => {
    const page = await request(ORDER_LINE_ITEMS_PAGE, { id: order.id, after }, lineItemsPageResponse);
    return page.ok ? ok(page.value.order?.lineItems ?? null) : page;
  });
  if (!lines.ok) return lines;
  const fulfillmentOrders = await drain(order.fulfillmentOrders, async (after) => {
    const page = await request(ORDER_FULFILLMENT_ORDERS_PAGE, { id: order.id, after }, fulfillmentOrdersPageResponse);
    return page.ok ? ok(page.value.order?.fulfillmentOrders ?? null) : page;
  });
  if (!fulfillmentOrders.ok) return fulfillmentOrders;
  const complete: OrderNode["fulfillmentOrders"]["nodes"] = [];
  for (const fo of fulfillmentOrders.value) {
    const foLines = await drain(fo.lineItems, async (after) => {
      const page = await request(FULFILLMENT_ORDER_LINES_PAGE, { id: fo.id, after }, fulfillmentOrderLinesPageResponse);
      return page.ok ? ok(page.value.fulfillmentOrder?.lineItems ?? null) : page;
    });
    if (!foLines.ok) return foLines;
    complete.push({ ...fo, lineItems: { pageInfo: DONE, nodes: foLines.value } });
  }
  return ok({ ...order, lineItems: { pageInfo: DONE, nodes: lines.value }, fulfillmentOrders: { pageInfo: DONE, nodes: complete } });
}

/** Every node of a connection, starting from the page already read. `null` from `next`: the owner vanished. */
export async function drain<T>(first: Page<T>, next: (after: string) => Promise<SourceResult<Page<T> | null>>): Promise<SourceResult<T[]>> {
  const nodes = [...first.nodes];
  let info = first.pageInfo;
  for (let pages = 0; info.hasNextPage; pages++) {
    if (!info.endCursor || pages >= MAX_PAGES) {
      return err({ kind: "invalid-request", message: "Shopify's pages for this order did not end; Loadbay stopped reading it." });
    }
    const page = await next(info.endCursor);
    if (!page.ok) return page;
    // Deleted while we read: a retry reads it again and then finds no order at all.
    if (!page.value) return err({ kind: "unavailable", message: "The order changed while Loadbay was reading it." });
    nodes.push(...page.value.nodes);
    info = page.value.pageInfo;
  }
  return ok(nodes);
}
