// What Loadbay keeps per connection and per warehouse order for X12 (decision 0022): the connection's
// last ISA-13, GS-06 and ST-02 in `warehouse_connection.sequences`, and with each warehouse order the
// numbers and creation time of its 940 in `warehouse_order.transport`, so a resend renders the same
// bytes and the partner's 997 (AK1 group, AK2 set) finds the order. Pure.
import { z } from "zod";
import { CONTROL_NUMBER_MAX, type ControlNumbers } from "./control-numbers";

/** Counter names in `warehouse_connection.sequences`. */
export const SEQUENCE = { interchange: "x12Interchange", group: "x12Group", transaction: "x12Transaction" } as const;

const controlNumber = z.number().int().min(1).max(CONTROL_NUMBER_MAX);

export const x12TransportSchema = z.object({
  x12: z.object({ interchange: controlNumber, group: controlNumber, transaction: controlNumber, createdAt: z.iso.datetime() }),
  /** The 940's file name, for people reading the row. */
  file: z.string(),
  /** Set when the partner's 997 for this 940 has been read. */
  acknowledgement: z.enum(["accepted", "rejected"]).optional(),
});

export type X12Transport = z.infer<typeof x12TransportSchema>;

/** The steps to take for one interchange with `sets` transaction sets (ST-02 goes up by one per set). */
export const stepsFor = (sets: number): Record<string, number> => ({ [SEQUENCE.interchange]: 1, [SEQUENCE.group]: 1, [SEQUENCE.transaction]: Math.max(1, sets) });

/** The first numbers of the range that ends at `last` (what the counters now hold). */
export function firstTaken(last: Record<string, number>, sets: number): ControlNumbers {
  const first = (name: string, step: number) => ((((last[name] ?? 1) - step) % CONTROL_NUMBER_MAX) + CONTROL_NUMBER_MAX) % CONTROL_NUMBER_MAX + 1;
  return { interchange: first(SEQUENCE.interchange, 1), group: first(SEQUENCE.group, 1), transaction: first(SEQUENCE.transaction, Math.max(1, sets)) };
}

/** The stored state → what a 997 names: `{ x12: { group, transaction } }`, for JSON containment. */
export const acknowledgementMatch = (group: number, transaction?: number) => ({ x12: transaction === undefined ? { group } : { group, transaction } });
