import { parse, validate } from "graphql";
import { z } from "zod";
import type { RequestContext } from "../graphql/context";
import type { ShopState } from "../state/shop-state";
import type { BulkOperationRecord } from "../state/types";
import { bulkOperationView } from "../views/bulk-operation-view";
import { failed, userError, type Payload } from "./user-error";

/** Since 2026-01 Shopify runs up to five bulk query operations at once per shop. */
export const MAX_CONCURRENT_BULK = 5;

const args = z.object({ query: z.string(), groupObjects: z.boolean().nullish() });

export function bulkOperationRunQuery(shop: ShopState, rawArgs: unknown, ctx: RequestContext): Payload {
  const { query } = args.parse(rawArgs);
  const running = [...shop.bulkOperations.values()].filter((b) => b.status === "CREATED" || b.status === "RUNNING");
  if (running.length >= MAX_CONCURRENT_BULK) {
    return failed([userError(null, `A maximum of ${MAX_CONCURRENT_BULK} bulk query operations can run at the same time on this shop.`, "LIMIT_REACHED")], ["bulkOperation"]);
  }
  const problem = queryProblem(query, ctx);
  if (problem) return failed([userError(["query"], problem, "INVALID")], ["bulkOperation"]);
  const now = shop.env.clock.now();
  const record: BulkOperationRecord = {
    id: shop.newId("BulkOperation"),
    query,
    createdAt: new Date(now).toISOString(),
    createdAtMs: now,
    completesAtMs: now + shop.bulkDurationMs,
    status: "CREATED",
    completedAt: null,
    objectCount: 0,
    rootObjectCount: 0,
    fileSize: null,
    url: null,
    errorCode: null,
  };
  shop.bulkOperations.set(record.id, record);
  return { bulkOperation: bulkOperationView(record), userErrors: [] };
}

function queryProblem(query: string, ctx: RequestContext): string | null {
  try {
    const document = parse(query);
    const errors = validate(ctx.schema, document);
    return errors[0] ? `Invalid bulk query: ${errors[0].message}` : null;
  } catch (error) {
    return `Invalid bulk query: ${error instanceof Error ? error.message : String(error)}`;
  }
}
