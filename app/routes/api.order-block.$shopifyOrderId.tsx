// The backend of the order-details block in the Shopify admin (extensions/loadbay-order-block).
// GET: Loadbay's summary of the order. POST intent=release|hold: the same manual decision as the order
// page, then the summary again. `$shopifyOrderId` is Shopify's numeric order id (decision 0019).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { container } from "~/composition.server";
import { authenticateExtension } from "~/shopify/extension-auth.server";

/** The last part of `gid://shopify/Order/<n>`: digits only, so it is safe in a path. */
const orderIdSchema = z
  .string()
  .regex(/^\d{1,20}$/)
  .transform((n) => `gid://shopify/Order/${n}`);
const intentSchema = z.object({ intent: z.enum(["release", "hold"]) });
const DONE = { release: "Release requested.", hold: "Hold requested." } as const;

const answer = (body: unknown, status = 200) => Response.json(body, { status });
const NOT_AN_ID = () => answer({ error: "That is not a Shopify order id." }, 400);
const NOT_IN_LOADBAY = () => answer({ error: "This order is not in Loadbay." }, 404);

// Remix hands the CORS preflight (OPTIONS) to the loader; authenticate.admin answers it with 204.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const c = container();
  const { shop, cors } = await authenticateExtension(c, request);
  const id = orderIdSchema.safeParse(params.shopifyOrderId);
  if (!id.success) return cors(NOT_AN_ID());
  const summary = await c.orderSummary.byShopifyOrderId(shop, id.data);
  return cors(summary ? answer(summary) : NOT_IN_LOADBAY());
}

export async function action({ request, params }: ActionFunctionArgs) {
  const c = container();
  const { shop, cors } = await authenticateExtension(c, request);
  const id = orderIdSchema.safeParse(params.shopifyOrderId);
  const parsed = intentSchema.safeParse(await readBody(request));
  if (!id.success) return cors(NOT_AN_ID());
  if (request.method !== "POST" || !parsed.success) return cors(answer({ error: "That request was not understood." }, 400));
  const order = await c.orderSummary.byShopifyOrderId(shop, id.data);
  if (!order) return cors(NOT_IN_LOADBAY());
  const { intent } = parsed.data;
  const result = await c.manualDecision({ shop, orderId: order.id, action: intent, actor: `user:${shop}` });
  if (result !== "queued") return cors(NOT_IN_LOADBAY());
  const summary = await c.orderSummary.byShopifyOrderId(shop, id.data);
  return cors(answer({ message: `${DONE[intent]} Loadbay is evaluating the order again.`, summary }));
}

/** The block posts a form (`intent=release`); JSON is accepted too. Anything unreadable is `{}`. */
async function readBody(request: Request): Promise<unknown> {
  const json = request.headers.get("Content-Type")?.includes("application/json");
  try {
    return json ? await request.json() : Object.fromEntries(await request.formData());
  } catch {
    return {};
  }
}
