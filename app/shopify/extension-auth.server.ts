// Requests from Shopify admin UI extensions (extensions/). The admin adds `Authorization: Bearer <ID
// token>` to the extension's fetch() calls to the app URL; `authenticate.admin` verifies that token
// (HS256 with the API secret, audience = API key), answers the CORS preflight, and loads the shop's
// offline session. Its `cors` adds the headers the extension's origin needs to read the answer.
import type { Env } from "~/lib/env.server";
import type { ShopifyApp } from "./shopify-app.server";

export interface ExtensionRequest {
  shop: string;
  /** Adds the CORS headers an extension (served from Shopify's CDN, another origin) needs. */
  cors(response: Response): Response;
}

/**
 * The shop an extension request acts for. Throws Shopify's own responses: 204 to a preflight, 401 to a
 * missing, forged or expired token (with the retry header the admin understands).
 */
export async function authenticateExtension(
  deps: { env: Pick<Env, "LOADBAY_DEMO_SHOP">; shopify: ShopifyApp },
  request: Request,
): Promise<ExtensionRequest> {
  // The same shortcut as the container's authenticateAdmin: demo and browser tests only (env parsing
  // refuses it in production), where no extension can run, so no CORS is needed either.
  if (deps.env.LOADBAY_DEMO_SHOP) return { shop: deps.env.LOADBAY_DEMO_SHOP, cors: (response) => response };
  const { session, cors } = await deps.shopify.authenticate.admin(request);
  return { shop: session.shop, cors };
}
