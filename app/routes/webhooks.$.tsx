// Every Shopify webhook topic (see shopify.app.toml); the work is in app/webhook-handler.server.ts.
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook } from "~/webhook-handler.server";

export const action = ({ request }: ActionFunctionArgs) => handleWebhook(request);
