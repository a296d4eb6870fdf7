// A problem found while mapping becomes an exception record (see ExceptionInput in orders.ports):
// raising is an upsert by key, so the key names the order and the exact thing that is wrong and stays
// the same on every retry until the merchant fixes it; a retry that no longer finds it clears it.

export const MAPPING_PROBLEM_KINDS = [
  "no-route",
  "unmapped-service",
  "unmapped-pack",
  "pack-multiple",
  "invalid-sku",
  "sku-collision",
  "missing-phone",
  "missing-po",
  "missing-email",
  "missing-company",
  "missing-address",
  "address-too-long",
  "untransliterable",
  "location-mismatch",
] as const;
export type MappingProblemKind = (typeof MAPPING_PROBLEM_KINDS)[number];

export interface MappingProblem {
  /** `<kind>:<orderNumber>[:<subject>]`, stable across retries. */
  key: string;
  kind: MappingProblemKind;
  /** A sentence the merchant understands, naming the exact value and what to do. */
  message: string;
  /** For engineers: the values involved. Plain JSON. */
  detail: Record<string, unknown>;
}

/** The order and warehouse a problem is about, for keys and messages. */
export interface Where {
  orderNumber: string;
  connectionId: string;
  /** The name merchants know the warehouse by. */
  warehouse: string;
}

export function mappingProblem(
  kind: MappingProblemKind,
  where: { orderNumber: string; subject?: string },
  message: string,
  detail: Record<string, unknown> = {},
): MappingProblem {
  const key = where.subject === undefined ? `${kind}:${where.orderNumber}` : `${kind}:${where.orderNumber}:${where.subject}`;
  return { key, kind, message, detail };
}

const KINDS: ReadonlySet<string> = new Set(MAPPING_PROBLEM_KINDS);

/** Whether an open exception came from mapping this order: a new mapping clears those it no longer raises. */
export function isMappingProblemKey(key: string, orderNumber: string): boolean {
  const [kind, order] = key.split(":", 2);
  return kind !== undefined && KINDS.has(kind) && order === orderNumber;
}

/** Values appear in typographic quotes so spaces and odd characters are visible in a sentence. */
export const quoted = (value: string): string => `“${value}”`;
