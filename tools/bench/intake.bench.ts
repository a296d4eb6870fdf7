// Webhook acknowledgement: signed orders/create webhooks offered at a fixed rate to the production
// web server (remix-serve on the Vite build) with real PostgreSQL and Redis. The baseline is a bare
// Node server answering the same requests from the same client in the same run.
import { join } from "node:path";
import { createIsolatedEnv, DEMO_SECRET, freePort } from "../stack/isolated-env";
import { ensureBuilt, ROOT, startProcess, startWeb, waitForHttp, type ManagedProcess } from "../stack/processes";
import type { BenchGroup } from "./group";
import { runLoad, type LoadResult } from "./http-load";
import { signedWebhook } from "./signed-webhook";
import { measureIntakeToDecision } from "./intake-decision";
import { medianOfRuns, percentile, round } from "./stats";

const RATE = 300;
const TOTAL = 3_000; // 10 s at 300/s
const WARMUP = 300;

export const intakeGroup: BenchGroup = async ({ runs }) => {
  ensureBuilt();
  const isolated = await createIsolatedEnv("bench_intake");
  const webPort = await freePort();
  const basePort = await freePort();
  const web = startWeb({ ...isolated.env, PORT: String(webPort) });
  const baseline = startProcess("baseline", [join(ROOT, "tools", "bench", "baseline-server.mjs")], { PORT: String(basePort) });
  const stop = async (procs: ManagedProcess[]) => Promise.all(procs.map((p) => p.stop()));
  try {
    await waitForHttp(`http://127.0.0.1:${webPort}/healthz`);
    await waitForHttp(`http://127.0.0.1:${basePort}/`);
    const webhookUrl = `http://127.0.0.1:${webPort}/webhooks/orders/create`;
    let orderId = 1;
    const webhook = () => signedWebhook(DEMO_SECRET, "bench-shop.myshopify.com", "orders/create", orderPayload(orderId++));
    const offer = (url: string, total: number) =>
      runLoad({ url, total, concurrency: 32, ratePerSecond: RATE, makeRequest: () => ({ method: "POST", ...webhook() }) });
    const warm = await offer(webhookUrl, WARMUP);
    if (warm.firstError) throw new Error(`webhooks could not be sent: ${String(warm.firstError)}\n${web.output()}`);
    return await medianOfRuns(runs, async () => {
      const ack = await offer(webhookUrl, TOTAL);
      const base = await offer(`http://127.0.0.1:${basePort}/`, TOTAL);
      const decision = await measureIntakeToDecision(200, 20);
      return {
        ...decision,
        webhook_ack_non_200: nonOk(ack),
        webhook_ack_p50_ms: round(percentile(ack.latenciesMs, 50)),
        webhook_ack_p99_ms: round(percentile(ack.latenciesMs, 99)),
        webhook_ack_rps: round((ack.latenciesMs.length / ack.elapsedMs) * 1000),
        baseline_http_p99_ms: round(percentile(base.latenciesMs, 99)),
        webhook_ack_p99_vs_baseline: round(percentile(ack.latenciesMs, 99) / percentile(base.latenciesMs, 99)),
      };
    });
  } finally {
    await stop([web, baseline]);
    await isolated.cleanup();
  }
};

const nonOk = (result: LoadResult) => result.latenciesMs.length - (result.statuses[200] ?? 0);

function orderPayload(id: number) {
  return {
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#B${id}`,
    created_at: new Date().toISOString(),
    updated_at: new Date().toISOString(),
    cancelled_at: null,
    financial_status: "pending",
    tags: "b2b",
    line_items: [{ id: id * 10, sku: "WIDGET-1", quantity: 12 }],
  };
}
