import { GraphQLError, type GraphQLResolveInfo } from "graphql";

/** Shopify rejects any input array longer than this, for every API. */
export const MAX_INPUT_ARRAY = 250;

/** Throws Shopify's top-level error when an argument holds an array over the limit, anywhere in it. */
export function checkInputArrays(info: GraphQLResolveInfo, args: Record<string, unknown>): void {
  const found = oversized(args, [info.fieldName]);
  if (!found) return;
  throw new GraphQLError(`The input array size of ${found.size} is greater than the maximum allowed of ${MAX_INPUT_ARRAY}.`, {
    nodes: info.fieldNodes,
    path: found.path,
    extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" },
  });
}

function oversized(value: unknown, path: (string | number)[]): { size: number; path: (string | number)[] } | undefined {
  if (Array.isArray(value)) {
    if (value.length > MAX_INPUT_ARRAY) return { size: value.length, path };
    for (const [i, item] of value.entries()) {
      const found = oversized(item, [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = oversized(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
