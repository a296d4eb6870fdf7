// One order as operations and finance see it: its state and why, what is (or would be) sent to each
// warehouse, what blocks it, and everything that happened to it.

export interface OrderDetails {
  id: string;
  name: string;
  state: string;
  holdReasons: string[];
  poNumber: string | null;
  companyName: string | null;
  total: { amount: string; currency: string } | null;
  paymentMode: string | null;
  financialStatus: string | null;
  dryRun: boolean;
  timezone: string;
  warehouseOrders: {
    id: string;
    facilityCode: string;
    state: string;
    idempotencyKey: string;
    warehouseReference: string | null;
    lastError: string | null;
    /** The mapped order exactly as it is (or would be) sent. */
    payload: unknown;
    /** What the warehouse reported shipped, and whether it is in Shopify yet. */
    shipments: {
      id: string;
      shipmentId: string;
      status: "received" | "applied" | "failed";
      carrier: string | null;
      trackingNumbers: string[];
      shippedAt: Date | null;
      shopifyFulfillmentId: string | null;
      /** Why it is not in Shopify yet (a sentence), while it is not. */
      problem: string | null;
    }[];
  }[];
  exceptions: { id: string; kind: string; message: string; count: number }[];
  timeline: { at: Date; actor: string; kind: string; message: string; payload: unknown }[];
}

export interface OrderDetailsReader {
  details(shop: string, orderId: string): Promise<OrderDetails | null>;
}
