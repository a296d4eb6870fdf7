// ShopifyOrderSource and ShopifyFulfillmentHolds against the Shopify simulator (real 2026-07 schema,
// Shopify's cost rules and protected-data redaction), driven by its SparkLayer scenarios.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FACT_SOURCES, type OrderFacts } from "~/modules/orders/order-facts";
import { AdminGateway } from "~/shopify/admin-gateway.server";
import { ShopifyFulfillmentHolds } from "~/shopify/fulfillment-holds.server";
import { OfflineTokens } from "~/shopify/offline-token.server";
import { ShopifyOrderSource } from "~/sources/shopify/shopify-order-source.server";
import { ORDER_FOR_RELEASE, orderForReleaseVariables } from "~/sources/shopify/order-query";
import { manualClock, type ShopifySimulator, type SimShop } from "../../tools/shopify-sim";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { installShop, startTestSimulator } from "../support/simulator";
import { TEST_ENV } from "../support/test-env";

const DOMAIN = "source-shop.myshopify.com";
const clock = manualClock(Date.now());
let database: TestDatabase;
let sim: ShopifySimulator;
let shop: SimShop;
let gateway: AdminGateway;
let source: ShopifyOrderSource;
let holds: ShopifyFulfillmentHolds;

beforeAll(async () => {
  database = await createTestDatabase("ordersource");
  sim = await startTestSimulator({ clock, plan: "plus" });
  shop = (await installShop(sim, database.db, DOMAIN, { expiring: false })).shop;
  const tokens = new OfflineTokens({ db: database.db, apiKey: TEST_ENV.SHOPIFY_API_KEY, apiSecret: TEST_ENV.SHOPIFY_API_SECRET, adminOrigin: () => sim.url, now: clock.now });
  gateway = new AdminGateway({ tokens, adminOrigin: () => sim.url, log: pino({ level: "silent" }), now: clock.now });
  source = new ShopifyOrderSource(gateway);
  holds = new ShopifyFulfillmentHolds(gateway);
});
afterAll(async () => {
  await sim.close();
  await database.drop();
});

async function facts(orderId: string, domain = DOMAIN): Promise<OrderFacts> {
  const result = await source.fetchOrder(domain, orderId, DEFAULT_FACT_SOURCES);
  if (!result.ok) throw new Error(`fetchOrder failed: ${result.error.message}`);
  if (!result.value) throw new Error(`no order ${orderId}`);
  return result.value;
}

describe("ShopifyOrderSource.fetchOrder", () => {
  it("reads a card order: payment, PO, company, group, credit, lines with pack sizes", async () => {
    const order = shop.scenarios.paidByCard();
    const f = await facts(order.id);
    expect(f).toMatchObject({
      shopifyOrderId: order.id,
      name: order.name,
      financialStatus: "PAID",
      paymentMode: "upfront",
      paymentModeSource: "attribute",
      poNumber: order.poNumber,
      poSource: "poNumber",
      company: { name: "Acme Trading Ltd", source: "purchasing-entity", id: expect.stringMatching(/^gid:\/\/shopify\/Company\//) },
      customerGroup: "trade",
      credit: { limit: 5000, balance: 1250 },
      redactedFields: [],
    });
    expect(f.lines.map((l) => [l.sku, l.quantity, l.packSize])).toEqual([["WIDGET-BLUE", 12, 6], ["WIDGET-RED", 3, 1]]);
    expect(f.fulfillmentOrders).toHaveLength(1);
    expect(f.fulfillmentOrders[0]?.lines.map((l) => [l.sku, l.remainingQuantity])).toEqual([["WIDGET-BLUE", 12], ["WIDGET-RED", 3]]);
    expect(f.shippingAddress?.address1).toBeTruthy();
    expect(f.updatedAt).toBeInstanceOf(Date);
  });

  it("reads pay on account (auto-completed draft) and an invoice draft completed later", async () => {
    expect(await facts(shop.scenarios.payOnAccount().id)).toMatchObject({ paymentMode: "on_account", paymentModeSource: "attribute", financialStatus: "PENDING", paymentTerms: { type: "NET", dueInDays: 30 } });
    const later = shop.scenarios.draftCompletedLater();
    expect(await facts(later.complete().id)).toMatchObject({ paymentMode: "invoice", paymentTerms: { type: "NET" } });
  });

  it.each([
    ["caseOf12", (s: SimShop) => s.scenarios.caseOf12(), (f: OrderFacts) => expect(f.lines.map((l) => [l.sku, l.quantity, l.packSize])).toEqual([["CASE-12-WIDGET", 2, null]])],
    ["noPo", (s: SimShop) => s.scenarios.noPo(), (f: OrderFacts) => expect(f).toMatchObject({ poNumber: null, poSource: null })],
    // A buyer without a phone is not a redacted order: the street and zip are still there.
    ["noPhone", (s: SimShop) => s.scenarios.noPhone(), (f: OrderFacts) => expect(f).toMatchObject({ shippingAddress: { phone: null, address1: "2 Trade Street" }, redactedFields: [] })],
    ["oddSku", (s: SimShop) => s.scenarios.oddSku(), (f: OrderFacts) => expect(f.lines[0]).toMatchObject({ sku: "AB 12/34", quantity: 4 })],
    ["otherCurrency", (s: SimShop) => s.scenarios.otherCurrency(), (f: OrderFacts) => expect(f.totals).toMatchObject({ shop: { currencyCode: "GBP" }, presentment: { currencyCode: "EUR" } })],
  ])("reads the %s scenario", async (_name, create, check) => {
    check(await facts(create(shop).id));
  });

  it("tells companies and their groups apart", async () => {
    const orders = shop.scenarios.companies(3);
    const read = await Promise.all(orders.map((o) => facts(o.id)));
    expect(read.map((f) => [f.company?.name, f.customerGroup])).toEqual([["Acme Trading Ltd", "trade"], ["Beta Supplies GmbH", "wholesale"], ["Cobalt Retail", "retail"]]);
  });

  it("carries totals exactly as Shopify formats them", async () => {
    const order = shop.scenarios.otherCurrency();
    const raw = await gateway.request<{ order: { totalPriceSet: unknown } }>(DOMAIN, ORDER_FOR_RELEASE, orderForReleaseVariables(order.id, DEFAULT_FACT_SOURCES));
    if (!raw.ok) throw new Error(raw.error.message);
    const f = await facts(order.id);
    expect({ shopMoney: f.totals.shop, presentmentMoney: f.totals.presentment }).toEqual(raw.value.data.order.totalPriceSet);
  });

  it("answers null for an order Shopify does not have", async () => {
    expect(await source.fetchOrder(DOMAIN, "gid://shopify/Order/999999999", DEFAULT_FACT_SOURCES)).toEqual({ ok: true, value: null });
  });

  it("keeps OrderForRelease's requested cost under 200 points", async () => {
    const order = shop.scenarios.paidByCard();
    const result = await gateway.request(DOMAIN, ORDER_FOR_RELEASE, orderForReleaseVariables(order.id, DEFAULT_FACT_SOURCES));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.requestedCost).toBeLessThan(200);
  });

  it("reads every line of an order larger than the first call, and every fulfillment order", async () => {
    const skus = Array.from({ length: 45 }, (_, i) => `BULK-${i}`);
    for (const sku of skus) shop.addVariant({ sku, productTitle: `Bulk ${sku}`, price: 1, packSize: 2 });
    const order = shop.createOrder({ lines: skus.map((sku, i) => ({ sku, quantity: i + 1 })) });
    const before = await facts(order.id);
    expect(before.lines.map((l) => l.sku)).toEqual(skus);
    expect(before.fulfillmentOrders[0]?.lines).toHaveLength(45);
    // Holding some lines splits the rest into a second fulfillment order (Shopify's documented behaviour).
    const fo = shop.fulfillmentOrders(order.id)[0]!;
    const split = await gateway.request<{ fulfillmentOrderHold: { userErrors: unknown[] } }>(DOMAIN, SPLIT_BY_HOLD, { id: fo.id, lines: [{ id: fo.lineItems[0]!.id, quantity: 1 }] });
    expect(split.ok && split.value.data.fulfillmentOrderHold.userErrors).toEqual([]);
    const after = await facts(order.id);
    expect(after.fulfillmentOrders).toHaveLength(2);
    expect(after.fulfillmentOrders.flatMap((f) => f.lines).reduce((n, l) => n + l.remainingQuantity, 0)).toBe((45 * 46) / 2);
  });

  it("lists redacted fields for a shop without protected customer data access", async () => {
    const domain = "level-one.myshopify.com";
    const limited = (await installShop(sim, database.db, domain, { expiring: false })).shop;
    limited.setProtectedDataLevel(1);
    const f = await facts(limited.scenarios.payOnAccount().id, domain);
    expect(f.redactedFields).toEqual(expect.arrayContaining(["shippingAddress.address1", "shippingAddress.zip", "email", "customer.name"]));
    expect(f.shippingAddress).toMatchObject({ address1: null, zip: null });
    expect(f.company?.name).toBe("Acme Trading Ltd"); // company data is not protected
  });

  it("reports a shop denied protected customer data as unauthorized, with the reason", async () => {
    const domain = "level-zero.myshopify.com";
    const denied = (await installShop(sim, database.db, domain, { expiring: false })).shop;
    const order = denied.scenarios.paidByCard();
    denied.setProtectedDataLevel(0);
    const result = await source.fetchOrder(domain, order.id, DEFAULT_FACT_SOURCES);
    expect(result).toMatchObject({ ok: false, error: { kind: "unauthorized", message: expect.stringMatching(/protected customer data/) } });
  });
});

const SPLIT_BY_HOLD = `#graphql
  mutation SplitByHold($id: ID!, $lines: [FulfillmentOrderLineItemInput!]) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: OTHER, handle: "test-split", fulfillmentOrderLineItems: $lines }) { userErrors { message } }
  }`;

describe("ShopifyOrderSource.ordersUpdatedSince", () => {
  it("pages through orders updated after a time, oldest first, leaving older ones out", async () => {
    const domain = "sweep-shop.myshopify.com";
    const sweep = (await installShop(sim, database.db, domain, { expiring: false })).shop;
    const old = sweep.scenarios.paidByCard();
    clock.advance(60_000);
    const since = new Date(clock.now() - 1);
    const fresh = Array.from({ length: 102 }, () => {
      clock.advance(10);
      return sweep.scenarios.paidByCard().id;
    });
    const seen: { shopifyOrderId: string; updatedAt: Date }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await source.ordersUpdatedSince(domain, since, cursor);
      if (!page.ok) throw new Error(page.error.message);
      seen.push(...page.value.orders);
      cursor = page.value.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen.map((o) => o.shopifyOrderId)).toEqual(fresh);
    expect(seen.map((o) => o.shopifyOrderId)).not.toContain(old.id);
    expect(seen[0]?.updatedAt).toBeInstanceOf(Date);
  });
});

describe("ShopifyFulfillmentHolds", () => {
  const ours = (orderId: string) => shop.fulfillmentOrders(orderId).flatMap((fo) => fo.holds.filter((h) => h.handle === "loadbay"));

  it("holds with our handle, idempotently, and releases only our holds", async () => {
    const order = shop.scenarios.payOnAccount();
    const foIds = (await facts(order.id)).fulfillmentOrders.map((fo) => fo.id);

    const held = await holds.hold(DOMAIN, foIds, "AWAITING_PAYMENT", "Waiting for payment on account.");
    expect(held.ok && held.value.updatedAt).toBeInstanceOf(Date);
    expect(ours(order.id)).toMatchObject([{ reason: "AWAITING_PAYMENT", notifyMerchant: false, heldByApp: true }]);
    expect(shop.fulfillmentOrders(order.id).map((fo) => fo.status)).toEqual(["ON_HOLD"]);

    expect((await holds.hold(DOMAIN, foIds, "AWAITING_PAYMENT", "again")).ok).toBe(true);
    expect(ours(order.id)).toHaveLength(1);
    const seen = (await facts(order.id)).fulfillmentOrders[0]?.holds;
    expect(seen).toEqual([expect.objectContaining({ handle: "loadbay", heldByApp: true })]);

    const merchant = shop.placeMerchantHold(foIds[0]!);
    const released = await holds.release(DOMAIN, [{ fulfillmentOrderId: foIds[0]!, holdIds: [seen![0]!.id] }]);
    expect(released.ok && released.value.updatedAt).toBeInstanceOf(Date);
    expect(ours(order.id)).toEqual([]);
    expect(shop.fulfillmentOrders(order.id)[0]?.holds.map((h) => h.id)).toEqual([merchant.id]);

    expect(await holds.release(DOMAIN, [{ fulfillmentOrderId: foIds[0]!, holdIds: [seen![0]!.id] }])).toMatchObject({ ok: true });
    expect(await holds.release(DOMAIN, [{ fulfillmentOrderId: foIds[0]!, holdIds: [merchant.id] }])).toMatchObject({ ok: false, error: { kind: "invalid-request" } });
  });

  it("releases the holds still there when some are already gone", async () => {
    const order = shop.scenarios.payOnAccount();
    const foId = shop.fulfillmentOrders(order.id)[0]!.id;
    await holds.hold(DOMAIN, [foId], "OTHER", "first");
    const first = ours(order.id)[0]!.id;
    await holds.release(DOMAIN, [{ fulfillmentOrderId: foId, holdIds: [first] }]);
    await holds.hold(DOMAIN, [foId], "OTHER", "second");
    const second = ours(order.id)[0]!.id;
    expect(await holds.release(DOMAIN, [{ fulfillmentOrderId: foId, holdIds: [first, second] }])).toMatchObject({ ok: true });
    expect(ours(order.id)).toEqual([]);
  });

  it("reports a refused hold as invalid-request with Shopify's message", async () => {
    const result = await holds.hold(DOMAIN, ["gid://shopify/FulfillmentOrder/999999"], "OTHER", "x");
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid-request", message: expect.stringMatching(/could not be found/) } });
  });
});
