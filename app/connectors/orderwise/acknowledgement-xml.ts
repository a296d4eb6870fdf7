// The acknowledgement OrderWise posts back after a pull (POST /inbound/<connection>/acknowledgements): per
// order reference, accepted (with OrderWise's own order number when it gives one) or rejected with its
// message. Assumed layout (docs/connectors/orderwise.md); a document with one unreadable entry is refused
// whole, so OrderWise resends it rather than Loadbay applying half of it.
import { z } from "zod";
import type { PullAcknowledgementIn } from "~/modules/transmission/warehouse-connector";
import { readXml, where } from "./orderwise-xml";

const ACCEPTED = new Set(["accepted", "success", "ok"]);
const REJECTED = new Set(["rejected", "failed", "error"]);

const entrySchema = z.object({
  orderReference: z.string().min(1),
  status: z.string().refine((s) => ACCEPTED.has(s.toLowerCase()) || REJECTED.has(s.toLowerCase()), "Accepted or Rejected"),
  orderNumber: z.string().optional(),
  message: z.string().optional(),
});

const documentSchema = z.object({
  // `<acknowledgements/>` reads as "".
  acknowledgements: z.preprocess((v) => (v === "" ? {} : v), z.object({ acknowledgement: z.array(entrySchema).default([]) })),
});

export type AckRead = { ok: true; value: PullAcknowledgementIn[] } | { ok: false; error: string };

export function readAcknowledgements(text: string): AckRead {
  const xml = readXml(text);
  if (!xml.ok) return xml;
  const parsed = documentSchema.safeParse(xml.value);
  if (!parsed.success) return { ok: false, error: `not an OrderWise acknowledgement (${where(parsed.error)})` };
  const entries = parsed.data.acknowledgements.acknowledgement;
  return {
    ok: true,
    value: entries.map((e) => {
      const accepted = ACCEPTED.has(e.status.toLowerCase());
      const message = e.message ?? (accepted ? "Accepted." : "Rejected without a message.");
      return { orderReference: e.orderReference, accepted, warehouseReference: e.orderNumber || null, message };
    }),
  };
}
