// Connection settings for one Mintsoft account, parsed at the boundary. The password never leaves the
// HTTP client: it is not logged and never appears in a failure message or detail.
import { z } from "zod";

export const mintsoftConfigSchema = z.object({
  baseUrl: z.url().transform((url) => url.replace(/\/+$/, "")),
  username: z.string().min(1),
  password: z.string().min(1),
  /** Needed when the API user is a 3PL admin (warehouse) user; client users default to their own client. */
  clientId: z.number().int().positive().optional(),
  warehouseId: z.number().int().positive(),
  /** Loadbay's facility code for this warehouse, put on stock levels; defaults to the warehouse id. */
  facilityCode: z.string().min(1).optional(),
  timeoutMs: z.number().int().positive().default(10_000),
  /** How far back the first dispatch poll looks when there is no cursor yet. */
  firstPollLookbackDays: z.number().int().positive().default(30),
});

export type MintsoftConfigInput = z.input<typeof mintsoftConfigSchema>;
export type MintsoftConfig = z.output<typeof mintsoftConfigSchema>;
