// The simulator's orders. Mintsoft refuses a second order with the same ExternalOrderReference or
// OrderNumber for one client; a partial despatch splits the order, and each part is its own order.
import { countryId } from "./countries";
import type { CreateBody } from "./order-body";
import { ORDER_STATUS, type WireOrder } from "./wire-types";

export class OrderStore {
  private readonly orders = new Map<number, WireOrder>();
  /** Order ids by OrderNumber and by ExternalOrderReference, in creation order: a lookup per create stays O(1) as orders pile up. */
  private readonly byTerm = new Map<string, number[]>();
  private nextOrderId = 1000;
  private nextItemId = 1;

  constructor(private readonly productId: (sku: string) => number) {}

  all(): WireOrder[] {
    return [...this.orders.values()];
  }

  get(id: number): WireOrder | undefined {
    return this.orders.get(id);
  }

  /** The first order (part 1) a client already holds with this reference or number. */
  existing(clientId: number, reference: string, orderNumber: string): WireOrder | undefined {
    return this.withTerms([reference, orderNumber]).find((o) => o.ClientId === clientId);
  }

  /** Orders whose OrderNumber or ExternalOrderReference is the term (all split parts included). */
  search(term: string): WireOrder[] {
    return this.withTerms([term]);
  }

  private withTerms(terms: string[]): WireOrder[] {
    const ids = new Set(terms.flatMap((t) => this.byTerm.get(t) ?? []));
    return [...ids].sort((a, b) => a - b).map((id) => this.orders.get(id)!);
  }

  private store(order: WireOrder): void {
    this.orders.set(order.ID, order);
    for (const term of new Set([order.OrderNumber, order.ExternalOrderReference])) {
      const ids = this.byTerm.get(term);
      if (ids) ids.push(order.ID);
      else this.byTerm.set(term, [order.ID]);
    }
  }

  create(body: CreateBody, clientId: number, now: Date): WireOrder {
    const id = this.nextOrderId++;
    const order: WireOrder = {
      ID: id, ClientId: clientId, OrderNumber: body.OrderNumber ?? "", ExternalOrderReference: body.ExternalOrderReference ?? "",
      OrderDate: now.toISOString(), DespatchDate: null, RequiredDeliveryDate: body.RequiredDeliveryDate ?? null,
      FirstName: body.FirstName ?? "", LastName: body.LastName ?? null, CompanyName: body.CompanyName ?? null,
      Address1: body.Address1 ?? "", Address2: body.Address2 ?? null, Address3: body.Address3 ?? null, Town: body.Town ?? "",
      County: body.County ?? null, PostCode: body.PostCode ?? "", Phone: body.Phone ?? null, Email: body.Email ?? null,
      CountryId: countryId(body.Country ?? "") ?? 0, Comments: body.Comments ?? null, DeliveryNotes: body.DeliveryNotes ?? null,
      OrderStatusId: ORDER_STATUS.NEW, NumberOfParcels: 1, TotalItems: 0, Part: 1, NumberOfParts: 1,
      CourierServiceName: body.CourierService ?? "AUTO", TrackingNumber: null, TrackingURL: null, WarehouseId: body.WarehouseId ?? 0,
      OrderItems: [], OrderNameValues: body.OrderNameValues ?? [], LastUpdated: now.toISOString(),
    };
    this.setItems(order, (body.OrderItems ?? []).map((i) => ({ sku: i.SKU ?? "", quantity: i.Quantity ?? 0, details: i.Details ?? null })));
    this.store(order);
    return order;
  }

  /** A new order for the part of `from` that stays behind; every part learns the new part count. */
  split(from: WireOrder, remaining: { sku: string; quantity: number }[], now: Date): WireOrder {
    const id = this.nextOrderId++;
    const parts = this.search(from.ExternalOrderReference).filter((o) => o.ClientId === from.ClientId);
    const part: WireOrder = { ...from, ID: id, Part: parts.length + 1, OrderItems: [], TrackingNumber: null, TrackingURL: null, DespatchDate: null, LastUpdated: now.toISOString() };
    this.setItems(part, remaining.map((r) => ({ ...r, details: null })));
    this.store(part);
    for (const o of [...parts, part]) o.NumberOfParts = parts.length + 1;
    return part;
  }

  setItems(order: WireOrder, items: { sku: string; quantity: number; details: string | null }[]): void {
    order.OrderItems = items.map((i) => ({ ID: this.nextItemId++, OrderId: order.ID, ProductId: this.productId(i.sku), SKU: i.sku, Quantity: i.quantity, Details: i.details }));
    order.TotalItems = items.reduce((sum, i) => sum + i.quantity, 0);
  }
}
