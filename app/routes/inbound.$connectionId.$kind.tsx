// The warehouse's side of Loadbay, per connection, authenticated with the connection's inbound credentials
// (HMAC or basic auth; 401 for anything else, and the attempt is logged):
// - POST /inbound/<connection id>/<dispatches|stock>: pushes (decision 0017);
// - GET /inbound/<connection id>/orders and POST …/acknowledgements: pull connectors (OrderWise; decision 0023).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { container } from "~/composition.server";

const kindSchema = z.enum(["dispatches", "stock", "acknowledgements"]);
const UNAUTHORISED = () => new Response(null, { status: 401, headers: { "WWW-Authenticate": 'Basic realm="Loadbay inbound"' } });

const caller = (request: Request, connectionId: string | undefined) => ({
  connectionId: connectionId ?? "",
  header: (name: string) => request.headers.get(name),
  remoteAddress: request.headers.get("x-forwarded-for"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response(null, { status: 405 });
  const kind = kindSchema.safeParse(params.kind);
  if (!kind.success) return new Response(null, { status: params.kind === "orders" ? 405 : 404 });
  const body = await request.text();
  if (kind.data === "acknowledgements") {
    const result = await container().receiveAcknowledgements({ ...caller(request, params.connectionId), body });
    if (result.status === 401) return UNAUTHORISED();
    return Response.json(result.status === 200 ? { received: result } : { error: result.message }, { status: result.status });
  }
  const result = await container().receivePush({ ...caller(request, params.connectionId), kind: kind.data, contentType: request.headers.get("content-type"), body });
  if (result.status === 401) return UNAUTHORISED();
  return Response.json(result.status === 200 ? { received: result } : { error: result.message }, { status: result.status });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (params.kind !== "orders") return new Response(null, { status: 405 });
  const result = await container().pullOrders(caller(request, params.connectionId));
  if (result.status === 401) return UNAUTHORISED();
  if (result.status !== 200) return Response.json({ error: result.message }, { status: result.status });
  return new Response(result.body, { status: 200, headers: { "Content-Type": result.contentType, "Cache-Control": "no-store" } });
}
