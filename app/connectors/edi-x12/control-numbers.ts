// Envelope control numbers: ISA-13 (interchange), GS-06 (group) and ST-02 (transaction set). The
// partner's translator rejects a repeated ISA-13 as a duplicate, so the caller keeps the last numbers
// per connection in the database and asks here for the next ones. Pure.

export interface ControlNumbers {
  /** ISA-13: 1 … 999 999 999, written as 9 digits. */
  interchange: number;
  /** GS-06: 1 … 999 999 999. */
  group: number;
  /** ST-02: 1 … 999 999 999, written with at least 4 digits. */
  transaction: number;
}

export const CONTROL_NUMBER_MAX = 999_999_999;

/**
 * Zero is never used: several translators read an all-zero ISA-13 as "not set". After the largest
 * number each counter starts again at 1; by then the partner's duplicate window has long passed.
 */
const after = (n: number) => (n >= CONTROL_NUMBER_MAX || n < 1 ? 1 : Math.floor(n) + 1);

/** The numbers for the next interchange; `last` null for a connection's first. */
export function nextControlNumbers(last: ControlNumbers | null): ControlNumbers {
  if (!last) return { interchange: 1, group: 1, transaction: 1 };
  return { interchange: after(last.interchange), group: after(last.group), transaction: after(last.transaction) };
}

/** ST-02 of the `index`th set (0-based) of an interchange that starts at `first`. */
export const transactionNumber = (first: number, index: number): number => ((first - 1 + index) % CONTROL_NUMBER_MAX) + 1;

export const formatInterchangeNumber = (n: number) => String(n).padStart(9, "0");
export const formatTransactionNumber = (n: number) => String(n).padStart(4, "0");
