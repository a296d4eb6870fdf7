import { createIsolatedEnv, freePort, DEMO_SECRET } from "/work/main/tools/stack/isolated-env";
import { startWeb, waitForHttp } from "/work/main/tools/stack/processes";
import { runLoad } from "/work/main/tools/bench/http-load";
import { percentile } from "/work/main/tools/bench/stats";
import { signedWebhook } from "/work/main/tools/bench/signed-webhook";
const iso = await createIsolatedEnv("dbg");
const port = await freePort();
const web = startWeb({ ...iso.env, PORT: String(port), NODE_ENV: process.env.NE ?? "test" });
await waitForHttp(`http://127.0.0.1:${port}/healthz`, 15000);
let id = 1;
const mk = () => ({ method: "POST" as const, ...signedWebhook(DEMO_SECRET, "b.myshopify.com", "orders/create", { id: id, admin_graphql_api_id: `gid://shopify/Order/${id}`, name: `#${id++}`, updated_at: null }) });
for (const [label, rate, url, total] of [["warm", 300, "webhooks/orders/create", 1500], ["wh300", 300, "webhooks/orders/create", 3000], ["health300", 300, "healthz", 3000], ["wh300b", 300, "webhooks/orders/create", 3000]] as const) {
  const r = await runLoad({ url: `http://127.0.0.1:${port}/${url}`, total, concurrency: 32, ratePerSecond: rate, makeRequest: url === "healthz" ? () => ({ method: "GET" }) : mk });
  const s = [...r.latenciesMs].sort((a, b) => a - b);
  console.log(label, "p50", percentile(s, 50).toFixed(1), "p90", percentile(s, 90).toFixed(1), "p99", percentile(s, 99).toFixed(1), "max", s.at(-1)!.toFixed(1));
}
await web.stop(); await iso.cleanup();
