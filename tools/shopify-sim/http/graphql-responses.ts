import type { GraphQLError } from "graphql";
import type { ThrottleStatus } from "../cost/leaky-bucket";
import { MAX_QUERY_COST } from "../cost/plans";

const RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/rate-limits";

export function costExtension(requested: number, actual: number | null, status: ThrottleStatus): Record<string, unknown> {
  return { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: status } };
}

/** Throttled: HTTP 200, nothing executed, `actualQueryCost` null. */
export function throttledError(requested: number, status: ThrottleStatus): Record<string, unknown> {
  return {
    errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: RATE_LIMIT_DOCS } }],
    extensions: costExtension(requested, null, status),
  };
}

export function maxCostError(requested: number, status: ThrottleStatus): Record<string, unknown> {
  return {
    errors: [
      {
        message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\nSee ${RATE_LIMIT_DOCS} for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`,
        extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: MAX_QUERY_COST, documentation: RATE_LIMIT_DOCS },
      },
    ],
    extensions: costExtension(requested, null, status),
  };
}

/** Execution errors keep message, locations, path and extensions, as Shopify returns them beside partial data. */
export function toShopifyExecutionError(error: GraphQLError): Record<string, unknown> {
  const coercion = /^Variable "\$(\w+)" (got invalid value|of required type "(.+)" was not provided)/.exec(error.message);
  if (coercion) {
    return { message: `Variable $${coercion[1]} of type ${coercion[3] ?? "its declared type"} was provided invalid value`, locations: error.locations, extensions: { value: null, problems: [{ path: [], explanation: error.message }] } };
  }
  return { message: error.message, locations: error.locations, path: error.path, extensions: error.extensions };
}
