import {
  GraphQLInt,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isObjectType,
  Kind,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { MUTATION_COST } from "./plans";
import { hasPageArgument, isConnectionType, isListOutput, namedOutput } from "./type-kinds";

interface CostInput {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/**
 * Requested (worst-case) cost, computed before execution the way Shopify documents it:
 * scalars and enums 0, objects 1, connections 2 + page size × cost of one node,
 * abstract types the most expensive possible selection, every mutation field 10.
 */
export function requestedQueryCost(input: CostInput, operation: OperationDefinitionNode): number {
  if (operation.operation === "mutation") {
    const rootFields = operation.selectionSet.selections.filter(
      (s) => s.kind !== Kind.FIELD || !s.name.value.startsWith("__"),
    );
    return rootFields.length * MUTATION_COST;
  }
  const queryType = input.schema.getQueryType();
  return queryType ? selectionCost(input, queryType, operation.selectionSet) : 0;
}

function selectionCost(input: CostInput, type: GraphQLCompositeType, selectionSet: SelectionSetNode): number {
  if (!isAbstractType(type)) return fieldsCost(input, { parent: type, runtime: type }, selectionSet);
  const candidates = fragmentConditions(input, type, selectionSet);
  if (candidates.length === 0) return fieldsCost(input, { parent: type, runtime: type }, selectionSet);
  return Math.max(...candidates.map((c) => fieldsCost(input, { parent: type, runtime: c }, selectionSet)));
}

/** Concrete types named by inline fragments or spreads under an abstract field. */
function fragmentConditions(input: CostInput, type: GraphQLCompositeType, set: SelectionSetNode): GraphQLObjectType[] {
  const found = new Map<string, GraphQLObjectType>();
  for (const selection of set.selections) {
    const condition =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.typeCondition?.name.value
        : selection.kind === Kind.FRAGMENT_SPREAD
          ? input.fragments[selection.name.value]?.typeCondition.name.value
          : undefined;
    const candidate = condition ? input.schema.getType(condition) : undefined;
    if (candidate && isObjectType(candidate) && candidate.name !== type.name) found.set(candidate.name, candidate);
  }
  return [...found.values()];
}

function appliesTo(input: CostInput, condition: string | undefined, runtime: GraphQLCompositeType): boolean {
  if (!condition || condition === runtime.name) return true;
  const conditionType = input.schema.getType(condition);
  if (!conditionType || !isAbstractType(conditionType) || !isObjectType(runtime)) return false;
  return input.schema.isSubType(conditionType, runtime);
}

/** `parent` is the type fields are looked up on; `runtime` the concrete type being priced (for fragments). */
interface Scope {
  parent: GraphQLCompositeType;
  runtime: GraphQLCompositeType;
}

function fieldsCost(input: CostInput, scope: Scope, set: SelectionSetNode): number {
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      total += fieldCost(input, scope.parent, selection);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : input.fragments[selection.name.value];
    const condition = fragment?.typeCondition?.name.value;
    if (!fragment || !appliesTo(input, condition, scope.runtime)) continue;
    const parent = conditionType(input, condition, scope.parent);
    total += fieldsCost(input, { parent, runtime: scope.runtime }, fragment.selectionSet);
  }
  return total;
}

function conditionType(input: CostInput, name: string | undefined, fallback: GraphQLCompositeType): GraphQLCompositeType {
  const found = name ? input.schema.getType(name) : undefined;
  return found && isCompositeType(found) ? found : fallback;
}

function fieldCost(input: CostInput, parent: GraphQLCompositeType, node: FieldNode): number {
  if (node.name.value.startsWith("__") || !("getFields" in parent)) return 0;
  const field = parent.getFields()[node.name.value];
  if (!field) return 0;
  const named = namedOutput(field.type);
  if (isLeafType(named) || !isCompositeType(named) || !node.selectionSet) return 0;
  if (isConnectionType(named)) return 2 + pageSize(input, node) * connectionNodeCost(input, named, node.selectionSet);
  const inner = 1 + selectionCost(input, named, node.selectionSet);
  if (isListOutput(field.type) && hasPageArgument(field)) return pageSize(input, node) * inner;
  return inner;
}

/** One node of a connection: `edges { node { … } }` and `nodes { … }` price the same object. */
function connectionNodeCost(input: CostInput, connection: GraphQLCompositeType, set: SelectionSetNode): number {
  let cost = 0;
  for (const field of collectFields(input, set)) {
    const name = field.name.value;
    const defs = "getFields" in connection ? connection.getFields() : {};
    if (name === "nodes" && field.selectionSet) {
      const nodeType = defs.nodes ? namedOutput(defs.nodes.type) : undefined;
      if (nodeType && isCompositeType(nodeType)) cost = Math.max(cost, 1 + selectionCost(input, nodeType, field.selectionSet));
    }
    if (name === "edges" && field.selectionSet && defs.edges) {
      const edgeType = namedOutput(defs.edges.type);
      if (!isObjectType(edgeType)) continue;
      for (const edgeField of collectFields(input, field.selectionSet)) {
        const nodeDef = edgeType.getFields().node;
        if (edgeField.name.value !== "node" || !edgeField.selectionSet || !nodeDef) continue;
        const nodeType = namedOutput(nodeDef.type);
        if (isCompositeType(nodeType)) cost = Math.max(cost, 1 + selectionCost(input, nodeType, edgeField.selectionSet));
      }
    }
  }
  return cost;
}

/** Flattens fragments one level so connection wrappers (`edges`, `nodes`) are found wherever they are selected. */
function collectFields(input: CostInput, set: SelectionSetNode): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...collectFields(input, selection.selectionSet));
    else {
      const fragment = input.fragments[selection.name.value];
      if (fragment) fields.push(...collectFields(input, fragment.selectionSet));
    }
  }
  return fields;
}

function pageSize(input: CostInput, node: FieldNode): number {
  for (const name of ["first", "last"]) {
    const arg = node.arguments?.find((a) => a.name.value === name);
    if (!arg) continue;
    const value: unknown = valueFromAST(arg.value, GraphQLInt, input.variables);
    if (typeof value === "number") return Math.max(0, value);
  }
  return 0;
}
