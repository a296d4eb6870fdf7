// The order-details block's backend (app/routes/api.order-block.$shopifyOrderId.tsx) through the real
// route module, Shopify's session-token check and PostgreSQL: who may read what, and release/hold.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateJobId } from "~/jobs/job-definitions";
import type { OrderSummary } from "~/modules/orders/order-summary.ports";
import { createDatabaseForRoute } from "../support/route-container";
import { sessionToken } from "../support/session-token";

const SHOP = "block-shop.myshopify.com";
const OTHER = "other-shop.myshopify.com";
const EXTENSION_ORIGIN = "https://extensions.shopifycdn.com";
type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<Response>;

let ctx: Awaited<ReturnType<typeof createDatabaseForRoute>>;
let route: { loader: Handler; action: Handler };
const ids: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createDatabaseForRoute("orderblock");
  route = (await import("~/routes/api.order-block.$shopifyOrderId")) as unknown as typeof route;
  await seed();
});
afterAll(() => ctx.close());

async function seed() {
  const db = ctx.db;
  for (const shop of [SHOP, OTHER]) {
    await db.shop.create({ data: { domain: shop, dryRun: false } });
    // The offline session token exchange would have stored: with it, authenticate.admin needs no Shopify call.
    await db.session.create({
      data: { id: `offline_${shop}`, shop, state: "", isOnline: false, scope: "read_orders", accessToken: "shpat_test", expires: new Date(Date.now() + 3_600_000) },
    });
  }
  const connection = await db.warehouseConnection.create({ data: { shop: SHOP, name: "Mintsoft", provider: "mintsoft" } });
  const shipped = await db.order.create({ data: { shop: SHOP, shopifyOrderId: "gid://shopify/Order/1001", name: "#1001", state: "partially_shipped" } });
  const leeds = await db.warehouseOrder.create({
    data: { shop: SHOP, orderId: shipped.id, connectionId: connection.id, facilityCode: "LEEDS", idempotencyKey: "LB-1001-LEEDS-0-r0", state: "partially_dispatched", payload: {}, warehouseReference: "MS-77" },
  });
  await db.warehouseOrder.create({
    data: { shop: SHOP, orderId: shipped.id, connectionId: connection.id, facilityCode: "BRISTOL", idempotencyKey: "LB-1001-BRISTOL-0-r0", state: "accepted", payload: {} },
  });
  for (const [shipmentId, trackingNumbers] of [["S1", ["TRK-1", "TRK-2"]], ["S2", ["TRK-2", "TRK-3"]]] as const) {
    await db.dispatchAdvice.create({ data: { shop: SHOP, connectionId: connection.id, shipmentId, warehouseOrderId: leeds.id, payload: { shipmentId, trackingNumbers } } });
  }
  await db.exceptionRecord.createMany({
    data: [
      { shop: SHOP, key: "wo:1", kind: "warehouse-change-needed", orderId: shipped.id, warehouseOrderId: leeds.id, message: "Change WIDGET at LEEDS from 12 to 6." },
      { shop: SHOP, key: "old:1", kind: "unmapped-service", orderId: shipped.id, message: "An old problem, fixed.", status: "resolved" },
    ],
  });
  const held = await db.order.create({
    data: { shop: SHOP, shopifyOrderId: "gid://shopify/Order/1003", name: "#1003", state: "held", holdReasons: ["Awaiting payment: the order is not paid."] },
  });
  const foreign = await db.order.create({ data: { shop: OTHER, shopifyOrderId: "gid://shopify/Order/2002", name: "#2002", state: "held" } });
  Object.assign(ids, { shipped: shipped.id, held: held.id, foreign: foreign.id });
}

function request(path: string, init: { token?: string; method?: string; body?: BodyInit; origin?: string } = {}): Request {
  const headers = new Headers();
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  if (init.origin) headers.set("Origin", init.origin);
  return new Request(`http://127.0.0.1:3999/api/order-block/${path}`, { method: init.method ?? "GET", headers, body: init.body });
}

/** Runs a handler the way Remix does for a resource route: a thrown Response is the answer. */
async function run(handler: Handler, req: Request, shopifyOrderId: string): Promise<Response> {
  try {
    return await handler({ request: req, params: { shopifyOrderId }, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const get = (id: string, token: string | undefined, origin?: string) => run(route.loader, request(id, { token, origin }), id);
const post = (id: string, token: string, form: Record<string, string>) =>
  run(route.action, request(id, { token, method: "POST", body: new URLSearchParams(form), origin: EXTENSION_ORIGIN }), id);

describe("GET /api/order-block/<Shopify order id>", () => {
  it("answers a valid session token with the order's summary, readable from the extension's origin", async () => {
    const res = await get("1001", sessionToken({ shop: SHOP }), EXTENSION_ORIGIN);
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const summary = (await res.json()) as OrderSummary;
    expect(summary).toEqual({
      id: ids.shipped,
      name: "#1001",
      state: "partially_shipped",
      holdReasons: [],
      manual: null,
      pendingEvaluation: false,
      dryRun: false,
      exceptions: [{ kind: "warehouse-change-needed", message: "Change WIDGET at LEEDS from 12 to 6." }],
      warehouseOrders: [
        { facilityCode: "BRISTOL", split: 0, state: "accepted", warehouseReference: null, trackingNumbers: [] },
        { facilityCode: "LEEDS", split: 0, state: "partially_dispatched", warehouseReference: "MS-77", trackingNumbers: ["TRK-1", "TRK-2", "TRK-3"] },
      ],
    });
  });

  it("answers 401 to a token signed with another secret, to an expired token, and to one for another app", async () => {
    for (const token of [
      sessionToken({ shop: SHOP, secret: "not-the-app-secret" }),
      sessionToken({ shop: SHOP, expiresIn: -120 }),
      sessionToken({ shop: SHOP, apiKey: "another-app" }),
    ]) {
      const res = await get("1001", token, EXTENSION_ORIGIN);
      expect(res.status).toBe(401);
      // The extension can read the 401 (and so show its error) only with the CORS headers.
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    }
  });

  it("does not show one shop's order to another shop", async () => {
    expect((await get("2002", sessionToken({ shop: SHOP }))).status).toBe(404);
    // The order exists: its own shop sees it.
    const own = await get("2002", sessionToken({ shop: OTHER }));
    expect(own.status).toBe(200);
    expect(((await own.json()) as OrderSummary).id).toBe(ids.foreign);
    expect((await get("1001", sessionToken({ shop: OTHER }))).status).toBe(404);
  });

  it("answers 404 with a sentence for an order Loadbay does not have, and 400 for something that is not an order id", async () => {
    const missing = await get("999999", sessionToken({ shop: SHOP }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "This order is not in Loadbay." });
    expect((await get("gid:%2F%2Fshopify%2FOrder%2F1001", sessionToken({ shop: SHOP }))).status).toBe(400);
    expect((await get("1001; drop", sessionToken({ shop: SHOP }))).status).toBe(400);
  });

  it("answers the extension's CORS preflight without a token", async () => {
    // Remix sends OPTIONS to the loader (only POST/PUT/PATCH/DELETE reach the action).
    const res = await run(route.loader, request("1001", { method: "OPTIONS", origin: EXTENSION_ORIGIN }), "1001");
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
  });
});

describe("POST /api/order-block/<Shopify order id>", () => {
  it("intent=release records the manual release, queues the evaluation and answers with the new summary", async () => {
    const res = await post("1003", sessionToken({ shop: SHOP }), { intent: "release" });
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await res.json()) as { message: string; summary: OrderSummary };
    expect(body.message).toMatch(/^Release requested\./);
    expect(body.summary).toMatchObject({ id: ids.held, manual: "release", pendingEvaluation: true });
    const row = await ctx.db.order.findUniqueOrThrow({ where: { id: ids.held } });
    expect(row).toMatchObject({ manualRelease: true, manualHold: false, pendingEvaluation: true });
    const job = await ctx.container.queues.queues.orders.getJob(evaluateJobId(ids.held!, row.evaluationRevision));
    expect(job?.data).toEqual({ shop: SHOP, orderId: ids.held, revision: row.evaluationRevision });
    const timeline = await ctx.db.timelineEvent.findMany({ where: { shop: SHOP, orderId: ids.held, kind: "manual" } });
    expect(timeline.map((t) => t.message)).toEqual(["Released by hand"]);
  });

  it("intent=hold records a manual hold", async () => {
    const res = await post("1003", sessionToken({ shop: SHOP }), { intent: "hold" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { summary: OrderSummary }).summary.manual).toBe("hold");
    expect(await ctx.db.order.findUniqueOrThrow({ where: { id: ids.held } })).toMatchObject({ manualHold: true, manualRelease: false });
  });

  it("changes nothing for another shop's order, an unknown intent or a bad token", async () => {
    expect((await post("2002", sessionToken({ shop: SHOP }), { intent: "release" })).status).toBe(404);
    expect((await post("1003", sessionToken({ shop: SHOP }), { intent: "retry" })).status).toBe(400);
    expect((await post("1003", sessionToken({ shop: SHOP, secret: "forged" }), { intent: "release" })).status).toBe(401);
    expect(await ctx.db.order.findUniqueOrThrow({ where: { id: ids.foreign } })).toMatchObject({ manualRelease: false, pendingEvaluation: false });
    // Still the hold from the test before: neither the retry nor the forged release reached the order.
    expect(await ctx.db.order.findUniqueOrThrow({ where: { id: ids.held } })).toMatchObject({ manualHold: true, manualRelease: false });
  });
});
