// The HTTP edge: reads the request, lets the fault switches decide, routes, answers. Tracks sockets so an
// outage can refuse connections and close() never waits on a request that was told to hang.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { SimReply } from "./http-types";
import { Query } from "./query";
import { route } from "./router";
import type { SimState } from "./sim-state";

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, { status, body, headers }: SimReply): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export class SimServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  port = 0;

  constructor(private readonly state: SimState) {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => {
        this.server.off("error", reject);
        this.port = (this.server.address() as AddressInfo).port;
        resolve(this.port);
      });
    });
  }

  /** Stops listening and drops open connections: new requests get "connection refused". */
  async stopListening(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  async resume(): Promise<void> {
    if (!this.server.listening) await this.listen(this.port);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.stopListening();
  }

  /** A timer close() cancels; the promise then never settles, which is what a hung answer is. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sim");
    const path = url.pathname.toLowerCase().replace(/\/+$/, "");
    const body = await readJson(req);
    if (req.method === "PUT" && path === "/api/order") this.state.counters.createRequests++;
    const decision = this.state.faults.decide(this.state.now());
    if (this.state.faults.settings.latencyMs > 0) await this.sleep(this.state.faults.settings.latencyMs);
    if (decision.kind === "hang") {
      if (decision.afterMs === null) return; // accepted, never answered
      await this.sleep(decision.afterMs);
    }
    if (decision.kind === "answer") return send(res, decision);
    const apiKey = req.headers["ms-apikey"];
    const answer = route(this.state, { method: req.method ?? "GET", path, query: new Query(url.searchParams), body, apiKey: Array.isArray(apiKey) ? apiKey[0] : apiKey });
    send(res, decision.kind === "pass" && decision.failAfter ? { status: 500, body: { Message: "An error has occurred." } } : answer);
  }
}
