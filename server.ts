// The web process in production, the demo and the benchmarks (`npm start`): Express serving the
// Remix build, behind a bare HTTP server that answers webhooks itself. Instead of remix-serve because
// (1) on SIGTERM it stops accepting, lets requests in flight finish and closes PostgreSQL and Redis
// before exiting, and (2) it writes structured pino logs rather than a line per request (webhook
// acknowledgement is a measured hot path).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { env } from "./app/lib/env.server";
import { logger } from "./app/lib/logger.server";

const BUILD_DIR = join(import.meta.dirname, "build");
const build = (await import(join(BUILD_DIR, "server", "index.js"))) as ServerBuild & {
  entry: {
    module: {
      shutdown?: () => Promise<void>;
      acknowledgeWebhook: (request: { method: string; header(name: string): string | null; body: Uint8Array }) => Promise<number>;
    };
  };
};
const log = logger().child({ process: "web" });

const app = express();
app.disable("x-powered-by");
app.use("/assets", express.static(join(BUILD_DIR, "client", "assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(join(BUILD_DIR, "client"), { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: env().NODE_ENV }));

// Webhook acknowledgement is a measured hot path (decision 0026): it is answered by the bare HTTP
// server, before Express, with the handler the Remix route also uses.
const WEBHOOK_BODY_LIMIT = 10 * 1024 * 1024;
function acknowledgeWebhook(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const answer = (status: number) => {
    if (!res.headersSent) res.writeHead(status).end();
  };
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > WEBHOOK_BODY_LIMIT) {
      answer(413);
      req.destroy();
    } else chunks.push(chunk);
  });
  req.on("error", () => answer(400));
  req.on("end", () => {
    const header = (name: string) => {
      const value = req.headers[name.toLowerCase()];
      return typeof value === "string" ? value : null;
    };
    build.entry.module.acknowledgeWebhook({ method: "POST", header, body: Buffer.concat(chunks, size) }).then(answer, (error: unknown) => {
      log.error({ err: error }, "webhook acknowledgement failed");
      answer(500);
    });
  });
}

const server = createServer((req, res) => {
  if (req.method === "POST" && req.url?.startsWith("/webhooks/")) acknowledgeWebhook(req, res);
  else app(req, res);
});
server.listen(env().PORT, () => log.info({ url: `http://localhost:${env().PORT}` }, "web listening"));
server.keepAliveTimeout = 65_000; // longer than common load balancer idle timeouts

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "web stopping: finishing requests in flight");
  server.close();
  server.closeIdleConnections();
  const forced = setTimeout(() => server.closeAllConnections(), 10_000);
  await new Promise<void>((resolve) => server.once("close", () => resolve()));
  clearTimeout(forced);
  await build.entry.module.shutdown?.();
  log.info("web stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
