// Shipments into Shopify: the order's fulfillment orders as they are now, one fulfillment per
// shipment (`fulfillmentCreate`), tracking updates, and — after an attempt whose answer was lost — the
// order's fulfillments, to find what that attempt made (DESIGN.md invariant 3).
import { z } from "zod";
import { err, ok } from "~/lib/result";
import type { ExistingFulfillment, FulfillmentOrderNow } from "~/modules/fulfilments/dispatch-plan";
import type { FulfillmentCreateInput, ShopifyFulfillments } from "~/modules/fulfilments/fulfilments.ports";
import type { SourceResult } from "~/modules/orders/order-source.ports";
import { drain } from "~/sources/shopify/order-pages.server";
import { FULFILLMENT_ORDER_LINES_PAGE, ORDER_FULFILLMENT_ORDERS_PAGE } from "~/sources/shopify/order-pages-query";
import type { fulfillmentOrderNode} from "~/sources/shopify/order-response.schema";
import { fulfillmentOrderLinesPageResponse, fulfillmentOrdersPageResponse } from "~/sources/shopify/order-response.schema";
import type { AdminGateway } from "./admin-gateway.server";
import { adminRequest } from "./admin-request.server";

/** The order's fulfillments without their lines (lines are read only for those made since an attempt). */
export const ORDER_FULFILLMENTS = `#graphql
  query OrderFulfillments($id: ID!) {
    order(id: $id) {
      fulfillments(first: 100) {
        id
        createdAt
        trackingInfo(first: 5) { number }
      }
    }
  }
`;

export const FULFILLMENT_LINES = `#graphql
  query FulfillmentLines($id: ID!, $after: String) {
    fulfillment(id: $id) {
      fulfillmentLineItems(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { quantity lineItem { id } }
      }
    }
  }
`;

export const CREATE_FULFILLMENT = `#graphql
  mutation CreateFulfillment($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment { id order { updatedAt displayFulfillmentStatus } }
      userErrors { field message }
    }
  }
`;

export const UPDATE_TRACKING = `#graphql
  mutation UpdateFulfillmentTracking($id: ID!, $tracking: FulfillmentTrackingInput!, $notify: Boolean) {
    fulfillmentTrackingInfoUpdate(fulfillmentId: $id, trackingInfoInput: $tracking, notifyCustomer: $notify) {
      fulfillment { id order { updatedAt } }
      userErrors { field message }
    }
  }
`;

const isoDate = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const userErrors = z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string() }));
const fulfillmentsResponse = z.object({
  order: z
    .object({ fulfillments: z.array(z.object({ id: z.string(), createdAt: isoDate, trackingInfo: z.array(z.object({ number: z.string().nullable() })) })) })
    .nullable(),
});
const fulfillmentLinesPage = z.object({
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  nodes: z.array(z.object({ quantity: z.number().int(), lineItem: z.object({ id: z.string() }) })),
});
const fulfillmentLinesResponse = z.object({ fulfillment: z.object({ fulfillmentLineItems: fulfillmentLinesPage }).nullable() });
const createResponse = z.object({
  fulfillmentCreate: z.object({
    fulfillment: z.object({ id: z.string(), order: z.object({ updatedAt: isoDate, displayFulfillmentStatus: z.string() }) }).nullable(),
    userErrors,
  }),
});
const trackingResponse = z.object({
  fulfillmentTrackingInfoUpdate: z.object({ fulfillment: z.object({ id: z.string(), order: z.object({ updatedAt: isoDate }) }).nullable(), userErrors }),
});

type FulfillmentOrderNode = z.output<typeof fulfillmentOrderNode>;

export class ShopifyFulfillmentsGateway implements ShopifyFulfillments {
  constructor(private readonly gateway: AdminGateway) {}

  async fulfillmentOrders(shop: string, orderGid: string): Promise<SourceResult<FulfillmentOrderNow[] | null>> {
    const request = adminRequest(this.gateway, shop);
    const first = await request(ORDER_FULFILLMENT_ORDERS_PAGE, { id: orderGid, after: null }, fulfillmentOrdersPageResponse);
    if (!first.ok) return first;
    if (!first.value.order) return ok(null);
    const fos = await drain(first.value.order.fulfillmentOrders, async (after) => {
      const page = await request(ORDER_FULFILLMENT_ORDERS_PAGE, { id: orderGid, after }, fulfillmentOrdersPageResponse);
      return page.ok ? ok(page.value.order?.fulfillmentOrders ?? null) : page;
    });
    if (!fos.ok) return fos;
    const result: FulfillmentOrderNow[] = [];
    for (const fo of fos.value) {
      const lines = await drain(fo.lineItems, async (after) => {
        const page = await request(FULFILLMENT_ORDER_LINES_PAGE, { id: fo.id, after }, fulfillmentOrderLinesPageResponse);
        return page.ok ? ok(page.value.fulfillmentOrder?.lineItems ?? null) : page;
      });
      if (!lines.ok) return lines;
      result.push(toNow(fo, lines.value));
    }
    return ok(result);
  }

  async fulfillmentsSince(shop: string, orderGid: string, since: Date): Promise<SourceResult<ExistingFulfillment[]>> {
    const request = adminRequest(this.gateway, shop);
    const read = await request(ORDER_FULFILLMENTS, { id: orderGid }, fulfillmentsResponse);
    if (!read.ok) return read;
    const result: ExistingFulfillment[] = [];
    for (const f of read.value.order?.fulfillments ?? []) {
      if (f.createdAt < since) continue;
      const first = await request(FULFILLMENT_LINES, { id: f.id, after: null }, fulfillmentLinesResponse);
      if (!first.ok) return first;
      if (!first.value.fulfillment) continue;
      const lines = await drain(first.value.fulfillment.fulfillmentLineItems, async (after) => {
        const page = await request(FULFILLMENT_LINES, { id: f.id, after }, fulfillmentLinesResponse);
        return page.ok ? ok(page.value.fulfillment?.fulfillmentLineItems ?? null) : page;
      });
      if (!lines.ok) return lines;
      result.push({
        id: f.id,
        createdAt: f.createdAt,
        trackingNumbers: f.trackingInfo.flatMap((t) => (t.number ? [t.number] : [])),
        lines: lines.value.map((n) => ({ lineItemId: n.lineItem.id, quantity: n.quantity })),
      });
    }
    return ok(result);
  }

  async create(shop: string, input: FulfillmentCreateInput) {
    const fulfillment = { lineItemsByFulfillmentOrder: input.lineItemsByFulfillmentOrder, notifyCustomer: input.notifyCustomer, ...(input.tracking ? { trackingInfo: input.tracking } : {}) };
    const result = await adminRequest(this.gateway, shop)(CREATE_FULFILLMENT, { fulfillment }, createResponse);
    if (!result.ok) return result;
    const { fulfillment: made, userErrors: errors } = result.value.fulfillmentCreate;
    if (errors.length || !made) return err({ kind: "invalid-request" as const, message: sentence(errors) });
    return ok({ fulfillmentId: made.id, orderUpdatedAt: made.order.updatedAt, orderFulfilled: made.order.displayFulfillmentStatus === "FULFILLED" });
  }

  async updateTracking(shop: string, fulfillmentId: string, tracking: NonNullable<FulfillmentCreateInput["tracking"]>, notifyCustomer: boolean) {
    const result = await adminRequest(this.gateway, shop)(UPDATE_TRACKING, { id: fulfillmentId, tracking, notify: notifyCustomer }, trackingResponse);
    if (!result.ok) return result;
    const { fulfillment, userErrors: errors } = result.value.fulfillmentTrackingInfoUpdate;
    if (errors.length || !fulfillment) return err({ kind: "invalid-request" as const, message: sentence(errors) });
    return ok({ orderUpdatedAt: fulfillment.order.updatedAt });
  }
}

function toNow(fo: FulfillmentOrderNode, lines: FulfillmentOrderNode["lineItems"]["nodes"]): FulfillmentOrderNow {
  return {
    id: fo.id,
    status: fo.status,
    locationId: fo.assignedLocation.location?.id ?? null,
    lines: lines.map((l) => ({ id: l.id, lineItemId: l.lineItem.id, remainingQuantity: l.remainingQuantity })),
  };
}

const sentence = (errors: z.output<typeof userErrors>) => errors.map((e) => e.message).join(" ") || "Shopify gave no reason.";
