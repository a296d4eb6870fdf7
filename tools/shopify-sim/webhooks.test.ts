import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ShopifySimulator, SimShop } from "./index";
import { API_SECRET, at, gql, startTestSimulator } from "./test-support";

interface Received {
  topic: string;
  webhookId: string;
  eventId: string;
  hmacValid: boolean;
  body: Record<string, unknown>;
}

/** A stand-in for the app's webhook route: verifies the HMAC the way the app must, and can fail on demand. */
function receiver(): Promise<{ server: Server; url: string; received: Received[]; failNext: { count: number } }> {
  const received: Received[] = [];
  const failNext = { count: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const expected = createHmac("sha256", API_SECRET).update(raw).digest();
      const given = Buffer.from(String(req.headers["x-shopify-hmac-sha256"]), "base64");
      received.push({
        topic: String(req.headers["x-shopify-topic"]),
        webhookId: String(req.headers["x-shopify-webhook-id"]),
        eventId: String(req.headers["x-shopify-event-id"]),
        hmacValid: given.length === expected.length && timingSafeEqual(given, expected),
        body: JSON.parse(raw.toString("utf8")) as Record<string, unknown>,
      });
      res.statusCode = failNext.count-- > 0 ? 500 : 200;
      res.end();
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, received, failNext })));
}

describe("signed webhooks for SparkLayer-style orders", () => {
  let sim: ShopifySimulator;
  let shop: SimShop;
  let hook: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    hook = await receiver();
    sim = await startTestSimulator({ webhookUrl: (topic) => (topic.startsWith("inventory_levels/") ? undefined : hook.url) });
    shop = sim.createShop("hooks.myshopify.com");
  });
  afterAll(async () => {
    await sim.close();
    await new Promise((resolve) => hook.server.close(resolve));
  });
  beforeEach(async () => {
    await sim.webhooksIdle();
    hook.received.length = 0;
  });

  it("delivers orders/create for each scenario with a valid HMAC and Shopify's headers", async () => {
    const card = shop.scenarios.paidByCard();
    const account = shop.scenarios.payOnAccount();
    shop.scenarios.caseOf12();
    shop.scenarios.noPo();
    shop.scenarios.noPhone();
    shop.scenarios.oddSku();
    shop.scenarios.unmappedShipping();
    shop.scenarios.otherCurrency();
    shop.scenarios.companies(3);
    await sim.webhooksIdle();
    expect(hook.received.every((r) => r.hmacValid)).toBe(true);
    const creates = hook.received.filter((r) => r.topic === "orders/create");
    expect(creates).toHaveLength(11);
    const byId = (id: string) => creates.find((r) => r.body.admin_graphql_api_id === id)?.body;
    expect(byId(card.id)).toMatchObject({ financial_status: "paid", po_number: card.poNumber, note_attributes: expect.arrayContaining([{ name: "sparkPaymentType", value: "upfrontPayment" }]) });
    expect(byId(account.id)).toMatchObject({ financial_status: "pending", payment_terms: { payment_terms_type: "net", due_in_days: 30 } });
    expect(hook.received.map((r) => r.topic)).toEqual(expect.arrayContaining(["orders/paid", "draft_orders/create", "draft_orders/update"]));
    const odd = creates.find((r) => JSON.stringify(r.body.line_items).includes("AB 12/34"));
    expect(odd).toBeDefined();
    const eur = creates.find((r) => r.body.presentment_currency === "EUR");
    expect(at(eur?.body, "total_price_set", "shop_money", "currency_code")).toBe("GBP");
    const delivery = sim.deliveries.find((d) => d.topic === "orders/create");
    expect(Object.keys(delivery?.headers ?? {})).toEqual(expect.arrayContaining(["X-Shopify-Topic", "X-Shopify-Hmac-Sha256", "X-Shopify-Shop-Domain", "X-Shopify-API-Version", "X-Shopify-Webhook-Id", "X-Shopify-Event-Id", "X-Shopify-Triggered-At"]));
    expect(delivery?.headers["X-Shopify-API-Version"]).toBe("2026-07");
  });

  it("sends orders/create for a draft only when it is completed", async () => {
    const { draft, complete } = shop.scenarios.draftCompletedLater();
    await sim.webhooksIdle();
    expect(hook.received.map((r) => r.topic)).toEqual(["draft_orders/create"]);
    const order = complete();
    await sim.webhooksIdle();
    expect(hook.received.map((r) => r.topic)).toEqual(["draft_orders/create", "draft_orders/update", "orders/create"]);
    expect(at(hook.received[1]?.body, "order_id")).toBe(Number(order.id.split("/").pop()));
    expect(at(hook.received[1]?.body, "admin_graphql_api_id")).toBe(draft.id);
  });

  it("resends duplicates with the same webhook id and retries a failed delivery with it too", async () => {
    shop.webhookMode.duplicates = 1;
    shop.scenarios.paidByCard({ financialStatus: "PENDING" });
    await sim.webhooksIdle();
    shop.webhookMode.duplicates = 0;
    const [a, b] = hook.received;
    expect(a?.webhookId).toBe(b?.webhookId);
    expect(a?.eventId).toBe(b?.eventId);
    hook.received.length = 0;
    hook.failNext.count = 2;
    const order = shop.scenarios.paidByCard({ financialStatus: "PENDING" });
    await sim.webhooksIdle();
    expect(hook.received.map((r) => r.webhookId)).toEqual(Array(3).fill(hook.received[0]?.webhookId));
    const delivery = sim.deliveries.find((d) => d.body.includes(order.id));
    expect(delivery?.attempts.map((x) => x.status)).toEqual([500, 500, 200]);
    expect(delivery?.state).toBe("delivered");
  });

  it("echoes orders/updated after the app's own tagsAdd and holds", async () => {
    const order = shop.scenarios.paidByCard();
    const token = sim.issueOfflineToken(shop.domain).accessToken;
    await sim.webhooksIdle();
    hook.received.length = 0;
    await gql(sim, token, `mutation { tagsAdd(id: "${order.id}", tags: ["sent-to-3pl"]) { userErrors { message } } }`);
    await sim.webhooksIdle();
    expect(hook.received.map((r) => r.topic)).toEqual(["orders/updated"]);
    expect(hook.received[0]?.body.tags).toBe("sparklayer, b2b-trade, sent-to-3pl");
  });

  it("holds deliveries and releases them as one reordered burst", async () => {
    shop.webhookMode.hold = true;
    shop.webhookMode.reorder = true;
    const orders = shop.scenarios.companies(4, { financialStatus: "PENDING" });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(hook.received).toHaveLength(0);
    shop.releaseWebhooks();
    shop.webhookMode.hold = false;
    shop.webhookMode.reorder = false;
    await sim.webhooksIdle();
    const seen = hook.received.map((r) => r.body.admin_graphql_api_id);
    expect([...seen].sort()).toEqual(orders.map((o) => o.id).sort());
  });
});
