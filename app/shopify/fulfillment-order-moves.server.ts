// Moves fulfillment orders to the location of the facility the routing rules chose
// (`fulfillmentOrderMove`), when the merchant lets Loadbay do so. Only the lines routed there move;
// Shopify keeps the rest where it was. A move is planned from freshly read facts each time, so a
// retried evaluation never repeats a move that already happened.
import { z } from "zod";
import { err, ok } from "~/lib/result";
import type { LocationMove } from "~/modules/mapping/locations";
import type { FulfillmentOrderMoves, SourceResult } from "~/modules/orders/order-source.ports";
import type { AdminGateway } from "./admin-gateway.server";
import { adminRequest } from "./admin-request.server";

export const MOVE_FULFILLMENT_ORDER = `#graphql
  mutation MoveFulfillmentOrder($id: ID!, $newLocationId: ID!, $lines: [FulfillmentOrderLineItemInput!]) {
    fulfillmentOrderMove(id: $id, newLocationId: $newLocationId, fulfillmentOrderLineItems: $lines) {
      movedFulfillmentOrder { id order { updatedAt } }
      userErrors { field message code }
    }
  }
`;

const moveResponse = z.object({
  fulfillmentOrderMove: z.object({
    movedFulfillmentOrder: z.object({ id: z.string(), order: z.object({ updatedAt: z.iso.datetime({ offset: true }).transform((v) => new Date(v)) }) }).nullable(),
    userErrors: z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string(), code: z.string().nullable() })),
  }),
});

export class ShopifyFulfillmentOrderMoves implements FulfillmentOrderMoves {
  constructor(private readonly gateway: AdminGateway) {}

  async move(shop: string, move: LocationMove): Promise<SourceResult<{ updatedAt: Date | null }>> {
    const request = adminRequest(this.gateway, shop);
    const lines = move.lines.map((l) => ({ id: l.fulfillmentOrderLineId, quantity: l.quantity }));
    const result = await request(MOVE_FULFILLMENT_ORDER, { id: move.fulfillmentOrderId, newLocationId: move.toLocationId, lines }, moveResponse);
    if (!result.ok) return result;
    const { movedFulfillmentOrder, userErrors } = result.value.fulfillmentOrderMove;
    if (userErrors.length || !movedFulfillmentOrder) {
      return err({ kind: "invalid-request", message: `Shopify would not move the fulfillment order: ${userErrors.map((e) => e.message).join(" ") || "no reason given."}` });
    }
    return ok({ updatedAt: movedFulfillmentOrder.order.updatedAt });
  }
}
