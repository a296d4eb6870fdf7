// The gateway's pacing with several calls in flight for one shop, against a fake Admin API that keeps
// Shopify's leaky bucket: each call is charged when it arrives and answers a little later with the
// throttleStatus of its own arrival, so an answer does not yet show calls sent after it. Time is real
// but the bucket is small and refills fast (about a second of calls per case).
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { AdminGateway } from "./admin-gateway.server";

const QUERY = `#graphql
  mutation Write { inventorySetQuantities(input: {}) { userErrors { message } } }`;

function leakyBucketApi(options: { maximum: number; restorePerSecond: number; cost: number; latencyMs: number }) {
  let available = options.maximum;
  let at = Date.now();
  const counts = { answered: 0, throttled: 0 };
  const f: typeof fetch = async () => {
    const now = Date.now();
    available = Math.min(options.maximum, available + ((now - at) / 1000) * options.restorePerSecond);
    at = now;
    const throttled = available < options.cost;
    if (!throttled) available -= options.cost;
    const cost = { requestedQueryCost: options.cost, actualQueryCost: throttled ? null : options.cost, throttleStatus: { maximumAvailable: options.maximum, currentlyAvailable: Math.floor(available), restoreRate: options.restorePerSecond } };
    await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    counts.answered++;
    if (throttled) counts.throttled++;
    const body = throttled ? { errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }], extensions: { cost } } : { data: { inventorySetQuantities: { userErrors: [] } }, extensions: { cost } };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  };
  return { fetch: f, counts };
}

const tokens = { accessToken: async () => "token", invalidate: () => undefined, refresh: async () => "token" };

async function run(inFlight: number, calls: number) {
  const api = leakyBucketApi({ maximum: 400, restorePerSecond: 4_000, cost: 100, latencyMs: 15 });
  const gateway = new AdminGateway({ tokens, adminOrigin: () => "http://shop.test", log: pino({ level: "silent" }), fetch: api.fetch });
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < calls) {
      next++;
      const result = await gateway.request("pace.myshopify.com", QUERY, {}, { maxWaitMs: 10_000 });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { ...api.counts, ms: Date.now() - started };
}

describe("admin gateway pacing with calls in flight", () => {
  it("reserves each call's cost until its answer arrives, so four calls in flight draw no THROTTLED answer", async () => {
    const result = await run(4, 60);
    expect(result.throttled).toBe(0);
    expect(result.answered).toBe(60);
    // The pace is still the restore rate: 60 calls × 100 points at 4,000 a second, less the 400 in the bucket.
    expect(result.ms).toBeLessThan(((60 * 100 - 400) / 4_000) * 1000 * 2);
  });
});
