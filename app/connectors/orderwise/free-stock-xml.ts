// Free-stock XML that OrderWise pushes (POST /inbound/<connection>/stock): a snapshot of free stock per
// product (platform facts: "pushed XML with free stock quantities"). Layout assumed
// (docs/connectors/orderwise.md): `warehouseCode` optional (the connection's facility when absent),
// `dateTime` on the document optional (the time Loadbay received it when absent).
import { z } from "zod";
import type { StockLevelIn } from "~/modules/transmission/warehouse-connector";
import { readXml, where } from "./orderwise-xml";

const levelSchema = z.object({
  productCode: z.string().min(1),
  warehouseCode: z.string().min(1).optional(),
  // Free stock can be negative in an ERP (allocated beyond what is on the shelf); kept as given.
  freeStock: z.string().regex(/^-?\d+$/, "a whole number").transform(Number),
});

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "a date and time").transform((s) => new Date(s));

const documentSchema = z.object({
  // `<stockLevels/>` (nothing in stock anywhere) reads as "".
  stockLevels: z.preprocess((v) => (v === "" ? {} : v), z.object({ "@dateTime": instant.optional(), stockLevel: z.array(levelSchema).default([]) })),
});

export type StockRead = { ok: true; value: StockLevelIn[] } | { ok: false; error: string };

export function readFreeStock(text: string, facilityCode: string, now: Date): StockRead {
  const xml = readXml(text);
  if (!xml.ok) return xml;
  const parsed = documentSchema.safeParse(xml.value);
  if (!parsed.success) return { ok: false, error: `not an OrderWise free-stock document (${where(parsed.error)})` };
  const asOf = parsed.data.stockLevels["@dateTime"] ?? now;
  return {
    ok: true,
    value: parsed.data.stockLevels.stockLevel.map((l) => ({ facilityCode: l.warehouseCode ?? facilityCode, warehouseSku: l.productCode, freeQuantity: l.freeStock, asOf })),
  };
}
