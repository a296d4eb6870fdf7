// Despatch XML that OrderWise pushes (POST /inbound/<connection>/dispatches): one `despatch` per delivery.
// Field names are the ones known from OrderWise integrations (platform facts: `orderStatus`
// "Partially despatched" / "Completed", `deliveryNumber`, `courierName`, `consignmentNumbers`); the
// surrounding layout is assumed (docs/connectors/orderwise.md). The delivery number is the shipment id, so
// the same delivery pushed twice is stored once (decision 0020).
import { z } from "zod";
import type { DispatchAdviceIn } from "~/modules/transmission/warehouse-connector";
import { readXml, where } from "./orderwise-xml";

const STATUSES = { "partially despatched": false, completed: true } as const;

const quantity = z.string().regex(/^\d+$/, "a whole number").transform(Number).refine((n) => n > 0, "more than 0");
const lineSchema = z.object({ productCode: z.string().min(1), quantity });
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "a date and time").transform((s) => new Date(s));

/** `<consignmentNumbers>` holds `<consignmentNumber>` elements, or (assumed too) one comma-separated text. */
const consignmentsSchema = z
  .union([z.literal(""), z.string(), z.object({ consignmentNumber: z.array(z.string()).default([]) })])
  .optional()
  .transform((value) => (typeof value === "object" ? value.consignmentNumber : (value ?? "").split(/[,;]/)).map((s) => s.trim()).filter(Boolean));

const despatchSchema = z.object({
  orderReference: z.string().min(1),
  orderNumber: z.string().optional(),
  orderStatus: z.string().refine((s) => s.toLowerCase() in STATUSES, "“Partially despatched” or “Completed”"),
  deliveryNumber: z.string().min(1),
  despatchDate: instant,
  courierName: z.string().optional(),
  consignmentNumbers: consignmentsSchema,
  trackingUrl: z.string().url().optional(),
  lines: z.object({ line: z.array(lineSchema).min(1) }),
});

const documentSchema = z.object({ despatches: z.object({ despatch: z.array(despatchSchema).min(1) }) });

export type DespatchRead = { ok: true; value: DispatchAdviceIn[] } | { ok: false; error: string };

export function readDespatches(text: string): DespatchRead {
  const xml = readXml(text);
  if (!xml.ok) return xml;
  const parsed = documentSchema.safeParse(xml.value);
  if (!parsed.success) return { ok: false, error: `not an OrderWise despatch (${where(parsed.error)})` };
  return {
    ok: true,
    value: parsed.data.despatches.despatch.map((d) => ({
      shipmentId: d.deliveryNumber,
      orderReference: d.orderReference,
      warehouseReference: d.orderNumber || null,
      shippedAt: d.despatchDate,
      carrier: d.courierName || null,
      trackingNumbers: d.consignmentNumbers,
      // A URL only beside a number (Shopify's rule, decision 0020).
      trackingUrls: d.trackingUrl && d.consignmentNumbers.length ? [d.trackingUrl] : [],
      lines: d.lines.line.map((l) => ({ warehouseSku: l.productCode, quantity: l.quantity })),
      complete: STATUSES[d.orderStatus.toLowerCase() as keyof typeof STATUSES],
    })),
  };
}
