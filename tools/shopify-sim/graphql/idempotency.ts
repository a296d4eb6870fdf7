import { GraphQLError, getDirectiveValues, type GraphQLResolveInfo } from "graphql";

/** Mutations that, since 2026-04, fail at run time without `@idempotent(key:)` (the schema cannot say so). */
export const IDEMPOTENCY_REQUIRED = new Set([
  "inventorySetQuantities", "inventoryAdjustQuantities", "inventoryMoveQuantities", "inventorySetOnHandQuantities",
  "inventoryActivate", "refundCreate", "inventoryShipmentCreate", "inventoryShipmentReceive", "inventoryTransferCreate",
]);

interface Entry {
  fingerprint: string;
  state: "running" | "done" | "failed";
  result?: unknown;
}

/** Per shop (the app is the only client): remembers each key's parameters and result. */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  async run(key: string, fingerprint: string, execute: () => Promise<unknown>): Promise<unknown> {
    const entry = this.entries.get(key);
    if (entry && entry.fingerprint !== fingerprint) return idempotencyFailure("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
    if (entry?.state === "running") return idempotencyFailure("IDEMPOTENCY_CONCURRENT_REQUEST");
    if (entry?.state === "failed") return idempotencyFailure("IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED");
    if (entry?.state === "done") return entry.result;
    const fresh: Entry = { fingerprint, state: "running" };
    this.entries.set(key, fresh);
    try {
      fresh.result = await execute();
      fresh.state = "done";
      return fresh.result;
    } catch (error) {
      fresh.state = "failed";
      throw error;
    }
  }
}

const MESSAGES: Record<string, string> = {
  IDEMPOTENCY_KEY_PARAMETER_MISMATCH: "The same idempotency key cannot be used with different operation parameters.",
  IDEMPOTENCY_CONCURRENT_REQUEST: "This request is currently in progress, please try again.",
  IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED: "A previous request with this idempotency key failed. Retry with a new idempotency key.",
};

function idempotencyFailure(code: string): unknown {
  return { userErrors: [{ field: null, message: MESSAGES[code] ?? code, code }] };
}

/** Reads `@idempotent(key:)` from the mutation field; throws Shopify-style errors for a missing or blank key. */
export function idempotencyKey(info: GraphQLResolveInfo): string | undefined {
  const directive = info.schema.getDirective("idempotent");
  const node = info.fieldNodes[0];
  const values = directive && node ? getDirectiveValues(directive, node, info.variableValues) : undefined;
  const key = values?.key;
  if (typeof key === "string" && key.trim() === "") {
    throw new GraphQLError("The idempotency key cannot be an empty string or whitespace only.", {
      nodes: info.fieldNodes,
      path: [info.fieldName],
      extensions: { code: "BAD_REQUEST" },
    });
  }
  if (typeof key === "string") return key;
  if (IDEMPOTENCY_REQUIRED.has(info.fieldName)) {
    throw new GraphQLError(`The @idempotent directive is required for the ${info.fieldName} mutation.`, {
      nodes: info.fieldNodes,
      path: [info.fieldName],
      extensions: { code: "BAD_REQUEST" },
    });
  }
  return undefined;
}

/** Canonical JSON (sorted keys) of the arguments: the "operation parameters" a key is bound to. */
export function fingerprint(fieldName: string, args: unknown): string {
  return `${fieldName}:${stableStringify(args)}`;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
