// Follow-up pages for orders larger than OrderForRelease reads in one call (more than 20 lines, more
// than one fulfillment order, or more than 20 lines on one). An order sent to a warehouse must never be
// missing lines, so every connection is read to its end. Each page selects the same fields as the
// first call, so the pages merge into the same parsed shape.

/** The next page of an order's line items (cost ≈ 153). */
export const ORDER_LINE_ITEMS_PAGE = `#graphql
  query OrderLineItemsPage($id: ID!, $after: String!) {
    order(id: $id) {
      lineItems(first: 50, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          sku
          name
          currentQuantity
          variant {
            id
            packSize: metafield(namespace: "sparklayer", key: "pack_size") { value }
          }
        }
      }
    }
  }
`;

/**
 * The next fulfillment orders of an order, each with its first 20 lines (cost ≈ 141); with `after` null,
 * the first ones (the dispatch path reads them so, app/shopify/fulfillments.server.ts).
 */
export const ORDER_FULFILLMENT_ORDERS_PAGE = `#graphql
  query OrderFulfillmentOrdersPage($id: ID!, $after: String) {
    order(id: $id) {
      fulfillmentOrders(first: 3, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id
          status
          assignedLocation { location { id } }
          fulfillmentHolds { id handle reason heldByRequestingApp }
          lineItems(first: 20) {
            pageInfo { hasNextPage endCursor }
            nodes { id sku remainingQuantity totalQuantity lineItem { id } }
          }
        }
      }
    }
  }
`;

/** The next lines of one fulfillment order (cost ≈ 103). */
export const FULFILLMENT_ORDER_LINES_PAGE = `#graphql
  query FulfillmentOrderLinesPage($id: ID!, $after: String!) {
    fulfillmentOrder(id: $id) {
      lineItems(first: 50, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id sku remainingQuantity totalQuantity lineItem { id } }
      }
    }
  }
`;
