import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { SimulatorCore } from "../sim/simulator-core";
import { handleGraphQL } from "./graphql-endpoint";
import { sendJson } from "./io";
import { handleTokenRequest } from "./token-endpoint";

/** The Admin API version the simulator serves; other versions get 404 as an unsupported version would. */
export const API_VERSION = "2026-07";

/** Handles `/_sim/*` control requests (set by the simulator once its handle exists). */
export type ControlHandler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;

export function createSimulatorServer(core: () => SimulatorCore, control: () => ControlHandler | undefined): Server {
  return createServer((req, res) => {
    route({ core: core(), control: control() }, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { errors: `Internal simulator error: ${error instanceof Error ? error.message : String(error)}` });
      else res.destroy();
    });
  });
}

async function route(handlers: { core: SimulatorCore; control?: ControlHandler }, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { core, control } = handlers;
  const path = new URL(req.url ?? "/", "http://simulator").pathname;
  if (path.startsWith("/_sim/") && control) return control(req, res, path);
  if (req.method === "POST" && path === `/admin/api/${API_VERSION}/graphql.json`) return handleGraphQL(core, req, res);
  if (req.method === "POST" && path === "/admin/oauth/access_token") return handleTokenRequest(core, req, res);
  if (req.method === "GET" && path.startsWith("/bulk-operations/")) return serveBulkFile(core, path, res);
  if (req.method === "GET" && path === "/health") return sendJson(res, 200, { ok: true, shops: [...core.shops.keys()] });
  sendJson(res, 404, { errors: "Not Found" });
}

function serveBulkFile(core: SimulatorCore, path: string, res: ServerResponse): void {
  const token = path.replace("/bulk-operations/", "").replace(/\.jsonl$/, "");
  for (const shop of core.shops.values()) {
    const body = shop.bulkFiles.get(token);
    if (body === undefined) continue;
    res.writeHead(200, { "Content-Type": "application/jsonl", "Content-Length": Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  sendJson(res, 404, { errors: "Not Found" });
}
