// Admin GraphQL documents for stock (validated against the 2026-07 schema by graphql-documents.test.ts).

/**
 * The catalogue read for the full reconciliation, run as a bulk operation: every inventory item with its
 * variant (for the unit-of-measure map and the pack-title check) and its "available" at each location.
 * Paged, 250 items with two levels cost about 2,250 points, over Shopify's 1,000 cap per query, so pages
 * of about 100 items would spend some 900,000 points on 100,000 items: 2.5 hours on a Standard plan.
 * The bulk operation costs 10 points plus the status polls (decision 0021).
 */
export const CATALOG_BULK_QUERY = `#graphql
  query InventoryCatalog {
    inventoryItems {
      edges {
        node {
          id
          sku
          tracked
          variant { id displayName }
          inventoryLevels {
            edges { node { location { id } quantities(names: ["available"]) { name quantity } } }
          }
        }
      }
    }
  }
`;

/** The lowest and highest inventory item ids, to cut the catalogue read into slices by id. */
export const ITEM_ID_BOUNDS = `#graphql
  query InventoryItemIdBounds {
    lowest: inventoryItems(first: 1) { nodes { id } }
    highest: inventoryItems(first: 1, reverse: true) { nodes { id } }
  }
`;

/** The catalogue read for items whose numeric id is in [from, to] (Shopify's search syntax on `id`). */
export function catalogSliceQuery(from: number, to: number): string {
  return CATALOG_BULK_QUERY.replace("inventoryItems {", `inventoryItems(query: "id:>=${from} id:<=${to}") {`);
}

export const RUN_BULK_QUERY = `#graphql
  mutation InventoryBulkRun($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status }
      userErrors { field message code }
    }
  }
`;

export const BULK_STATUS = `#graphql
  query InventoryBulkStatus($id: ID!) {
    node(id: $id) { ... on BulkOperation { id status errorCode url objectCount } }
  }
`;

/** A few items read again after a stale write: about 33 points per item with up to 10 locations. */
export const REREAD_LEVELS = `#graphql
  query InventoryReread($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on InventoryItem {
        id
        inventoryLevels(first: 10) { nodes { location { id } quantities(names: ["available"]) { name quantity } } }
      }
    }
  }
`;

/**
 * `@idempotent(key:)` is required on this mutation since 2026-04; the key is the batch's (writeKey), the
 * same for a retry of the same write and new after a re-read. Nothing but the user errors is selected:
 * the adjustment group would cost Shopify work and Loadbay bytes for every call.
 */
export const SET_QUANTITIES = `#graphql
  mutation InventorySet($input: InventorySetQuantitiesInput!, $key: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $key) {
      userErrors { field message code }
    }
  }
`;
