// What to do after Shopify answered one `inventorySetQuantities` call with user errors.
//
// Assumed (Shopify's documentation says a stale row "fails the mutation" without saying whether the other
// rows of the call are kept): a call with user errors changed nothing. The plan is right either way: a
// row that did land is sent again with its old `changeFromQuantity`, is refused as stale, and is re-read.
//
// - CHANGE_FROM_QUANTITY_STALE: Shopify's figure moved since the read (an order, a manual edit). Re-read
//   the rows named; when Shopify names none we can place, the whole batch. The write after the re-read is
//   a new operation: the rows carry a new generation, so the batch gets a new key.
// - IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED: this key is spent; re-read the batch so the retry gets a new key.
// - IDEMPOTENCY_CONCURRENT_REQUEST: the same write is still running; send it again later, same key.
// - Item, location or quantity refused: those rows are dropped with the reason; the rest go again.
// - Anything else (a bad quantity name or reason, a key reused with other parameters) is a bug.
import type { WriteBatch, WriteRow } from "./stock-writes";

export interface WriteUserError {
  code: string | null;
  /** The path to the input field, e.g. ["input", "quantities", "3", "changeFromQuantity"]. */
  field: string[] | null;
  message: string;
}

export type WriteAnswer =
  | { kind: "done" }
  | { kind: "retry-same-key" }
  | { kind: "replan"; reread: WriteRow[]; refused: { row: WriteRow; code: string; message: string }[] }
  | { kind: "bug"; errors: WriteUserError[] };

const ROW_REFUSALS = new Set([
  "INVALID_INVENTORY_ITEM",
  "INVALID_LOCATION",
  "ITEM_NOT_STOCKED_AT_LOCATION",
  "NON_MUTABLE_INVENTORY_ITEM",
  "INVALID_QUANTITY_NEGATIVE",
  "INVALID_QUANTITY_TOO_HIGH",
  "INVALID_QUANTITY_TOO_LOW",
]);

export function answerToWrite(batch: WriteBatch, errors: WriteUserError[]): WriteAnswer {
  if (errors.length === 0) return { kind: "done" };
  if (errors.every((e) => e.code === "IDEMPOTENCY_CONCURRENT_REQUEST")) return { kind: "retry-same-key" };
  const known = errors.every((e) => e.code === "CHANGE_FROM_QUANTITY_STALE" || e.code === "IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED" || ROW_REFUSALS.has(e.code ?? ""));
  if (!known) return { kind: "bug", errors };
  if (errors.some((e) => e.code === "IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED")) return { kind: "replan", reread: batch.rows, refused: [] };
  const reread = new Set<WriteRow>();
  const refused = new Map<WriteRow, { row: WriteRow; code: string; message: string }>();
  for (const e of errors) {
    const row = rowNamed(batch, e.field);
    if (e.code === "CHANGE_FROM_QUANTITY_STALE") for (const r of row ? [row] : batch.rows) reread.add(r);
    else if (row) refused.set(row, { row, code: e.code ?? "", message: e.message });
    else return { kind: "bug", errors };
  }
  return { kind: "replan", reread: [...reread].filter((r) => !refused.has(r)), refused: [...refused.values()] };
}

/** The row a user error points at, from its field path (`quantities`, then the row's index). */
export function rowNamed(batch: WriteBatch, field: string[] | null): WriteRow | null {
  const at = field?.indexOf("quantities") ?? -1;
  const index = at >= 0 ? Number(field?.[at + 1]) : NaN;
  return Number.isInteger(index) ? (batch.rows[index] ?? null) : null;
}
