import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphQLError, Kind, getOperationAST, parse, validate, type DocumentNode, type FragmentDefinitionNode } from "graphql";
import { z } from "zod";
import { MAX_QUERY_COST } from "../cost/plans";
import { requestedQueryCost } from "../cost/query-cost";
import { advanceBulkOperations } from "../graphql/bulk-runner";
import { executeOperation } from "../graphql/execute-operation";
import { toShopifyValidationError } from "../schema/shopify-errors";
import type { SimulatorCore } from "../sim/simulator-core";
import type { ShopState } from "../state/shop-state";
import { header, parseBody, readBody, sendJson } from "./io";
import { costExtension, maxCostError, throttledError, toShopifyExecutionError } from "./graphql-responses";

const INVALID_TOKEN = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };

const request = z.object({
  query: z.string(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

/** `POST /admin/api/2026-07/graphql.json`: auth → parse → validate → price → throttle → execute → refund. */
export async function handleGraphQL(core: SimulatorCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const token = core.tokens.verifyAccess(header(req, "x-shopify-access-token"));
  const shop = token ? core.shops.get(token.shop) : undefined;
  if (!shop) return sendJson(res, 401, INVALID_TOKEN);
  if (shop.faults.serverErrors > 0) {
    shop.faults.serverErrors -= 1;
    return sendJson(res, 503, { errors: "Service Unavailable" });
  }
  const body = request.safeParse(parseBody(await readBody(req), header(req, "content-type")));
  if (!body.success) return sendJson(res, 400, { errors: { query: "Required parameter missing or invalid" } });
  const checked = checkedDocument(core, body.data.query);
  if (checked instanceof GraphQLError) return sendJson(res, 200, { errors: [{ message: checked.message, locations: checked.locations }] });
  const { document, invalid } = checked;
  if (invalid.length > 0) return sendJson(res, 200, { errors: invalid.map((e) => toShopifyValidationError(e, document)) });
  await runPriced(core, shop, { req, res, document, ...body.data });
}

/**
 * Every operation is validated against the schema, but an identical query text always gives the same
 * answer (validation does not look at variables), so the parse and the verdict are kept per text.
 * Apps send a handful of distinct documents; the cache is bounded for the rest.
 */
const checkedDocuments = new WeakMap<object, Map<string, { document: DocumentNode; invalid: readonly GraphQLError[] }>>();
const MAX_CACHED_DOCUMENTS = 500;

function checkedDocument(core: SimulatorCore, query: string): { document: DocumentNode; invalid: readonly GraphQLError[] } | GraphQLError {
  let cache = checkedDocuments.get(core.loaded.schema);
  if (!cache) checkedDocuments.set(core.loaded.schema, (cache = new Map()));
  const hit = cache.get(query);
  if (hit) return hit;
  const document = parseDocument(query);
  if (document instanceof GraphQLError) return document;
  const checked = { document, invalid: validate(core.loaded.schema, document) };
  if (cache.size >= MAX_CACHED_DOCUMENTS) cache.clear();
  cache.set(query, checked);
  return checked;
}

function parseDocument(query: string): DocumentNode | GraphQLError {
  try {
    return parse(query);
  } catch (error) {
    return error instanceof GraphQLError ? error : new GraphQLError(String(error));
  }
}

interface PricedCall {
  req: IncomingMessage;
  res: ServerResponse;
  document: DocumentNode;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

async function runPriced(core: SimulatorCore, shop: ShopState, call: PricedCall): Promise<void> {
  const operation = getOperationAST(call.document, call.operationName ?? undefined);
  if (!operation) return sendJson(call.res, 200, { errors: [{ message: "An operation name is required" }] });
  const fragments = Object.fromEntries(
    call.document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const requested = requestedQueryCost({ schema: core.loaded.schema, fragments, variables: call.variables ?? {} }, operation);
  if (requested > MAX_QUERY_COST) return sendJson(call.res, 200, maxCostError(requested, shop.bucket.status()));
  if (!shop.bucket.tryTake(requested)) {
    shop.throttledAnswers++;
    return sendJson(call.res, 200, throttledError(requested, shop.bucket.status()));
  }
  await advanceBulkOperations(shop, core.loaded, core.url);
  const { result, context } = await executeOperation({
    loaded: core.loaded,
    shop,
    origin: core.url,
    document: call.document,
    variables: call.variables ?? undefined,
    operationName: call.operationName ?? undefined,
  });
  const actual = operation.operation === "mutation" ? requested : Math.min(requested, context.meter.total);
  shop.bucket.refund(requested - actual);
  shop.operationLog.push({ name: operation.name?.value ?? null, type: operation.operation, actualCost: actual, at: core.clock.now() });
  if (context.dropConnection) return dropConnection(call.req, call.res);
  const body: Record<string, unknown> = {};
  if (result.errors?.length) body.errors = result.errors.map(toShopifyExecutionError);
  if (result.data !== undefined) body.data = result.data;
  body.extensions = costExtension(requested, actual, shop.bucket.status());
  sendJson(call.res, 200, body);
}

/** The fault "applied, then the connection dropped": the caller sees a socket error and cannot know it worked. */
function dropConnection(req: IncomingMessage, res: ServerResponse): void {
  res.destroy();
  req.socket.destroy();
}
