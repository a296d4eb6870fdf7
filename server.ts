// The web process in production, the demo and the benchmarks (`npm start`): Express serving the
// Remix build. Instead of remix-serve because (1) on SIGTERM it stops accepting, lets requests in
// flight finish and closes PostgreSQL and Redis before exiting, and (2) it writes structured pino
// logs rather than a line per request (webhook acknowledgement is a measured hot path).
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
// Webhook acknowledgement is a measured hot path: it goes straight to the handler the Remix route
// also uses, without the document pipeline or the static-file lookups below.
app.post("/webhooks/*", express.raw({ type: () => true, limit: "10mb" }), (req, res, next) => {
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const header = (name: string) => {
    const value = req.headers[name.toLowerCase()];
    return typeof value === "string" ? value : null;
  };
  build.entry.module
    .acknowledgeWebhook({ method: req.method, header, body })
    .then((status) => res.status(status).end())
    .catch(next);
});
app.use("/assets", express.static(join(BUILD_DIR, "client", "assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(join(BUILD_DIR, "client"), { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: env().NODE_ENV }));

const server = app.listen(env().PORT, () => log.info({ url: `http://localhost:${env().PORT}` }, "web listening"));
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
