// What Loadbay keeps per connection and per warehouse order for X12 (decision 0022): the connection's
// last ISA-13, GS-06 and ST-02 in `warehouse_connection.sequences`, and with each warehouse order the
// numbers and creation time of its 940 in `warehouse_order.transport`, so a resend renders the same
// bytes and the partner's 997 (AK1 group, AK2 set) finds the order. Pure.
import { z } from "zod";
import { CONTROL_NUMBER_MAX, type ControlNumbers } from "./control-numbers";

/** Counter names in `warehouse_connection.sequences`. */
export const SEQUENCE = { interchange: "x12Interchange", group: "x12Group", transaction: "x12Transaction" } as const;

const controlNumber = z.number().int().min(1).max(CONTROL_NUMBER_MAX);

export const x12SendingSchema = z.object({
  interchange: controlNumber,
  group: controlNumber,
  transaction: controlNumber,
  createdAt: z.iso.datetime(),
  /** The 940's file name. */
  file: z.string(),
});

/** `warehouse_order.transport` of an X12 connection. */
export const x12TransportSchema = z.object({
  /** What the current 940 is sent with; absent before the first send and after a rejection. */
  x12: x12SendingSchema.optional(),
  /** 1 for the first 940; one more after each 940 the warehouse rejected (its file name says so). */
  attempt: z.number().int().min(1).default(1),
  /** Set when the partner accepted the current 940 in a 997. */
  acknowledgement: z.literal("accepted").optional(),
});

export type X12Sending = z.infer<typeof x12SendingSchema>;
export type X12Transport = z.infer<typeof x12TransportSchema>;

/** The idempotency key for the first 940's file; `<key>-<attempt>` after a rejection. */
export const fileKeyFor = (idempotencyKey: string, attempt: number) => (attempt === 1 ? idempotencyKey : `${idempotencyKey}-${attempt}`);

/** The steps to take for one interchange with `sets` transaction sets (ST-02 goes up by one per set). */
export const stepsFor = (sets: number): Record<string, number> => ({ [SEQUENCE.interchange]: 1, [SEQUENCE.group]: 1, [SEQUENCE.transaction]: Math.max(1, sets) });

/** The first numbers of the range that ends at `last` (what the counters now hold). */
export function firstTaken(last: Record<string, number>, sets: number): ControlNumbers {
  const first = (name: string, step: number) => ((((last[name] ?? 1) - step) % CONTROL_NUMBER_MAX) + CONTROL_NUMBER_MAX) % CONTROL_NUMBER_MAX + 1;
  return { interchange: first(SEQUENCE.interchange, 1), group: first(SEQUENCE.group, 1), transaction: first(SEQUENCE.transaction, Math.max(1, sets)) };
}

/** The stored state → what a 997 names: `{ x12: { group, transaction } }`, for JSON containment. */
export const acknowledgementMatch = (group: number, transaction?: number) => ({ x12: transaction === undefined ? { group } : { group, transaction } });
