// Warehouse pushes (dispatch callbacks, stock updates): POST /inbound/<connection id>/<dispatches|stock>.
// Authenticated per connection (HMAC or basic auth); 401 for anything else, and the attempt is logged.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { container } from "~/composition.server";

const kindSchema = z.enum(["dispatches", "stock"]);

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response(null, { status: 405 });
  const kind = kindSchema.safeParse(params.kind);
  if (!kind.success) return new Response(null, { status: 404 });
  const body = await request.text();
  const result = await container().receivePush({
    connectionId: params.connectionId ?? "",
    kind: kind.data,
    header: (name) => request.headers.get(name),
    contentType: request.headers.get("content-type"),
    body,
    remoteAddress: request.headers.get("x-forwarded-for"),
  });
  if (result.status === 401) return new Response(null, { status: 401, headers: { "WWW-Authenticate": 'Basic realm="Loadbay inbound"' } });
  return Response.json(result.status === 200 ? { received: result } : { error: result.message }, { status: result.status });
}

export const loader = () => new Response(null, { status: 405 });
