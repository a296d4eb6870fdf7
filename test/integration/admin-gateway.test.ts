// The Admin API path for background work, against the Shopify simulator: expiring tokens refreshed
// under one lock per shop, throttling absorbed by pacing, and expected failures as values.
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AdminGateway } from "~/shopify/admin-gateway.server";
import { OfflineTokens, offlineSessionId } from "~/shopify/offline-token.server";
import { manualClock, type ShopifySimulator } from "../../tools/shopify-sim";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { installShop, startTestSimulator } from "../support/simulator";
import { TEST_ENV } from "../support/test-env";

const log = pino({ level: "silent" });
const SHOP_QUERY = `#graphql
  query ShopName { shop { name } }`;
let database: TestDatabase;
const sims: ShopifySimulator[] = [];

beforeAll(async () => {
  database = await createTestDatabase("gateway");
});
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});
afterAll(() => database.drop());

function countingFetch() {
  const calls: string[] = [];
  const f: typeof fetch = (input, init) => {
    calls.push(String(input));
    return fetch(input, init);
  };
  return { calls, fetch: f };
}

function gatewayFor(sim: ShopifySimulator, now?: () => number, f?: typeof fetch) {
  const tokens = new OfflineTokens({ db: database.db, apiKey: TEST_ENV.SHOPIFY_API_KEY, apiSecret: TEST_ENV.SHOPIFY_API_SECRET, adminOrigin: () => sim.url, now, fetch: f });
  return { tokens, gateway: new AdminGateway({ tokens, adminOrigin: () => sim.url, log, now }) };
}

describe("offline tokens", () => {
  it("refreshes an expired token, persisting the rotated refresh token before use", async () => {
    const clock = manualClock(Date.now());
    const sim = await startTestSimulator({ clock, accessTokenTtlSeconds: 3600 });
    sims.push(sim);
    const domain = "refresh-shop.myshopify.com";
    const issued = await installShop(sim, database.db, domain);
    const { gateway } = gatewayFor(sim, clock.now);

    expect((await gateway.request<{ shop: { name: string } }>(domain, SHOP_QUERY)).ok).toBe(true);
    clock.advance(3600_000 + 1);
    const result = await gateway.request<{ shop: { name: string } }>(domain, SHOP_QUERY);
    expect(result.ok).toBe(true);

    const session = await database.db.session.findUniqueOrThrow({ where: { id: offlineSessionId(domain) } });
    expect(session.accessToken).not.toBe(issued.tokens.accessToken);
    expect(session.refreshToken).toBeTruthy();
    expect(session.refreshToken).not.toBe(issued.tokens.refreshToken);
    expect(session.expires!.getTime()).toBeGreaterThan(clock.now());
  });

  it("lets only one of several workers refresh a shop at a time", async () => {
    const clock = manualClock(Date.now());
    const sim = await startTestSimulator({ clock, accessTokenTtlSeconds: 3600 });
    sims.push(sim);
    const domain = "race-shop.myshopify.com";
    await installShop(sim, database.db, domain);
    clock.advance(3600_000 + 1);
    const counted = countingFetch();
    // Five workers, each with its own provider (no shared memory), ask at once.
    const providers = Array.from({ length: 5 }, () => gatewayFor(sim, clock.now, counted.fetch).tokens);
    const tokens = await Promise.all(providers.map((p) => p.accessToken(domain)));
    expect(new Set(tokens).size).toBe(1);
    expect(counted.calls.filter((u) => u.endsWith("/admin/oauth/access_token"))).toHaveLength(1);
  });

  it("reports a revoked token that cannot be refreshed as unauthorized, with what to do", async () => {
    const sim = await startTestSimulator();
    sims.push(sim);
    const domain = "revoked-shop.myshopify.com";
    const { tokens } = await installShop(sim, database.db, domain, { expiring: false });
    sim.revokeToken(tokens.accessToken);
    const { gateway } = gatewayFor(sim);
    const result = await gateway.request(domain, SHOP_QUERY);
    expect(result).toMatchObject({ ok: false, error: { kind: "unauthorized", message: expect.stringMatching(/open the app/) } });
  });

  it("reports a shop without a session as unauthorized", async () => {
    const sim = await startTestSimulator();
    sims.push(sim);
    const { gateway } = gatewayFor(sim);
    expect(await gateway.request("nobody.myshopify.com", SHOP_QUERY)).toMatchObject({ ok: false, error: { kind: "unauthorized" } });
  });
});

describe("admin gateway", () => {
  it("waits for the bucket instead of letting THROTTLED escape", async () => {
    const sim = await startTestSimulator({ plan: "standard" });
    sims.push(sim);
    const domain = "throttle-shop.myshopify.com";
    const { shop } = await installShop(sim, database.db, domain, { expiring: false });
    const { gateway } = gatewayFor(sim);
    const query = `#graphql
      query Orders { orders(first: 50) { nodes { id name } } }`;
    expect((await gateway.request(domain, query)).ok).toBe(true);
    shop.drainBucket();
    const started = Date.now();
    const result = await gateway.request(domain, query, {}, { maxWaitMs: 5_000 });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400); // 52 points at 100/s, less what trickled back
  });

  it("hands back `throttled` with a retry time when the wait is longer than the caller allows", async () => {
    const sim = await startTestSimulator({ plan: "standard" });
    sims.push(sim);
    const domain = "throttle-long.myshopify.com";
    const { shop } = await installShop(sim, database.db, domain, { expiring: false });
    const { gateway } = gatewayFor(sim);
    const query = `#graphql
      query Orders { orders(first: 250) { nodes { id } } }`;
    await gateway.request(domain, query);
    shop.drainBucket();
    await gateway.request(domain, query, {}, { maxWaitMs: 0 }); // learns the drained bucket
    const result = await gateway.request(domain, query, {}, { maxWaitMs: 100 });
    expect(result).toMatchObject({ ok: false, error: { kind: "throttled" } });
    if (!result.ok && result.error.kind === "throttled") expect(result.error.retryAfterMs).toBeGreaterThan(100);
  });

  it("reports an invalid document as invalid-request with Shopify's message", async () => {
    const sim = await startTestSimulator();
    sims.push(sim);
    const domain = "invalid-shop.myshopify.com";
    await installShop(sim, database.db, domain, { expiring: false });
    const { gateway } = gatewayFor(sim);
    const result = await gateway.request(domain, `query { shop { nmae } }`);
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid-request", message: expect.stringMatching(/nmae/) } });
  });
});
