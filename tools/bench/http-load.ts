// HTTP load generators. Open loop (`ratePerSecond`): requests leave on a fixed schedule whatever
// the server does, so latency is measured at a known offered load (no coordinated omission).
// Closed loop (no rate): `concurrency` clients send as fast as the server answers.
import { Agent, request } from "undici";

export interface LoadResult {
  latenciesMs: number[];
  elapsedMs: number;
  /** Status 0 counts requests whose connection failed; the first such error is kept for diagnosis. */
  statuses: Record<number, number>;
  firstError?: unknown;
}

export interface LoadOptions {
  url: string;
  total: number;
  concurrency: number;
  ratePerSecond?: number;
  makeRequest: (i: number) => { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const dispatcher = new Agent({ connections: options.concurrency, pipelining: 1 });
  const latenciesMs: number[] = [];
  const statuses: Record<number, number> = {};
  let firstError: unknown;
  const started = performance.now();
  const send = async (i: number, scheduledAt: number) => {
    const spec = options.makeRequest(i);
    let status = 0; // 0: the connection failed
    try {
      const res = await request(options.url, { method: spec.method ?? "POST", headers: spec.headers, body: spec.body, dispatcher });
      await res.body.dump();
      status = res.statusCode;
    } catch (error) {
      firstError ??= error;
    }
    latenciesMs.push(performance.now() - scheduledAt);
    statuses[status] = (statuses[status] ?? 0) + 1;
  };
  if (options.ratePerSecond) {
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < options.total; i++) {
      const at = started + (i * 1000) / options.ratePerSecond;
      const delay = at - performance.now();
      if (delay > 1) await new Promise((r) => setTimeout(r, delay));
      inFlight.push(send(i, at));
    }
    await Promise.all(inFlight);
  } else {
    let next = 0;
    const client = async () => {
      for (let i = next++; i < options.total; i = next++) await send(i, performance.now());
    };
    await Promise.all(Array.from({ length: options.concurrency }, client));
  }
  const elapsedMs = performance.now() - started;
  await dispatcher.close();
  return { latenciesMs, elapsedMs, statuses, firstError };
}
