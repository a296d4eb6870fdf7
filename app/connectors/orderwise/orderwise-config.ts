// One OrderWise connection (docs/connectors/orderwise.md): OrderWise pulls sales orders from Loadbay, so
// there is no address or credential of OrderWise's here. The pull and push credentials are the
// connection's inbound ones (the "Pushes from the warehouse" page, basic auth). Parsed at the boundary.
import { z } from "zod";

export const orderWiseConfigSchema = z.object({
  /** The facility OrderWise ships from; stock without a warehouse code belongs to it. */
  facilityCode: z.string().trim().min(1).max(80),
  /** How many waiting orders one pull returns, oldest first. */
  pullBatchSize: z.number().int().min(1).max(500).default(50),
  /** The draft reference (mapping: warehouse field) carried as OrderWise's customer order number. */
  poReference: z.string().trim().min(1).max(80).default("poNumber"),
  /** Free text for the merchant: which service codes OrderWise maps to which couriers. Not sent. */
  courierNotes: z.string().max(2000).optional(),
});

export type OrderWiseConfigInput = z.input<typeof orderWiseConfigSchema>;
export type OrderWiseConfig = z.output<typeof orderWiseConfigSchema>;
