import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock, type ShopifySimulator } from "./index";
import { at, gql, startTestSimulator } from "./test-support";

/** 2 (connection) + 250 × (1 order + 1 customer) = 502 requested points. */
const BIG = `{ orders(first: 250) { nodes { id customer { id } } } }`;
const THREE = `{ orders(first: 3) { nodes { id } } }`;

describe("cost-based leaky bucket", () => {
  const clock = manualClock();
  let sim: ShopifySimulator;
  let token: string;

  beforeAll(async () => {
    sim = await startTestSimulator({ clock, plan: "standard" });
    const shop = sim.createShop("bucket.myshopify.com");
    shop.scenarios.companies(3);
    token = sim.issueOfflineToken(shop.domain).accessToken;
  });
  afterAll(() => sim.close());

  it("charges requested cost up front and refunds the unused part, with the standard plan's numbers", async () => {
    const first = await gql(sim, token, THREE);
    expect(first.body.extensions?.cost).toEqual({
      requestedQueryCost: 5,
      actualQueryCost: 5,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1995, restoreRate: 100 },
    });
    const big = await gql(sim, token, BIG);
    // 1995 − 502 + (502 − 8): only 3 orders with a customer each came back.
    expect(big.body.extensions?.cost).toMatchObject({ requestedQueryCost: 502, actualQueryCost: 8 });
    expect(big.body.extensions?.cost.throttleStatus.currentlyAvailable).toBe(1987);
    const mutation = await gql(sim, token, `mutation { tagsAdd(id: "gid://shopify/Order/1", tags: ["x"]) { userErrors { message } } }`);
    expect(mutation.body.extensions?.cost).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });
    expect(mutation.body.extensions?.cost.throttleStatus.currentlyAvailable).toBe(1977);
  });

  it("throttles when the bucket cannot cover the requested cost, and executes nothing", async () => {
    const shop = sim.shop("bucket.myshopify.com");
    shop.drainBucket();
    clock.advance(1_000);
    const orderId = shop.scenarios.paidByCard().id;
    const cheap = await gql(sim, token, `mutation { tagsAdd(id: "${orderId}", tags: ["cheap"]) { userErrors { message } } }`);
    expect(cheap.body.extensions?.cost.throttleStatus.currentlyAvailable).toBe(90);
    const blocked = await gql(sim, token, BIG);
    expect(blocked.status).toBe(200);
    expect(blocked.body).toEqual({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
      extensions: { cost: { requestedQueryCost: 502, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 90, restoreRate: 100 } } },
    });
    clock.advance(4_119);
    expect(shop.throttleStatus().currentlyAvailable).toBe(501);
    expect(at((await gql(sim, token, BIG)).body.errors, 0, "extensions", "code")).toBe("THROTTLED");
    clock.advance(10);
    const allowed = await gql(sim, token, BIG);
    expect(allowed.body.errors).toBeUndefined();
    // 502 available − 502 requested + (502 − 10 actual: four orders with customers).
    expect(allowed.body.extensions?.cost).toMatchObject({ actualQueryCost: 10, throttleStatus: { currentlyAvailable: 492 } });
    clock.advance(60_000);
    expect(shop.throttleStatus().currentlyAvailable).toBe(2000);
  });

  it("uses each plan's restore rate and bucket size", async () => {
    const plus = sim.createShop("plus.myshopify.com", { plan: "plus" });
    const custom = sim.createShop("custom.myshopify.com", { plan: { restoreRate: 50, bucketSize: 1000 } });
    plus.drainBucket();
    custom.drainBucket();
    clock.advance(2_000);
    expect(plus.throttleStatus()).toEqual({ maximumAvailable: 20_000, currentlyAvailable: 2_000, restoreRate: 1_000 });
    expect(custom.throttleStatus()).toEqual({ maximumAvailable: 1_000, currentlyAvailable: 100, restoreRate: 50 });
    plus.setPlan("advanced");
    clock.advance(1_000);
    expect(plus.throttleStatus()).toEqual({ maximumAvailable: 4_000, currentlyAvailable: 2_200, restoreRate: 200 });
  });
});
