import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWarehouseSim, type WarehouseSim } from "./index";
import { call, orderBody, signIn } from "./test-client";

let sim: WarehouseSim;
let key: string;

beforeEach(async () => {
  sim = await startWarehouseSim();
  key = await signIn(sim);
});
afterEach(() => sim.close());

async function statuses(n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await call(sim, "GET", "/api/Warehouse", { key })).status);
  return out;
}

describe("warehouse simulator: faults", () => {
  it("fails a seeded share of requests with 500, the same pattern for the same seed", async () => {
    await sim.setFaults({ errorRate: 0.5 }, 42);
    const first = await statuses(20);
    await sim.setFaults({ errorRate: 0.5 }, 42);
    expect(await statuses(20)).toEqual(first);
    expect(first.filter((s) => s === 500).length).toBeGreaterThan(3);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(3);
  });

  it("can lose the answer after storing the order, which makes the retry a counted duplicate", async () => {
    await sim.setFaults({ errorRate: 1, errorPhase: "after" });
    expect((await call(sim, "PUT", "/api/Order", { key, body: orderBody() })).status).toBe(500);
    await sim.clearFaults();
    await call(sim, "PUT", "/api/Order", { key, body: orderBody() });
    expect(sim.orders()).toHaveLength(1);
    expect(sim.counters).toMatchObject({ createRequests: 2, duplicates: 1 });
  });

  it("answers 429 with Retry-After for the next n requests", async () => {
    await sim.setFaults({ rateLimit: { retryAfterSeconds: 7, count: 2 } });
    const limited = await call(sim, "GET", "/api/Warehouse", { key });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(await statuses(2)).toEqual([429, 200]);
  });

  it("answers 503 during an outage window and recovers when it ends", async () => {
    await sim.setFaults({ outage: { mode: "503", until: new Date(Date.now() + 150) } });
    expect(await statuses(1)).toEqual([503]);
    await new Promise((r) => setTimeout(r, 200));
    expect(await statuses(1)).toEqual([200]);
  });

  it("refuses connections during a refusing outage", async () => {
    await sim.setFaults({ outage: { mode: "refuse" } });
    await expect(call(sim, "GET", "/api/Warehouse", { key })).rejects.toThrow();
    await sim.clearFaults();
    expect(await statuses(1)).toEqual([200]);
  });

  it("adds latency, answers late, or accepts and never answers", async () => {
    await sim.setFaults({ latencyMs: 80 });
    let started = Date.now();
    await statuses(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
    await sim.setFaults({ latencyMs: 0, hang: { afterMs: 100 } });
    started = Date.now();
    expect(await statuses(1)).toEqual([200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    await sim.setFaults({ hang: {} });
    const hung = fetch(`${sim.url}/api/Warehouse`, { headers: { "ms-apikey": key }, signal: AbortSignal.timeout(150) });
    await expect(hung).rejects.toThrow(/timeout|aborted/i);
  });
});
