/** In-memory records the simulator keeps per shop. Ids are Shopify GIDs; money is in minor units. */

export interface AttributeRecord {
  key: string;
  value: string | null;
}

export interface MetafieldRecord {
  id: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

export interface AddressRecord {
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  country: string | null;
  countryCode: string | null;
  phone: string | null;
}

export interface LocationRecord {
  id: string;
  name: string;
  isPrimary: boolean;
  isActive: boolean;
  address: AddressRecord;
  createdAt: string;
}

export interface VariantRecord {
  id: string;
  productId: string;
  productTitle: string;
  title: string;
  sku: string | null;
  priceCents: number;
  inventoryItemId: string;
  metafields: MetafieldRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface InventoryItemRecord {
  id: string;
  variantId: string;
  sku: string | null;
  tracked: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Named quantities at one location (`available`, `on_hand`, `committed`, ...). */
export interface InventoryLevelRecord {
  id: string;
  inventoryItemId: string;
  locationId: string;
  quantities: Record<string, number>;
  updatedAt: string;
}

export interface CustomerRecord {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  tags: string[];
  metafields: MetafieldRecord[];
  defaultAddress: AddressRecord | null;
  createdAt: string;
  updatedAt: string;
}

export interface CompanyRecord {
  id: string;
  name: string;
  externalId: string | null;
  locationId: string;
  locationName: string;
  contactId: string;
  contactCustomerId: string;
  createdAt: string;
}

export interface PaymentTermsRecord {
  id: string;
  type: "NET" | "FIXED" | "FULFILLMENT" | "RECEIPT" | "UNKNOWN";
  name: string;
  dueInDays: number | null;
}

export interface ShippingLineRecord {
  id: string;
  title: string;
  code: string | null;
  source: string;
  priceCents: number;
}

export interface LineItemRecord {
  id: string;
  variantId: string | null;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  quantity: number;
  currentQuantity: number;
  priceCents: number;
  requiresShipping: boolean;
  customAttributes: AttributeRecord[];
  vendor: string | null;
}

export type FinancialStatus =
  | "AUTHORIZED" | "EXPIRED" | "PAID" | "PARTIALLY_PAID" | "PARTIALLY_REFUNDED" | "PENDING" | "REFUNDED" | "VOIDED";

export interface CurrencyRecord {
  shop: string;
  presentment: string;
  /** presentment → shop currency */
  rate: number;
}

/** Fields shared by orders and draft orders. */
export interface OrderCommon {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  email: string | null;
  phone: string | null;
  poNumber: string | null;
  note: string | null;
  customAttributes: AttributeRecord[];
  tags: string[];
  currency: CurrencyRecord;
  customerId: string | null;
  companyId: string | null;
  paymentTerms: PaymentTermsRecord | null;
  shippingAddress: AddressRecord | null;
  billingAddress: AddressRecord | null;
  shippingLines: ShippingLineRecord[];
  lineItems: LineItemRecord[];
  metafields: MetafieldRecord[];
}

export interface OrderRecord extends OrderCommon {
  number: number;
  processedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  closed: boolean;
  closedAt: string | null;
  displayFinancialStatus: FinancialStatus;
  sourceName: string;
  draftOrderId: string | null;
  fulfillmentOrderIds: string[];
  fulfillmentIds: string[];
  refundIds: string[];
  edited: boolean;
}

export interface DraftOrderRecord extends OrderCommon {
  status: "OPEN" | "INVOICE_SENT" | "COMPLETED";
  completedAt: string | null;
  orderId: string | null;
}

export type FulfillmentOrderStatus = "CANCELLED" | "CLOSED" | "INCOMPLETE" | "IN_PROGRESS" | "ON_HOLD" | "OPEN" | "SCHEDULED";

export interface FulfillmentOrderLineRecord {
  id: string;
  lineItemId: string;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface FulfillmentHoldRecord {
  id: string;
  reason: string;
  reasonNotes: string | null;
  handle: string;
  notifyMerchant: boolean;
  externalId: string | null;
  heldByApp: boolean;
}

export interface FulfillmentOrderRecord {
  id: string;
  orderId: string;
  assignedLocationId: string;
  status: FulfillmentOrderStatus;
  lineItems: FulfillmentOrderLineRecord[];
  holds: FulfillmentHoldRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface TrackingRecord {
  company: string | null;
  number: string | null;
  url: string | null;
}

export interface FulfillmentLineRecord {
  id: string;
  fulfillmentOrderLineItemId: string;
  lineItemId: string;
  quantity: number;
}

export interface FulfillmentRecord {
  id: string;
  orderId: string;
  name: string;
  locationId: string;
  status: "SUCCESS" | "CANCELLED";
  notifyCustomer: boolean;
  tracking: TrackingRecord[];
  lines: FulfillmentLineRecord[];
  fulfillmentOrderIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface RefundLineRecord {
  id: string;
  lineItemId: string;
  quantity: number;
  restockType: "NO_RESTOCK" | "CANCEL" | "RETURN";
  subtotalCents: number;
}

export interface RefundRecord {
  id: string;
  orderId: string;
  note: string | null;
  createdAt: string;
  lines: RefundLineRecord[];
}

export interface InventoryChangeRecord {
  name: string;
  delta: number;
  quantityAfterChange: number;
  inventoryItemId: string;
  locationId: string;
}

export interface InventoryAdjustmentGroupRecord {
  id: string;
  createdAt: string;
  reason: string;
  referenceDocumentUri: string | null;
  changes: InventoryChangeRecord[];
}

export type BulkOperationStatus = "CANCELED" | "CANCELING" | "COMPLETED" | "CREATED" | "EXPIRED" | "FAILED" | "RUNNING";

export interface BulkOperationRecord {
  id: string;
  query: string;
  createdAt: string;
  createdAtMs: number;
  completesAtMs: number;
  status: BulkOperationStatus;
  completedAt: string | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  url: string | null;
  errorCode: string | null;
}
