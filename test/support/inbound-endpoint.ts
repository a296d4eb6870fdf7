// Loadbay's `/inbound/<connection>/…` endpoints on a bare HTTP server, calling the same use cases the
// Remix route calls (app/routes/inbound.$connectionId.$kind.tsx), with whatever ports a test gives. Lets
// the OrderWise simulator pull and push over real HTTP without building the app. `failNext(n)` answers
// the next n calls with 503 before doing anything.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pullOrders, type PullOrdersDeps } from "~/modules/inbound/pull-orders.use-case";
import { receiveAcknowledgements, type ReceiveAcknowledgementsDeps } from "~/modules/inbound/receive-acknowledgements.use-case";
import { receivePush, type ReceivePushDeps } from "~/modules/inbound/receive-push.use-case";

export interface InboundEndpoint {
  url: string;
  failNext(count: number): void;
  /** Calls answered, by path kind and status, e.g. "orders 200". */
  calls: string[];
  close(): Promise<void>;
}

const bodyOf = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

export async function startInboundEndpoint(deps: PullOrdersDeps & ReceiveAcknowledgementsDeps & ReceivePushDeps): Promise<InboundEndpoint> {
  let failures = 0;
  const calls: string[] = [];
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // What Remix does with a thrown error: a 500, so the warehouse retries.
      calls.push(`error ${(error as Error).message.split("\n")[0]}`);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  async function handle(request: IncomingMessage, response: ServerResponse) {
    const [, inbound, connectionId = "", kind = ""] = (request.url ?? "").split("?")[0]?.split("/") ?? [];
    const answer = (status: number, body = "", type = "application/json") => {
      calls.push(`${kind} ${status}`);
      response.writeHead(status, { "content-type": type }).end(body);
    };
    if (failures > 0) {
      failures--;
      return answer(503, '{"error":"injected"}');
    }
    const call = { connectionId, header: (name: string) => (request.headers[name.toLowerCase()] as string | undefined) ?? null, remoteAddress: null };
    const body = await bodyOf(request);
    if (inbound !== "inbound") return answer(404);
    if (request.method === "GET" && kind === "orders") {
      const result = await pullOrders(deps, call);
      return result.status === 200 ? answer(200, result.body, result.contentType) : answer(result.status, JSON.stringify(result));
    }
    if (request.method === "POST" && kind === "acknowledgements") {
      const result = await receiveAcknowledgements(deps, { ...call, body });
      return answer(result.status, JSON.stringify(result));
    }
    if (request.method === "POST" && (kind === "dispatches" || kind === "stock")) {
      const result = await receivePush(deps, { ...call, kind, contentType: request.headers["content-type"] ?? null, body });
      return answer(result.status, JSON.stringify(result));
    }
    return answer(405);
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/inbound`,
    failNext: (count) => void (failures = count),
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
