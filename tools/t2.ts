import { createIsolatedEnv, DEMO_SECRET } from "/work/main/tools/stack/isolated-env";
import { createContainer } from "/work/main/app/composition.server";
import { parseEnv } from "/work/main/app/lib/env.server";
import { signedWebhook } from "/work/main/tools/bench/signed-webhook";
import { percentile } from "/work/main/tools/bench/stats";
import { monitorEventLoopDelay } from "node:perf_hooks";
const iso = await createIsolatedEnv("dbg");
const c = createContainer(parseEnv(iso.env));
await c.queues.queues.inbox.waitUntilReady();
const h = monitorEventLoopDelay({ resolution: 5 }); h.enable();
const t: Record<string, number[]> = { verify: [], record: [], total: [] };
let id = 1;
const one = async () => {
  const w = signedWebhook(DEMO_SECRET, "b.myshopify.com", "orders/create", { id, admin_graphql_api_id: `gid://shopify/Order/${id}`, name: `#${id++}`, updated_at: null });
  const t0 = performance.now();
  const v = await c.verifyWebhook(new Request("http://x/webhooks/orders/create", { method: "POST", headers: w.headers, body: w.body }));
  const t1 = performance.now();
  if (!v.ok) throw new Error("bad");
  await c.recordWebhook(v.delivery);
  const t2 = performance.now();
  t.verify!.push(t1 - t0); t.record!.push(t2 - t1); t.total!.push(t2 - t0);
};
const p: Promise<void>[] = [];
const start = performance.now();
for (let i = 0; i < 4000; i++) { const at = start + i * (1000 / 300); const d = at - performance.now(); if (d > 1) await new Promise((r) => setTimeout(r, d)); p.push(one()); }
await Promise.all(p);
for (const [k, v] of Object.entries(t)) { const s = v.slice(1000); console.log(k, "p50", percentile(s, 50).toFixed(2), "p99", percentile(s, 99).toFixed(2), "max", Math.max(...s).toFixed(1)); }
console.log("eventloop p99 ms", (h.percentile(99) / 1e6).toFixed(1), "max", (h.max / 1e6).toFixed(1));
await c.close(); await iso.cleanup();
