import { execute, type DocumentNode, type ExecutionResult } from "graphql";
import { ActualCostMeter } from "../cost/actual-cost";
import type { LoadedSchema } from "../schema/load-schema";
import type { ShopState } from "../state/shop-state";
import { mutationRoot } from "../resolvers/mutation-root";
import { queryRoot } from "../resolvers/query-root";
import type { RequestContext } from "./context";
import { fieldResolver, typeResolver } from "./field-resolver";

export interface ExecuteInput {
  loaded: LoadedSchema;
  shop: ShopState;
  origin: string;
  document: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
  bulk?: boolean;
}

export interface ExecuteOutput {
  result: ExecutionResult;
  context: RequestContext;
}

/** Runs a validated document against Shopify's schema with the simulator's resolvers. */
export async function executeOperation(input: ExecuteInput): Promise<ExecuteOutput> {
  const context: RequestContext = {
    shop: input.shop,
    schema: input.loaded.schema,
    origin: input.origin,
    meter: new ActualCostMeter(),
    protectedFields: input.loaded.protectedFields,
    dropConnection: false,
    bulk: input.bulk ?? false,
  };
  const isMutation = input.document.definitions.some(
    (d) => d.kind === "OperationDefinition" && d.operation === "mutation" && (!input.operationName || d.name?.value === input.operationName),
  );
  const result = await execute({
    schema: input.loaded.schema,
    document: input.document,
    rootValue: isMutation ? mutationRoot() : queryRoot(input.shop),
    contextValue: context,
    variableValues: input.variables,
    operationName: input.operationName,
    fieldResolver,
    typeResolver,
  });
  return { result, context };
}
