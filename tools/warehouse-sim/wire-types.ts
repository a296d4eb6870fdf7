// Mintsoft's JSON shapes as the simulator stores and serves them (PascalCase, as Mintsoft's API uses).
// Field names follow Mintsoft's published order model; see README.md for what is assumed.

export interface WireOrderItem {
  ID: number;
  OrderId: number;
  ProductId: number;
  SKU: string;
  Quantity: number;
  Details: string | null;
}

export interface WireNameValue {
  Name: string;
  Value: string;
}

export interface WireOrder {
  ID: number;
  ClientId: number;
  OrderNumber: string;
  ExternalOrderReference: string;
  OrderDate: string;
  DespatchDate: string | null;
  RequiredDeliveryDate: string | null;
  FirstName: string;
  LastName: string | null;
  CompanyName: string | null;
  Address1: string;
  Address2: string | null;
  Address3: string | null;
  Town: string;
  County: string | null;
  PostCode: string;
  Phone: string | null;
  Email: string | null;
  CountryId: number;
  Comments: string | null;
  DeliveryNotes: string | null;
  OrderStatusId: number;
  NumberOfParcels: number;
  TotalItems: number;
  Part: number;
  NumberOfParts: number;
  CourierServiceName: string;
  TrackingNumber: string | null;
  TrackingURL: string | null;
  WarehouseId: number;
  OrderItems: WireOrderItem[];
  OrderNameValues: WireNameValue[];
  LastUpdated: string;
}

/** Assumed status ids (Mintsoft's `GET /api/Order/Statuses` lists the real ones per database). */
export const ORDER_STATUS = { NEW: 1, DESPATCHED: 4, CANCELLED: 7 } as const;
