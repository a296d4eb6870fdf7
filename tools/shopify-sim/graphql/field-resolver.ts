import {
  GraphQLError,
  getNullableType,
  isListType,
  isNonNullType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLTypeResolver,
} from "graphql";
import type { RequestContext } from "./context";

/** Objects whose fields the app may only read with protected customer data access (level ≥ 1). */
const LEVEL_ONE_TYPES = new Set(["Order", "DraftOrder", "Customer"]);

/**
 * The one resolver for every field of Shopify's schema. Views are plain objects whose properties are
 * values or functions `(args, ctx, info)`. A field a view does not define resolves to null, or fails
 * loudly when the schema says it cannot be null, so the simulator never invents data.
 */
export const fieldResolver: GraphQLFieldResolver<unknown, RequestContext> = (source, args, ctx, info) => {
  guardProtectedObject(ctx, info);
  if (isRedacted(ctx, info)) return redactedValue(info);
  const value = readField(source, args, ctx, info);
  if (value instanceof Promise) return value.then((v: unknown) => charged(ctx, info, v));
  return charged(ctx, info, value);
};

export const typeResolver: GraphQLTypeResolver<unknown, RequestContext> = (value) => {
  if (typeof value === "object" && value !== null && "__typename" in value) return String(value.__typename);
  return undefined;
};

function readField(source: unknown, args: unknown, ctx: RequestContext, info: GraphQLResolveInfo): unknown {
  const record = (typeof source === "object" && source !== null ? source : {}) as Record<string, unknown>;
  const property = record[info.fieldName];
  if (typeof property === "function") return (property as (...a: unknown[]) => unknown).call(source, args, ctx, info);
  if (property !== undefined) return property;
  if (isNonNullType(info.returnType) || info.parentType === info.schema.getMutationType()) {
    throw new GraphQLError(`Shopify simulator does not implement ${info.parentType.name}.${info.fieldName}`, {
      extensions: { code: "NOT_IMPLEMENTED_IN_SIMULATOR" },
    });
  }
  return null;
}

function charged(ctx: RequestContext, info: GraphQLResolveInfo, value: unknown): unknown {
  ctx.meter.charge(info, value);
  return value;
}

function isRedacted(ctx: RequestContext, info: GraphQLResolveInfo): boolean {
  return ctx.shop.protectedDataLevel < 2 && ctx.protectedFields.has(`${info.parentType.name}.${info.fieldName}`);
}

/** Shopify answers null for redacted fields; non-null ones get an empty value of their type. */
function redactedValue(info: GraphQLResolveInfo): unknown {
  if (!isNonNullType(info.returnType)) return null;
  return isListType(getNullableType(info.returnType)) ? [] : "";
}

function guardProtectedObject(ctx: RequestContext, info: GraphQLResolveInfo): void {
  if (ctx.shop.protectedDataLevel > 0) return;
  const typeName = getNullableType(info.returnType).toString().replace(/[[\]!]/g, "");
  if (!LEVEL_ONE_TYPES.has(typeName)) return;
  throw new GraphQLError(
    `This app is not approved to access the ${typeName} object. See https://shopify.dev/docs/apps/launch/protected-customer-data for more details.`,
    { extensions: { code: "ACCESS_DENIED" } },
  );
}
