// Admin GraphQL documents and answer schemas for Loadbay's fulfillment holds. Each payload selects the
// order's updatedAt so the caller can recognise the `orders/updated` webhooks its own writes cause.
import { z } from "zod";

export const HOLD_FULFILLMENT_ORDER = `#graphql
  mutation HoldFulfillmentOrder($id: ID!, $hold: FulfillmentOrderHoldInput!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
      fulfillmentOrder { order { updatedAt } }
      userErrors { field message code }
    }
  }
`;

export const RELEASE_FULFILLMENT_HOLDS = `#graphql
  mutation ReleaseFulfillmentHolds($id: ID!, $holdIds: [ID!]!) {
    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
      fulfillmentOrder { order { updatedAt } }
      userErrors { field message code }
    }
  }
`;

/** The holds a fulfillment order has now, to tell "already released" from a real refusal. */
export const FULFILLMENT_ORDER_HOLDS = `#graphql
  query FulfillmentOrderHolds($id: ID!) {
    fulfillmentOrder(id: $id) {
      fulfillmentHolds { id }
      order { updatedAt }
    }
  }
`;

const updatedAt = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const fulfillmentOrder = z.object({ order: z.object({ updatedAt }) }).nullable();
const userErrors = z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string(), code: z.string().nullable() }));

export type UserErrors = z.output<typeof userErrors>;

export const holdResponse = z.object({ fulfillmentOrderHold: z.object({ fulfillmentOrder, userErrors }) });
export const releaseResponse = z.object({ fulfillmentOrderReleaseHold: z.object({ fulfillmentOrder, userErrors }) });
export const holdsResponse = z.object({
  fulfillmentOrder: z.object({ fulfillmentHolds: z.array(z.object({ id: z.string() })), order: z.object({ updatedAt }) }).nullable(),
});
