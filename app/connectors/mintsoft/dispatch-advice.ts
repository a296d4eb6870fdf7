// A despatched Mintsoft order (or split part) → Loadbay's dispatch advice. Each part has its own id and
// tracking, so the part's id is the shipment id.
import type { DispatchAdviceIn } from "../warehouse-connector";
import type { MintsoftOrder } from "./mintsoft-schemas";

/** Assumed: several parcels' numbers arrive comma- or semicolon-separated in the one TrackingNumber field. */
const trackingNumbers = (value: string | null | undefined): string[] => (value ?? "").split(/[,;]/).map((n) => n.trim()).filter(Boolean);

export function dispatchAdvice(order: MintsoftOrder & { DespatchDate: string }): DispatchAdviceIn {
  const part = order.Part ?? 1;
  return {
    shipmentId: String(order.ID),
    orderReference: order.ExternalOrderReference ?? order.OrderNumber ?? "",
    warehouseReference: String(order.ID),
    shippedAt: new Date(order.DespatchDate),
    carrier: order.CourierServiceName ?? null,
    trackingNumbers: trackingNumbers(order.TrackingNumber),
    trackingUrls: order.TrackingURL ? [order.TrackingURL] : [],
    lines: (order.OrderItems ?? []).map((i) => ({ warehouseSku: i.SKU, quantity: i.Quantity })),
    // The last part of a split order completes it; an order that was never split is complete on despatch.
    complete: part >= (order.NumberOfParts ?? 1),
  };
}
