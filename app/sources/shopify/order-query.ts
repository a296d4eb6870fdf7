// Admin GraphQL documents for reading orders. Shopify prices a connection before execution at
// 2 + first × one node, nested connections multiplied, so "100 line items and 20 fulfillment orders with
// their lines" would request over 4,000 points (the limit is 1,000). One call therefore reads the typical
// B2B order, one location and up to 20 lines, for a requested cost of 131; larger orders are completed
// by the follow-up pages in order-pages-query.ts, never truncated. Metafield namespaces and keys are
// per-shop settings, so they travel as variables; `sparklayer.pack_size` is SparkLayer's own.
import type { FactSources } from "~/modules/orders/order-facts";

/**
 * The current order with everything OrderFacts needs. Variables: `id`, and `groupNs`/`groupKey`,
 * `companyNs`/`companyKey`, `creditNs`/`creditKey` for the customer metafields.
 */
export const ORDER_FOR_RELEASE = `#graphql
  query OrderForRelease(
    $id: ID!
    $groupNs: String!
    $groupKey: String!
    $companyNs: String!
    $companyKey: String!
    $creditNs: String!
    $creditKey: String!
  ) {
    order(id: $id) {
      id
      name
      createdAt
      updatedAt
      cancelledAt
      closed
      displayFinancialStatus
      paymentTerms { paymentTermsType dueInDays }
      poNumber
      note
      customAttributes { key value }
      tags
      email
      totalPriceSet {
        shopMoney { amount currencyCode }
        presentmentMoney { amount currencyCode }
      }
      purchasingEntity {
        __typename
        ... on PurchasingCompany {
          company { id name }
          location { id name }
        }
      }
      customer {
        id
        tags
        displayName
        group: metafield(namespace: $groupNs, key: $groupKey) { value }
        companyName: metafield(namespace: $companyNs, key: $companyKey) { value }
        credit: metafield(namespace: $creditNs, key: $creditKey) { value }
      }
      shippingAddress { name company address1 address2 city province zip countryCodeV2 phone }
      shippingLines(first: 5) { nodes { title code carrierIdentifier source } }
      lineItems(first: 20) {
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
      fulfillmentOrders(first: 1) {
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

/** Orders updated after a point in time, oldest first; `query` carries `updated_at:>'<iso>'`. */
export const ORDERS_UPDATED_SINCE = `#graphql
  query OrdersUpdatedSince($query: String!, $after: String) {
    orders(first: 100, after: $after, sortKey: UPDATED_AT, query: $query) {
      pageInfo { hasNextPage endCursor }
      nodes { id name createdAt updatedAt }
    }
  }
`;

/** A `namespace.key` setting split at its first dot (Shopify namespaces cannot contain dots). */
export function metafieldRef(setting: string): { namespace: string; key: string } {
  const dot = setting.indexOf(".");
  return dot < 0 ? { namespace: "", key: setting } : { namespace: setting.slice(0, dot), key: setting.slice(dot + 1) };
}

export function orderForReleaseVariables(id: string, sources: FactSources): Record<string, string> {
  const group = metafieldRef(sources.groupMetafield);
  const companyName = metafieldRef(sources.companyNameMetafield);
  const credit = metafieldRef(sources.creditMetafield);
  return {
    id,
    groupNs: group.namespace,
    groupKey: group.key,
    companyNs: companyName.namespace,
    companyKey: companyName.key,
    creditNs: credit.namespace,
    creditKey: credit.key,
  };
}

/** Shopify's search syntax for "updated after"; quoted because the ISO time contains colons. */
export const updatedSinceQuery = (since: Date): string => `updated_at:>'${since.toISOString()}'`;
