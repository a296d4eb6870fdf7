import { request } from "undici";
import type { Clock } from "../lib/clock";
import type { WebhookDelivery } from "./delivery-types";

interface PostOptions {
  delayMs: number;
  retryDelaysMs: number[];
  timeoutMs: number;
  clock: Clock;
  isClosed: () => boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** POSTs a delivery until a 2xx, retrying after each wait in `retryDelaysMs`; records every attempt. */
export async function postDelivery(delivery: WebhookDelivery, options: PostOptions): Promise<void> {
  if (options.delayMs > 0) await sleep(options.delayMs);
  const waits = [0, ...options.retryDelaysMs];
  for (const wait of waits) {
    if (wait > 0) await sleep(wait);
    if (options.isClosed()) break;
    const ok = await attempt(delivery, options);
    if (ok) {
      delivery.state = "delivered";
      return;
    }
  }
  delivery.state = "failed";
}

async function attempt(delivery: WebhookDelivery, options: PostOptions): Promise<boolean> {
  const at = new Date(options.clock.now()).toISOString();
  try {
    // undici's request rather than fetch: a third of the CPU per delivery, and the simulator shares the machine it measures.
    const response = await request(delivery.url, { method: "POST", headers: delivery.headers, body: delivery.body, signal: AbortSignal.timeout(options.timeoutMs) });
    await response.body.dump();
    delivery.attempts.push({ at, status: response.statusCode });
    return response.statusCode >= 200 && response.statusCode < 300;
  } catch (error) {
    delivery.attempts.push({ at, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
