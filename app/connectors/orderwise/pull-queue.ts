// What the OrderWise connector keeps per warehouse order in the transport state (decision 0023): under
// `pull`, the reference OrderWise pulls it by and when it was queued; the pull repository adds the pull
// count and times. Acknowledgements match on `{ pull: { reference } }`; a rejection retires `pull` into
// `rejected[]`, so the order is queued afresh after the merchant's fix.
import { z } from "zod";

export { LAST_PULL_STAMP, PULL_KEY } from "~/modules/inbound/order-pull.ports";

export const pullTransportSchema = z
  .object({
    pull: z.object({ reference: z.string(), queuedAt: z.string(), pulls: z.number().optional(), firstPulledAt: z.string().optional() }).optional(),
    acknowledgement: z.string().optional(),
  })
  .passthrough();
