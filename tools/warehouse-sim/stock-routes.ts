// /api/Product/StockLevels (rows) and /api/Product/StockLevels/UpdatedSince (product ids that changed).
import { message, reply, type SimReply, type SimRequest } from "./http-types";
import type { SimState } from "./sim-state";

export function stockLevels(state: SimState, req: SimRequest): SimReply {
  const filter = { productId: req.query.int("ProductId"), sku: req.query.get("SKU") };
  return reply(200, state.stock.rows(req.query.int("WarehouseId") ?? null, filter));
}

export function stockUpdatedSince(state: SimState, req: SimRequest): SimReply {
  const from = req.query.date("FromDate");
  if (!from) return message(400, "FromDate is required");
  return reply(200, state.stock.changedSince(from));
}
