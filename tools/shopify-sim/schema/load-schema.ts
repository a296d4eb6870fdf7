import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { z } from "zod";

/** Shopify's published Admin API 2026-07 introspection, kept beside the project in `../shared`. */
export const DEFAULT_SCHEMA_PATH = fileURLToPath(
  new URL("../../../../shared/shopify/admin_2026-07.json.gz", import.meta.url),
);

export interface LoadedSchema {
  schema: GraphQLSchema;
  /** `Type.field` names Shopify marks as protected customer data (redacted below level 2). */
  protectedFields: ReadonlySet<string>;
}

const introspectionFile = z.object({
  data: z.object({
    __schema: z.object({
      types: z.array(
        z.looseObject({
          name: z.string(),
          fields: z.array(z.looseObject({ name: z.string(), isProtected: z.boolean().optional() })).nullish(),
        }),
      ),
    }),
  }),
});

const cache = new Map<string, LoadedSchema>();

/** Loads and builds the schema once per process: the file is large and building takes ~200 ms. */
export function loadSchema(path: string = DEFAULT_SCHEMA_PATH): LoadedSchema {
  const hit = cache.get(path);
  if (hit) return hit;
  const raw: unknown = JSON.parse(gunzipSync(readFileSync(path)).toString("utf8"));
  const parsed = introspectionFile.parse(raw);
  const protectedFields = new Set<string>();
  for (const type of parsed.data.__schema.types) {
    for (const field of type.fields ?? []) if (field.isProtected) protectedFields.add(`${type.name}.${field.name}`);
  }
  const schema = buildClientSchema((raw as { data: IntrospectionQuery }).data);
  const loaded = { schema, protectedFields };
  cache.set(path, loaded);
  return loaded;
}
