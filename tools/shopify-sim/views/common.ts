import { legacyId } from "../lib/gid";
import { connection, type PageArgs } from "../graphql/connection";
import type { RequestContext } from "../graphql/context";
import type { MetafieldRecord } from "../state/types";

/** `legacyResourceId` is an UnsignedInt64, which Shopify serialises as a string. */
export function legacy(id: string): string {
  return String(legacyId(id));
}

export function metafieldView(record: MetafieldRecord, ownerType: string): Record<string, unknown> {
  return {
    __typename: "Metafield",
    ...record,
    ownerType,
    legacyResourceId: legacy(record.id),
    jsonValue: () => parseJsonValue(record),
    compareDigest: Buffer.from(`${record.id}:${record.updatedAt}`).toString("base64"),
    description: null,
  };
}

function parseJsonValue(record: MetafieldRecord): unknown {
  if (record.type === "json" || record.type.startsWith("list.")) {
    try {
      return JSON.parse(record.value);
    } catch {
      return record.value;
    }
  }
  if (record.type === "number_integer" || record.type === "number_decimal") return Number(record.value);
  if (record.type === "boolean") return record.value === "true";
  return record.value;
}

interface MetafieldArgs extends PageArgs {
  namespace?: string | null;
  key?: string;
  keys?: string[] | null;
}

/** `metafield(namespace, key)` and `metafields(...)` for any HasMetafields owner. */
export function metafieldFields(records: () => MetafieldRecord[], ownerType: string): Record<string, unknown> {
  return {
    metafield: (args: MetafieldArgs) => {
      const found = records().find((m) => m.key === args.key && (args.namespace == null || m.namespace === args.namespace));
      return found ? metafieldView(found, ownerType) : null;
    },
    metafields: (args: MetafieldArgs, ctx: RequestContext) => {
      const selected = records().filter(
        (m) =>
          (args.namespace == null || m.namespace === args.namespace) &&
          (args.keys == null || args.keys.includes(`${m.namespace}.${m.key}`)),
      );
      return connection(ctx, selected.map((m) => metafieldView(m, ownerType)), args, (v) => [0, legacyIdOf(v)]);
    },
  };
}

function legacyIdOf(view: Record<string, unknown>): number {
  return legacyId(String(view.id));
}

export function idSort(view: { id?: unknown }): [number, number] {
  return [0, legacyId(String(view.id))];
}

/** The records behind a list of ids, skipping any that no longer exist. */
export function lookup<T>(ids: string[], map: ReadonlyMap<string, T>): T[] {
  return ids.map((id) => map.get(id)).filter((v): v is T => v !== undefined);
}
