// /healthz reports PostgreSQL and Redis; /metrics exposes queue depths, totals and latencies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContainer } from "~/composition.server";
import { createDatabaseForRoute } from "../support/route-container";
import { testEnv } from "../support/env";
import { orderBody, signedWebhookRequest } from "../support/webhooks";

let ctx: Awaited<ReturnType<typeof createDatabaseForRoute>>;

beforeAll(async () => {
  ctx = await createDatabaseForRoute("health");
});
afterAll(() => ctx.close());

describe("health and metrics", () => {
  it("/healthz answers 200 with both services up", async () => {
    const { loader } = await import("~/routes/healthz");
    const res = await loader();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, postgres: { ok: true }, redis: { ok: true } });
  });

  it("reports Redis down with 503 and the reason", async () => {
    const down = createContainer(testEnv({ DATABASE_URL: process.env.DATABASE_URL!, REDIS_URL: "redis://127.0.0.1:1" }));
    const report = await down.health();
    expect(report).toMatchObject({ ok: false, postgres: { ok: true }, redis: { ok: false } });
    expect(report.redis.error).toBeTruthy();
    await down.close();
  });

  it("/metrics exposes queue depth in Prometheus format", async () => {
    const { action } = await import("~/routes/webhooks.$");
    await action({ request: signedWebhookRequest({ topic: "orders/create", shop: "m.myshopify.com", body: orderBody(1) }), params: {}, context: {} });
    const { loader } = await import("~/routes/metrics");
    const res = await loader();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toContain('loadbay_queue_jobs{queue="inbox",state="waiting"} 1');
    expect(text).toMatch(/loadbay_jobs_total\{queue="inbox",outcome="failed"\} 0/);
    expect(text).toMatch(/loadbay_job_wait_seconds\{queue="inbox",quantile="0.99"\}/);
  });

  it("/metrics reports how late the serving process's event loop ran since the previous scrape", async () => {
    const { loader } = await import("~/routes/metrics");
    await loader(); // opens a window
    const blockedUntil = Date.now() + 60;
    await new Promise((resolve) => setTimeout(resolve, 20));
    while (Date.now() < blockedUntil); // hold the loop for a while
    await new Promise((resolve) => setTimeout(resolve, 20));
    const text = await (await loader()).text();
    const quantile = (q: string) => Number(new RegExp(`loadbay_event_loop_delay_seconds\\{quantile="${q}"\\} ([\\d.e-]+)`).exec(text)?.[1]);
    expect(quantile("1")).toBeGreaterThanOrEqual(0.03);
    // Most samples found the loop free: the sampling interval itself is not counted as delay.
    expect(quantile("0.5")).toBeLessThan(0.005);
  });
});
