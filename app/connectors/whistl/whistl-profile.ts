// Whistl as a strict profile over CSV files on SFTP (issue 7): no new transport, only Whistl's file
// layout and the rules its warehouse enforces — phone required, SKUs of letters and digits only, its
// own service codes (WHI_…), and the PO in the customer reference. Whistl publishes no fulfilment API or
// file specification: every column name here is an assumption to confirm at onboarding
// (docs/connectors/whistl.md).
import type { DispatchColumns, OrderColumns, StockColumns } from "~/connectors/csv-sftp/column-maps";
import { SKU_CHARACTER_PRESETS, type ConnectionProfile } from "~/modules/mapping/mapping-settings.schema";

/** The mapping reference field Whistl's customer-reference column reads (the PO goes there). */
export const WHISTL_PO_FIELD = "customerReference";

export const WHISTL_ORDER_COLUMNS: OrderColumns = [
  { header: "OrderRef", field: "reference" },
  { header: "CustomerRef", field: `ref:${WHISTL_PO_FIELD}` },
  { header: "ServiceCode", field: "service" },
  { header: "DeliveryName", field: "name" },
  { header: "DeliveryCompany", field: "company" },
  { header: "Address1", field: "address1" },
  { header: "Address2", field: "address2" },
  { header: "Town", field: "city" },
  { header: "County", field: "region" },
  { header: "Postcode", field: "postcode" },
  { header: "CountryCode", field: "country" },
  { header: "Phone", field: "phone" },
  { header: "Email", field: "email" },
  { header: "SKU", field: "sku" },
  { header: "Qty", field: "quantity" },
];

export const WHISTL_DISPATCH_COLUMNS: DispatchColumns = {
  shipmentId: "DespatchNo",
  orderReference: "OrderRef",
  shippedAt: "DespatchDate",
  carrier: "Carrier",
  trackingNumber: "TrackingNo",
  sku: "SKU",
  quantity: "QtyDespatched",
};

export const WHISTL_STOCK_COLUMNS: StockColumns = { sku: "SKU", freeQuantity: "FreeStock", asOf: "StockDate" };

/**
 * The connection's mapping profile when a Whistl connection is added (the merchant can still change
 * it on the connection's settings page). Service codes start empty: which shipping method maps to
 * WHI_EXP or WHI_STD is the merchant's.
 */
export function whistlMappingProfile(connectionId: string, name: string): Partial<ConnectionProfile> & { connectionId: string } {
  return {
    connectionId,
    name,
    sku: { allowedCharacters: SKU_CHARACTER_PRESETS.alphanumeric, maxLength: 30, case: "upper", mode: "reject", aliases: [] },
    requiredFields: { phone: true, poNumber: true, email: false, company: false },
    references: { poNumber: WHISTL_PO_FIELD, orderNumber: "orderNumber", customerOrganisation: "companyName", deliveryInstructions: "deliveryNotes", requestedDeliveryDate: null },
  };
}
