// Transmission against real PostgreSQL with an in-memory warehouse: the step is recorded before and
// after the call, a lost answer never becomes a second order, rejections and credential failures
// become exceptions with the warehouse's words, and dry run sends nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transmitWarehouseOrder } from "~/modules/transmission/transmit-warehouse-order.use-case";
import { cancelWarehouseOrder } from "~/modules/transmission/cancel-warehouse-order.use-case";
import { PrismaOrderRepository } from "~/persistence/orders.repo.server";
import { PrismaTransmissionRepository } from "~/persistence/transmission.repo.server";
import { createSql, type Sql } from "~/lib/sql.server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { FakeConnector } from "../support/fakes/fake-connector";

const SHOP = "transmit-shop.myshopify.com";
let database: TestDatabase;
let repo: PrismaTransmissionRepository;
let sql: Sql;
let connectionId: string;
let orderId: string;

beforeAll(async () => {
  database = await createTestDatabase("transmit");
  sql = createSql(database.url);
  repo = new PrismaTransmissionRepository(database.db, sql);
  await database.db.shop.create({ data: { domain: SHOP, dryRun: false } });
  connectionId = (await database.db.warehouseConnection.create({ data: { shop: SHOP, name: "Fake", provider: "fake" } })).id;
  orderId = (await database.db.order.create({ data: { shop: SHOP, shopifyOrderId: "gid://shopify/Order/1", name: "#1", state: "released" } })).id;
});
afterAll(async () => {
  await sql.close();
  await database.drop();
});

async function mapped(key: string) {
  const draft = { idempotencyKey: key, facilityCode: "LEEDS", connectionId, lines: [{ warehouseSku: "W1", quantity: 24 }] };
  return database.db.warehouseOrder.create({ data: { shop: SHOP, orderId, connectionId, facilityCode: "LEEDS", idempotencyKey: key, payload: draft } });
}

function deps(connector: FakeConnector) {
  return { warehouseOrders: repo, connectors: { forConnection: async () => ({ ok: true as const, connector }) } };
}

describe("transmission", () => {
  it("sends a mapped order once and records the warehouse's reference; the order is in fulfilment", async () => {
    const fake = new FakeConnector();
    const wo = await mapped("LB-1-LEEDS-0-r0");
    expect(await transmitWarehouseOrder(deps(fake), { shop: SHOP, warehouseOrderId: wo.id })).toMatchObject({ status: "sent", accepted: true });
    expect(await transmitWarehouseOrder(deps(fake), { shop: SHOP, warehouseOrderId: wo.id })).toMatchObject({ status: "skipped" });
    expect(fake.submits).toBe(1);
    expect(await database.db.warehouseOrder.findUnique({ where: { id: wo.id } })).toMatchObject({ state: "accepted", warehouseReference: "WH-1" });
    expect(await database.db.order.findUnique({ where: { id: orderId } })).toMatchObject({ state: "in_fulfilment" });
  });

  it("a lost answer is retried with the same key and never makes a second warehouse order", async () => {
    const fake = new FakeConnector();
    fake.loseNextAnswer = true;
    const wo = await mapped("LB-1-LEEDS-1-r0");
    expect(await transmitWarehouseOrder(deps(fake), { shop: SHOP, warehouseOrderId: wo.id })).toMatchObject({ status: "retry" });
    expect(await transmitWarehouseOrder(deps(fake), { shop: SHOP, warehouseOrderId: wo.id })).toMatchObject({ status: "sent", alreadyThere: true });
    expect(fake.orders.size).toBe(1);
    expect(await database.db.warehouseOrder.findUnique({ where: { id: wo.id } })).toMatchObject({ state: "accepted", warehouseReference: "WH-1" });
  });

  it("a rejection blocks the order with the warehouse's own message, and is not retried by itself", async () => {
    const fake = new FakeConnector();
    fake.script.push({ kind: "rejected", message: "SKU W1 does not exist for client 7" });
    const wo = await mapped("LB-1-LEEDS-2-r0");
    expect(await transmitWarehouseOrder(deps(fake), { shop: SHOP, warehouseOrderId: wo.id })).toMatchObject({ status: "blocked" });
    const exception = await database.db.exceptionRecord.findFirst({ where: { shop: SHOP, key: "warehouse-rejected:LB-1-LEEDS-2-r0" } });
    expect(exception?.message).toContain("SKU W1 does not exist for client 7");
    expect(await transmitWarehouseOrder(deps(fake), { shop: SHOP, warehouseOrderId: wo.id })).toMatchObject({ status: "skipped" });
    expect((await repo.listUnsent(new Date(Date.now() + 60_000), 100)).map((u) => u.warehouseOrderId)).not.toContain(wo.id);
  });

  it("a worker that died mid-call leaves the order transmitting; it is claimed again only after the lease", async () => {
    const wo = await mapped("LB-1-LEEDS-3-r0");
    expect(await repo.claim(SHOP, wo.id)).not.toBeNull();
    expect(await repo.claim(SHOP, wo.id)).toBeNull(); // another job is (as far as anyone knows) still sending it
    await database.db.warehouseOrder.update({ where: { id: wo.id }, data: { updatedAt: new Date(Date.now() - 5 * 60_000) } });
    expect(await repo.claim(SHOP, wo.id)).toMatchObject({ resumed: true });
  });

  it("sends nothing in dry run", async () => {
    const fake = new FakeConnector();
    await database.db.shop.update({ where: { domain: SHOP }, data: { dryRun: true } });
    const wo = await mapped("LB-1-LEEDS-4-r0");
    expect(await transmitWarehouseOrder(deps(fake), { shop: SHOP, warehouseOrderId: wo.id })).toMatchObject({ status: "skipped", note: expect.stringMatching(/dry run/) });
    expect(fake.submits).toBe(0);
    await database.db.shop.update({ where: { domain: SHOP }, data: { dryRun: false } });
  });

  it("never sends a warehouse order whose order was held or cancelled before it went", async () => {
    const fake = new FakeConnector();
    for (const state of ["held", "cancelled"] as const) {
      const order = await database.db.order.create({ data: { shop: SHOP, shopifyOrderId: `gid://shopify/Order/${state}`, name: `#${state}`, state } });
      const wo = await database.db.warehouseOrder.create({
        data: { shop: SHOP, orderId: order.id, connectionId, facilityCode: "LEEDS", idempotencyKey: `LB-${state}-LEEDS-0-r0`, payload: { idempotencyKey: `LB-${state}-LEEDS-0-r0`, lines: [] } },
      });
      expect(await transmitWarehouseOrder(deps(fake), { shop: SHOP, warehouseOrderId: wo.id })).toMatchObject({ status: "skipped" });
      expect((await repo.listUnsent(new Date(Date.now() + 60_000), 100)).map((u) => u.warehouseOrderId)).not.toContain(wo.id);
    }
    expect(fake.submits).toBe(0);
  });

  it("an order cancelled in Shopify while it was being sent is cancelled at the warehouse straight after", async () => {
    const fake = new FakeConnector();
    const order = await database.db.order.create({ data: { shop: SHOP, shopifyOrderId: "gid://shopify/Order/race", name: "#race", state: "released" } });
    const wo = await database.db.warehouseOrder.create({
      data: { shop: SHOP, orderId: order.id, connectionId, facilityCode: "LEEDS", idempotencyKey: "LB-race-LEEDS-0-r0", payload: { idempotencyKey: "LB-race-LEEDS-0-r0", lines: [] } },
    });
    const claimed = await repo.claim(SHOP, wo.id);
    await database.db.order.update({ where: { id: order.id }, data: { state: "cancelled", facts: { cancelledAt: new Date().toISOString() } } });
    const receipt = { warehouseReference: "WH-9", alreadyThere: false, accepted: true };
    expect(await repo.recordSubmitted(claimed!, receipt)).toEqual({ cancelNow: true });
    expect(await cancelWarehouseOrder(deps(fake), { shop: SHOP, warehouseOrderId: wo.id })).toEqual({ status: "cancelled", orderId: wo.orderId });
    expect(fake.cancelled).toEqual(new Set(["LB-race-LEEDS-0-r0"]));
    expect(await database.db.warehouseOrder.findUnique({ where: { id: wo.id } })).toMatchObject({ state: "cancelled" });
  });

  it("a connection that cannot cancel, or a warehouse that refuses, leaves an exception; 'done at the warehouse' closes it", async () => {
    const order = await database.db.order.create({
      data: { shop: SHOP, shopifyOrderId: "gid://shopify/Order/nocancel", name: "#nocancel", state: "in_fulfilment", facts: { cancelledAt: new Date().toISOString() } },
    });
    const make = (key: string) =>
      database.db.warehouseOrder.create({ data: { shop: SHOP, orderId: order.id, connectionId, facilityCode: "LEEDS", idempotencyKey: key, state: "cancel_requested", acceptedAt: new Date(), payload: { idempotencyKey: key, lines: [] } } });
    const first = await make("LB-nocancel-LEEDS-0-r0");
    const second = await make("LB-nocancel-LEEDS-1-r0");
    expect(await cancelWarehouseOrder(deps(new FakeConnector({ cancel: false })), { shop: SHOP, warehouseOrderId: first.id })).toMatchObject({
      status: "refused",
      message: expect.stringMatching(/cannot cancel orders\. Cancel it at the warehouse by hand/),
    });
    const refusing = new FakeConnector();
    refusing.script.push({ kind: "rejected", message: "Order is packed" });
    expect(await cancelWarehouseOrder(deps(refusing), { shop: SHOP, warehouseOrderId: second.id })).toMatchObject({ status: "refused", message: expect.stringContaining("“Order is packed”") });
    const open = await database.db.exceptionRecord.findMany({ where: { shop: SHOP, orderId: order.id, status: "open" } });
    expect(open.map((e) => e.kind)).toEqual(["warehouse-cancel-failed", "warehouse-cancel-failed"]);
    expect(await database.db.warehouseOrder.findMany({ where: { orderId: order.id }, select: { state: true } })).toEqual([{ state: "accepted" }, { state: "accepted" }]);

    const orders = new PrismaOrderRepository(database.db, sql);
    expect(await orders.confirmDoneAtWarehouse(SHOP, order.id, "user:test")).toBe(true);
    expect(await database.db.exceptionRecord.count({ where: { shop: SHOP, orderId: order.id, status: "open" } })).toBe(0);
    expect(await database.db.order.findUnique({ where: { id: order.id } })).toMatchObject({ state: "cancelled" });
    expect(await orders.confirmDoneAtWarehouse(SHOP, order.id, "user:test")).toBe(false);
  });
});
