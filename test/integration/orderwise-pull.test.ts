// OrderWise end to end against PostgreSQL, with the simulator pulling over HTTP through the same use
// cases the inbound route calls (test/support/inbound-endpoint.ts): a connection made from the provider's
// form and built by the registry, credentials from the push set-up, transmission queueing the order,
// pull → acknowledgement → accepted, a lost acknowledgement re-pulled without a duplicate, a rejection
// becoming an exception, a partial despatch pushed twice stored once, free stock stored, and 5xx retried.
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PROVIDERS } from "~/connectors/providers.server";
import { StoredConnectorRegistry } from "~/connectors/registry.server";
import { createSecretBox } from "~/lib/crypto.server";
import { createSql, type Sql } from "~/lib/sql.server";
import { setUpPush } from "~/modules/inbound/set-up-push.use-case";
import { mapOrder } from "~/modules/mapping/map-order";
import { transmitWarehouseOrder } from "~/modules/transmission/transmit-warehouse-order.use-case";
import { PrismaConnectionRepository } from "~/persistence/connections.repo.server";
import { PrismaInboundFileLedger } from "~/persistence/inbound-files.repo.server";
import { PrismaInboundRepository } from "~/persistence/inbound.repo.server";
import { SqlOrderPullRepository } from "~/persistence/order-pull.repo.server";
import { PrismaTransmissionRepository } from "~/persistence/transmission.repo.server";
import { SqlTransportState } from "~/persistence/transport-state.repo.server";
import { OrderWiseSim } from "../../tools/warehouse-sim/orderwise";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { mappingSettings } from "../support/factories/mapping-settings";
import { orderFacts } from "../support/factories/order-facts";
import { startInboundEndpoint, type InboundEndpoint } from "../support/inbound-endpoint";
import { TEST_ENV } from "../support/test-env";

const SHOP = "orderwise.myshopify.com";
const box = createSecretBox(TEST_ENV.ENCRYPTION_KEY);
let database: TestDatabase;
let sql: Sql;
let registry: StoredConnectorRegistry;
let endpoint: InboundEndpoint;
let sim: OrderWiseSim;
let connectionId: string;
let tests = 0;

beforeAll(async () => {
  database = await createTestDatabase("orderwise");
  sql = createSql(database.url);
  await database.db.shop.create({ data: { domain: SHOP, dryRun: false } });
  const factories = Object.fromEntries(PROVIDERS.map((p) => [p.id, p.factory]));
  const transportState = new SqlTransportState(sql);
  registry = new StoredConnectorRegistry(sql, box, factories, { inboundFiles: new PrismaInboundFileLedger(database.db), transportState });
  endpoint = await startInboundEndpoint({
    inbound: new PrismaInboundRepository(database.db, box, sql), connectors: registry, pulls: new SqlOrderPullRepository(sql), transportState,
    dispatchQueue: { enqueueDispatch: async () => undefined }, log: pino({ level: "silent" }), now: () => new Date(),
  });
});
afterAll(async () => {
  await endpoint.close();
  await sql.close();
  await database.drop();
});
beforeEach(async () => {
  tests++;
  const provider = PROVIDERS.find((p) => p.id === "orderwise");
  const parsed = provider?.parse({ facilityCode: "LEEDS", pullBatchSize: "2", courierNotes: "DPD-NEXT → DPD" });
  if (!parsed?.ok) throw new Error("the OrderWise form did not parse");
  const created = await new PrismaConnectionRepository(database.db, box).create(SHOP, { name: `OrderWise ${tests}`, provider: "orderwise", ...parsed });
  if (!created.ok) throw new Error(created.reason);
  connectionId = created.id;
  const push = await setUpPush({ inbound: new PrismaInboundRepository(database.db, box, sql) }, { shop: SHOP, connectionId, appUrl: "https://app.example", form: { mode: "basic", username: "orderwise" } });
  if (!push.ok) throw new Error(JSON.stringify(push.errors));
  expect(push.endpoints.orders).toBe(`https://app.example/inbound/${connectionId}/orders`);
  sim = new OrderWiseSim({ baseUrl: `${endpoint.url}/${connectionId}`, username: "orderwise", password: push.secret, products: ["WIDGET-1", "GADGET-2"] });
});
afterEach(() => sim.stop());

/** A released order mapped to this test's connection, then transmitted (queued for the pull). */
async function transmitted(orderNumber: string, skus = ["WIDGET-1", "GADGET-2"]) {
  const facts = orderFacts({
    name: `#${orderNumber}`, shopifyOrderId: `gid://shopify/Order/${tests}${orderNumber}`,
    lines: skus.map((sku, i) => ({ lineItemId: `gid://shopify/LineItem/${i + 1}`, sku, title: sku, quantity: 4 + i, variantId: null, packSize: null })),
  });
  const draft = mapOrder(facts, mappingSettings(), { orderNumber: `${tests}${orderNumber}`, revision: 0 }).warehouseOrders[0];
  if (!draft) throw new Error("fixture did not map");
  const order = await database.db.order.create({ data: { shop: SHOP, shopifyOrderId: facts.shopifyOrderId, name: facts.name, state: "released" } });
  const row = await database.db.warehouseOrder.create({
    data: { shop: SHOP, orderId: order.id, connectionId, facilityCode: draft.facilityCode, idempotencyKey: draft.idempotencyKey, payload: JSON.parse(JSON.stringify(draft)) },
  });
  const deps = { warehouseOrders: new PrismaTransmissionRepository(database.db, sql), connectors: registry };
  expect(await transmitWarehouseOrder(deps, { shop: SHOP, warehouseOrderId: row.id })).toMatchObject({ status: "sent", accepted: false, alreadyThere: false });
  return { id: row.id, key: draft.idempotencyKey, totals: draft.totals };
}

const warehouseOrder = (id: string) => database.db.warehouseOrder.findUniqueOrThrow({ where: { id } });

describe("OrderWise: pulling orders", () => {
  it("a queued order is transmitted; the pull carries it with its totals; the acknowledgement makes it accepted", async () => {
    const connector = await registry.forConnection(SHOP, connectionId);
    if (!connector.ok) throw new Error(connector.message);
    expect(await connector.connector.testConnection()).toMatchObject({ ok: true, value: { message: expect.stringMatching(/not pulled/) } });
    const order = await transmitted("1");
    expect(await warehouseOrder(order.id)).toMatchObject({ state: "transmitted" });

    expect(await sim.pullOnce()).toEqual({ references: [order.key], acknowledged: true });
    expect(sim.ordersFor(order.key)[0]?.grossTotal).toBe(order.totals.amount);
    const row = await warehouseOrder(order.id);
    expect(row).toMatchObject({ state: "accepted", warehouseReference: sim.ordersFor(order.key)[0]?.orderNumber });
    expect(row.transport).toMatchObject({ acknowledgement: "accepted", pull: { reference: order.key, pulls: 1 } });
    expect(await database.db.timelineEvent.count({ where: { warehouseOrderId: order.id, actor: "warehouse:pull" } })).toBe(1);
    // Accepted orders are not offered again; the connection test now knows the last pull.
    expect(await sim.pullOnce()).toEqual({ references: [], acknowledged: false });
    expect(await connector.connector.testConnection()).toMatchObject({ ok: true, value: { message: expect.stringMatching(/last pulled orders at/) } });
  });

  it("a lost acknowledgement: the re-pull returns the same order, OrderWise holds it once, then it is accepted", async () => {
    const order = await transmitted("2");
    sim.faults.loseAcknowledgements = 1;
    expect(await sim.pullOnce()).toEqual({ references: [order.key], acknowledged: false });
    expect(await warehouseOrder(order.id)).toMatchObject({ state: "transmitted" });
    expect(await sim.pullOnce()).toEqual({ references: [order.key], acknowledged: true });
    expect(sim.received(order.key)).toBe(2);
    expect(sim.ordersFor(order.key)).toHaveLength(1);
    expect(await warehouseOrder(order.id)).toMatchObject({ state: "accepted", transport: { pull: { pulls: 2 } } });
  });

  it("pulls a bounded batch, oldest first, and the rest at the next pull", async () => {
    const orders = [await transmitted("3"), await transmitted("4"), await transmitted("5")];
    expect((await sim.pullOnce()).references).toEqual([orders[0]?.key, orders[1]?.key]);
    expect((await sim.pullOnce()).references).toEqual([orders[2]?.key]);
  });

  it("a rejection in the acknowledgement blocks the order with OrderWise's message and takes it off the pull queue", async () => {
    const order = await transmitted("6", ["WIDGET-1", "NOPE-9"]);
    expect((await sim.pullOnce()).acknowledged).toBe(true);
    expect(await warehouseOrder(order.id)).toMatchObject({ state: "mapped", lastError: "Unknown product NOPE-9" });
    const exception = await database.db.exceptionRecord.findFirst({ where: { shop: SHOP, key: `warehouse-rejected:${order.key}` } });
    expect(exception).toMatchObject({ status: "open", kind: "warehouse-rejected" });
    expect(exception?.message).toContain("Unknown product NOPE-9");
    expect(sim.ordersFor(order.key)).toHaveLength(0);
    expect((await sim.pullOnce()).references).toEqual([]);
  });

  it("answers 401 to wrong credentials and retries through Loadbay's 5xx", async () => {
    const intruder = new OrderWiseSim({ baseUrl: `${endpoint.url}/${connectionId}`, username: "orderwise", password: "guess", attempts: 1 });
    await expect(intruder.pullOnce()).rejects.toThrow(/HTTP 401/);
    const order = await transmitted("7");
    endpoint.failNext(2);
    expect(await sim.pullOnce()).toEqual({ references: [order.key], acknowledged: true });
    expect(sim.counters.retries).toBe(2);
    expect(await warehouseOrder(order.id)).toMatchObject({ state: "accepted" });
  });
});

describe("OrderWise: despatches and free stock pushed", () => {
  it("a partial despatch pushed twice is stored once; the second part completes the order", async () => {
    const order = await transmitted("8");
    await sim.pullOnce();
    sim.faults.duplicatePushes = true;
    const [first, second] = await sim.despatch(order.key, { parts: 2 });
    expect(first).toMatchObject({ complete: false });
    expect(second).toMatchObject({ complete: true });
    const stored = await database.db.dispatchAdvice.findMany({ where: { shop: SHOP, connectionId }, orderBy: { shipmentId: "asc" } });
    expect(stored.map((d) => d.shipmentId)).toEqual([first?.deliveryNumber, second?.deliveryNumber]);
    expect(sim.counters.pushesSent).toBe(4);
    expect(stored[0]).toMatchObject({ warehouseOrderId: order.id });
  });

  // Read through the connector here; orderwise-e2e.test.ts checks the stored rows through the running app.
  it("free stock pushed by the simulator is read per product, for the connection's facility", async () => {
    const pushed: string[] = [];
    const recorder = new OrderWiseSim({ baseUrl: "http://127.0.0.1:1/unused", username: "x", password: "y" });
    Object.assign(recorder, { call: async (_m: string, _p: string, body: string) => void pushed.push(body) });
    await recorder.pushFreeStock({ "WIDGET-1": 40, "GADGET-2": 0 });
    const connector = await registry.forConnection(SHOP, connectionId);
    if (!connector.ok || !connector.connector.receivePush) throw new Error("no OrderWise connector");
    const read = connector.connector.receivePush({ kind: "stock", contentType: "application/xml", body: pushed[0] ?? "" });
    expect(read).toMatchObject({ ok: true, value: { dispatches: [], stock: [
      { facilityCode: "LEEDS", warehouseSku: "WIDGET-1", freeQuantity: 40 }, { facilityCode: "LEEDS", warehouseSku: "GADGET-2", freeQuantity: 0 },
    ] } });
  });
});
