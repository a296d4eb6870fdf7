// /api/Order: create, read, search, list despatched, cancel.
import { message, reply, type SimReply, type SimRequest } from "./http-types";
import { createBodySchema, validateCreateBody, type CreateBody } from "./order-body";
import type { SimState } from "./sim-state";
import { ORDER_STATUS, type WireOrder } from "./wire-types";

function duplicateReply(state: SimState, body: CreateBody, existing: WireOrder): SimReply {
  state.counters.duplicates += body.ExternalOrderReference === existing.ExternalOrderReference ? 1 : 0;
  const text = `Order already exists for this client with OrderNumber ${existing.OrderNumber} / ExternalOrderReference ${existing.ExternalOrderReference}`;
  if (state.config.duplicateStatus === 400) return message(400, text);
  return reply(200, [{ OrderId: 0, OrderNumber: body.OrderNumber, Success: false, OrderStatusId: 0, OrderStatus: null, Message: text, OrderItems: [] }]);
}

export function createOrder(state: SimState, req: SimRequest): SimReply {
  const parsed = createBodySchema.safeParse(req.body);
  if (!parsed.success) return message(400, "The request is invalid.");
  const body = parsed.data;
  const clientId = body.ClientId ?? state.config.clientId;
  const problems = validateCreateBody(body, {
    warehouses: new Set(state.config.warehouses.map((w) => w.id)), clients: new Set([state.config.clientId]), products: state.stock.products,
  });
  if (problems.length > 0) {
    state.counters.rejected++;
    return message(400, problems.join("; "));
  }
  const reference = body.ExternalOrderReference ?? "";
  const existing = state.orders.existing(clientId, reference, body.OrderNumber ?? "");
  if (existing) return duplicateReply(state, body, existing);
  const order = state.orders.create(body, clientId, state.now());
  state.counters.ordersByReference.set(reference, (state.counters.ordersByReference.get(reference) ?? 0) + 1);
  state.onCreated(reference);
  const items = order.OrderItems.map((i) => ({ OrderItemId: i.ID, SKU: i.SKU, Quantity: i.Quantity, Success: true }));
  return reply(200, [{ OrderId: order.ID, OrderNumber: order.OrderNumber, Success: true, OrderStatusId: order.OrderStatusId, OrderStatus: "NEW", Message: "Order Created", OrderItems: items }]);
}

export function getOrder(state: SimState, id: number): SimReply {
  const order = state.orders.get(id);
  return order ? reply(200, order) : message(404, `Order not found: ${id}`);
}

export function searchOrders(state: SimState, req: SimRequest): SimReply {
  const term = req.query.get("OrderNumber");
  if (!term) return message(400, "OrderNumber is required");
  return reply(200, state.orders.search(term));
}

/** Despatched orders since SinceDespatchDate (inclusive), oldest first, paged by PageNo/Limit. */
export function listOrders(state: SimState, req: SimRequest): SimReply {
  const since = req.query.date("SinceDespatchDate");
  if (since === null) return message(400, "SinceDespatchDate is not a valid date");
  const warehouseId = req.query.int("WarehouseId");
  const limit = Math.min(req.query.int("Limit") ?? 100, 500);
  const page = Math.max(req.query.int("PageNo") ?? 1, 1);
  const rows = state.orders
    .all()
    .filter((o) => o.DespatchDate !== null && (!since || new Date(o.DespatchDate) >= since) && (warehouseId === undefined || o.WarehouseId === warehouseId))
    .sort((a, b) => (a.DespatchDate ?? "").localeCompare(b.DespatchDate ?? "") || a.ID - b.ID)
    .slice((page - 1) * limit, page * limit);
  const withItems = req.query.bool("IncludeOrderItems");
  return reply(200, rows.map((o) => (withItems ? o : { ...o, OrderItems: [] })));
}

export function cancelOrder(state: SimState, id: number): SimReply {
  const order = state.orders.get(id);
  if (!order) return message(404, `Order not found: ${id}`);
  if (order.OrderStatusId === ORDER_STATUS.DESPATCHED) return reply(200, { ID: id, Success: false, Message: "Order cannot be cancelled as it has already been despatched" });
  order.OrderStatusId = ORDER_STATUS.CANCELLED;
  order.LastUpdated = state.now().toISOString();
  return reply(200, { ID: id, Success: true, Message: "Order Cancelled" });
}
