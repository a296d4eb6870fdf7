// What the order-details block in the Shopify admin shows about one order: Loadbay's state and why,
// what blocks it, and where each warehouse order is. The JSON the block receives is exactly this shape
// (extensions/loadbay-order-block imports the type), so it holds only JSON-safe values.

/** One order as the Shopify admin block sees it. */
export interface OrderSummary {
  /** Loadbay's order id: the full page is `/app/orders/<id>` inside the app. */
  id: string;
  name: string;
  /** The order state machine's state (DESIGN.md, "State"). */
  state: string;
  holdReasons: string[];
  /** The merchant's standing decision in Loadbay, if any. */
  manual: "release" | "hold" | null;
  /** A change or a manual decision is recorded and the order is waiting to be evaluated again. */
  pendingEvaluation: boolean;
  /** The shop is in dry run: nothing is sent to a warehouse. */
  dryRun: boolean;
  /** Open exceptions on the order or any of its warehouse orders, newest first. */
  exceptions: { kind: string; message: string }[];
  warehouseOrders: {
    facilityCode: string;
    split: number;
    state: string;
    warehouseReference: string | null;
    /** From the dispatch advices received for this warehouse order, in arrival order. */
    trackingNumbers: string[];
  }[];
}

export interface OrderSummaryReader {
  /** The shop's order that Shopify knows by this GID (`gid://shopify/Order/<n>`), or null. */
  byShopifyOrderId(shop: string, shopifyOrderId: string): Promise<OrderSummary | null>;
}
