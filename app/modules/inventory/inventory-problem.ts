// A problem found while working out stock for Shopify. Like mapping problems, each has a stable key
// (`<kind>:<subject>`) so raising it is an upsert and a run that no longer finds it clears it, and a
// sentence the merchant understands. Nothing with a problem is written: Loadbay leaves Shopify's figure
// as it is rather than guess.

export type InventoryProblemKind =
  | "sku-ambiguous"
  | "unmapped-pack"
  | "invalid-stock-figure"
  | "invalid-demand"
  | "invalid-buffer"
  | "shared-location"
  | "conflicting-quantities"
  | "invalid-quantity";

export interface InventoryProblem {
  key: string;
  kind: InventoryProblemKind;
  /** A sentence for the merchant, naming the exact value and what to do. */
  message: string;
  /** For engineers: the values involved. Plain JSON. */
  detail: Record<string, unknown>;
}

export const inventoryProblem = (kind: InventoryProblemKind, subject: string, message: string, detail: Record<string, unknown> = {}): InventoryProblem => ({
  key: `${kind}:${subject}`,
  kind,
  message,
  detail,
});
