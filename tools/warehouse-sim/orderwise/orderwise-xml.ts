// The simulator's own reading and writing of OrderWise XML (deliberately not Loadbay's code, so the
// conformance and integration tests check one reading against another). Layout: docs/connectors/orderwise.md.
import { XMLBuilder, XMLParser } from "fast-xml-parser";

export interface PulledOrder {
  orderReference: string;
  lines: { productCode: string; quantity: number }[];
  grossTotal: string;
  raw: Record<string, unknown>;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false, isArray: (name) => name === "salesOrder" || name === "line" });
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: true });
const doc = (body: Record<string, unknown>) => `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(body) as string}`;

type RawOrder = { orderReference: string; lines: { line: { productCode: string; quantity: string }[] }; totals: { grossTotal: { "#text": string } } };

export function readSalesOrders(xml: string): PulledOrder[] {
  const parsed = parser.parse(xml) as { salesOrders?: { salesOrder?: RawOrder[] } | "" };
  if (parsed.salesOrders === undefined) throw new Error("the pull answer has no <salesOrders>");
  const orders = parsed.salesOrders === "" ? [] : (parsed.salesOrders.salesOrder ?? []);
  return orders.map((o) => ({
    orderReference: o.orderReference,
    lines: o.lines.line.map((l) => ({ productCode: l.productCode, quantity: Number(l.quantity) })),
    grossTotal: o.totals.grossTotal["#text"],
    raw: o as unknown as Record<string, unknown>,
  }));
}

export type Ack = { orderReference: string; accepted: true; orderNumber: string } | { orderReference: string; accepted: false; message: string };

export const acknowledgementXml = (acks: Ack[]) =>
  doc({
    acknowledgements: {
      acknowledgement: acks.map((a) =>
        a.accepted
          ? { orderReference: a.orderReference, status: "Accepted", orderNumber: a.orderNumber }
          : { orderReference: a.orderReference, status: "Rejected", message: a.message }),
    },
  });

export interface Delivery {
  orderReference: string;
  orderNumber: string;
  deliveryNumber: string;
  complete: boolean;
  at: Date;
  courierName: string;
  consignmentNumbers: string[];
  lines: { productCode: string; quantity: number }[];
}

export const despatchXml = (deliveries: Delivery[]) =>
  doc({
    despatches: {
      despatch: deliveries.map((d) => ({
        orderReference: d.orderReference, orderNumber: d.orderNumber, orderStatus: d.complete ? "Completed" : "Partially despatched",
        deliveryNumber: d.deliveryNumber, despatchDate: d.at.toISOString(), courierName: d.courierName,
        consignmentNumbers: { consignmentNumber: d.consignmentNumbers },
        lines: { line: d.lines.map((l) => ({ productCode: l.productCode, quantity: String(l.quantity) })) },
      })),
    },
  });

export const freeStockXml = (levels: Record<string, number>, at: Date, warehouseCode?: string) =>
  doc({
    stockLevels: {
      "@dateTime": at.toISOString(),
      stockLevel: Object.entries(levels).map(([productCode, free]) => ({ productCode, ...(warehouseCode ? { warehouseCode } : {}), freeStock: String(free) })),
    },
  });
