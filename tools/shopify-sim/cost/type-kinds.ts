import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from "graphql";

/** Relay connections are priced by page size: Shopify names them `…Connection` with `pageInfo`. */
export function isConnectionType(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields();
}

export function isEdgeType(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.name.endsWith("Edge") && "node" in type.getFields() && "cursor" in type.getFields();
}

export function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

export function hasPageArgument(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => a.name === "first" || a.name === "last");
}

export function namedOutput(type: GraphQLOutputType): GraphQLNamedType {
  return getNamedType(type);
}
