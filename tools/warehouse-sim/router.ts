// Routes one request to its handler after the API-key check. Unknown routes answer like ASP.NET does.
import { message, reply, type SimReply, type SimRequest } from "./http-types";
import { cancelOrder, createOrder, getOrder, listOrders, searchOrders } from "./order-routes";
import type { SimState } from "./sim-state";
import { stockLevels, stockUpdatedSince } from "./stock-routes";

function authenticate(state: SimState, req: SimRequest): SimReply {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const key = state.keys.issue(body.Username, body.Password, state.now());
  return key ? reply(200, key) : message(401, "Invalid Username or Password");
}

function orderRoute(state: SimState, req: SimRequest, rest: string[]): SimReply | null {
  const [first, second] = rest;
  if (req.method === "PUT" && rest.length === 0) return createOrder(state, req);
  if (req.method !== "GET" || !first) return null;
  if (first === "search" && !second) return searchOrders(state, req);
  if (first === "list" && !second) return listOrders(state, req);
  if (!/^\d+$/.test(first)) return null;
  if (!second) return getOrder(state, Number(first));
  return second === "cancel" && rest.length === 2 ? cancelOrder(state, Number(first)) : null;
}

function authedRoute(state: SimState, req: SimRequest): SimReply | null {
  const [api, resource, ...rest] = req.path.split("/").filter(Boolean);
  if (api !== "api") return null;
  if (resource === "order") return orderRoute(state, req, rest);
  if (resource === "warehouse" && req.method === "GET" && rest.length === 0) {
    return reply(200, state.config.warehouses.map((w) => ({ ID: w.id, Name: w.name })));
  }
  if (resource === "product" && req.method === "GET" && rest[0] === "stocklevels") {
    if (rest.length === 1) return stockLevels(state, req);
    if (rest.length === 2 && rest[1] === "updatedsince") return stockUpdatedSince(state, req);
  }
  return null;
}

export function route(state: SimState, req: SimRequest): SimReply {
  if (req.method === "POST" && req.path === "/api/auth") return authenticate(state, req);
  if (!state.keys.valid(req.apiKey, state.now())) return message(401, "Authorization has been denied for this request.");
  return authedRoute(state, req) ?? message(404, `No HTTP resource was found that matches the request URI '${req.path}'.`);
}
