import { isLeafType, type GraphQLResolveInfo } from "graphql";
import { hasPageArgument, isConnectionType, isEdgeType, isListOutput, namedOutput } from "./type-kinds";

/** Accumulates the actual cost of a query while it executes: the same prices, with real page sizes. */
export class ActualCostMeter {
  total = 0;

  /** Called for every resolved field; `value` is what the resolver produced. */
  charge(info: GraphQLResolveInfo, value: unknown): void {
    this.total += priceOf(info, value);
  }
}

function priceOf(info: GraphQLResolveInfo, value: unknown): number {
  const named = namedOutput(info.returnType);
  if (isLeafType(named) || info.fieldName === "pageInfo") return 0;
  if (isConnectionType(named)) return 2;
  if (isConnectionType(info.parentType)) return info.fieldName === "nodes" ? lengthOf(value) : 0;
  if (isEdgeType(info.parentType)) return info.fieldName === "node" ? 1 : 0;
  if (!isListOutput(info.returnType)) return 1;
  const field = info.parentType.getFields()[info.fieldName];
  return field && hasPageArgument(field) ? lengthOf(value) : 1;
}

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}
