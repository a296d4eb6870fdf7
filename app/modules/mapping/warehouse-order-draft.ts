// What mapping produces: warehouse orders ready to store (state "mapped") and transmit, in plain JSON.
import type { Money } from "~/modules/orders/order-facts";
import type { ShipTo } from "./address-profile";
import type { StockView } from "./backorder-split";
import type { LocationMove } from "./locations";
import type { MappingProblem } from "./mapping-problem";

export interface WarehouseOrderLine {
  warehouseSku: string;
  /** Base units the warehouse picks: orderedQuantity × factor. */
  quantity: number;
  /** The SKU before the warehouse's SKU profile (after the unit-of-measure map); stock is kept by it. */
  baseSku: string;
  sourceLineItemId: string;
  sourceSku: string | null;
  /** Shopify quantity (packs for a pack SKU); dispatches are fulfilled against it. */
  orderedQuantity: number;
  factor: number;
}

export interface WarehouseOrderDraft {
  connectionId: string;
  facilityCode: string;
  /** 0 for what goes now; 1 for the backordered rest. */
  split: number;
  /** The backordered rest: send when stock allows. */
  backordered: boolean;
  /** Fixed when first mapped (DESIGN.md invariant 2). */
  idempotencyKey: string;
  serviceCode: string;
  lines: WarehouseOrderLine[];
  shipTo: ShipTo;
  /** Warehouse field → value. */
  references: Record<string, string>;
  /** The whole Shopify order's total in shop money, as Shopify gave it: carried, never recomputed or divided. */
  totals: Money;
  shopifyLocationId: string;
  fulfillmentOrderIds: string[];
  needsMove: LocationMove[];
}

/** Either warehouse orders or problems: nothing half-mapped is ever sent. */
export interface MappingResult {
  warehouseOrders: WarehouseOrderDraft[];
  problems: MappingProblem[];
}

export interface MapOrderContext {
  /** Shopify's legacy numeric id, or the order name without "#"; goes into keys. */
  orderNumber: string;
  /** The order's evaluation revision when first mapped. */
  revision: number;
  /** Known stock, for the backorder split; null or absent means unknown. */
  stock?: StockView | null;
  /** ISO date the buyer asked for, when the order source knows it (OrderFacts does not carry one yet). */
  requestedDeliveryDate?: string | null;
}
