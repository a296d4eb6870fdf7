// The EDI X12 connector against the SFTP warehouse simulator in X12 mode and PostgreSQL: control numbers
// taken atomically per connection and kept with each order, 940s renamed into place, the warehouse's 997
// making them accepted (or rejected), 945s read whole into dispatch advices, and a malformed file refused
// with a rejecting 997 and an exception, nothing applied.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EdiX12Connector } from "~/connectors/edi-x12/edi-x12-connector.server";
import type { EdiX12ConnectionInput } from "~/connectors/edi-x12/edi-x12-connection";
import { fixture } from "~/connectors/edi-x12/fixtures/fixtures";
import { PROVIDERS } from "~/connectors/providers.server";
import type { OutboundOrder } from "~/connectors/warehouse-connector";
import { createSql, type Sql } from "~/lib/sql.server";
import { mapOrder } from "~/modules/mapping/map-order";
import { transmitWarehouseOrder } from "~/modules/transmission/transmit-warehouse-order.use-case";
import { PrismaInboundFileLedger } from "~/persistence/inbound-files.repo.server";
import { PrismaTransmissionRepository } from "~/persistence/transmission.repo.server";
import { SqlTransportState } from "~/persistence/transport-state.repo.server";
import { startSftpWarehouseSim, type SftpWarehouseSim } from "../../tools/warehouse-sim";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { mappingSettings } from "../support/factories/mapping-settings";
import { orderFacts } from "../support/factories/order-facts";

const SHOP = "edi-x12.myshopify.com";
let database: TestDatabase;
let sql: Sql;
let state: SqlTransportState;
let ledger: PrismaInboundFileLedger;
let sim: SftpWarehouseSim;
let connectionId: string;
let tests = 0;

beforeAll(async () => {
  database = await createTestDatabase("edix12");
  sql = createSql(database.url);
  state = new SqlTransportState(sql);
  ledger = new PrismaInboundFileLedger(database.db);
  await database.db.shop.create({ data: { domain: SHOP, dryRun: false } });
});
afterAll(async () => {
  await sql.close();
  await database.drop();
});
beforeEach(async () => {
  tests++;
  connectionId = (await database.db.warehouseConnection.create({ data: { shop: SHOP, name: `GXO ${tests}`, provider: "edi_x12" } })).id;
  sim = await startSftpWarehouseSim({ format: "x12", pickupMs: null, products: ["WIDGET-1"] });
});
afterEach(() => sim.close());

const connector = (over: Partial<EdiX12ConnectionInput> = {}) =>
  new EdiX12Connector({ ...sim.ediConnectionSettings(), timeoutMs: 2_000, ...over }, { scope: { shop: SHOP, connectionId }, ledger, state });

/** A released order with one mapped warehouse order for this test's connection. */
async function mapped(orderNumber: string, sku = "WIDGET-1"): Promise<OutboundOrder> {
  const facts = orderFacts({ name: `#${orderNumber}`, shopifyOrderId: `gid://shopify/Order/${tests}${orderNumber}`, lines: [{ lineItemId: "gid://shopify/LineItem/1", sku, title: "W", quantity: 12, variantId: null, packSize: null }] });
  const draft = mapOrder(facts, mappingSettings(), { orderNumber: `${tests}${orderNumber}`, revision: 0 }).warehouseOrders[0];
  if (!draft) throw new Error("fixture did not map");
  const order = await database.db.order.create({ data: { shop: SHOP, shopifyOrderId: facts.shopifyOrderId, name: facts.name, state: "released" } });
  const row = await database.db.warehouseOrder.create({
    data: { shop: SHOP, orderId: order.id, connectionId, facilityCode: draft.facilityCode, idempotencyKey: draft.idempotencyKey, payload: JSON.parse(JSON.stringify(draft)) },
  });
  return { shop: SHOP, warehouseOrderId: row.id, draft };
}

const isa13 = (text: string | null) => text?.slice(90, 99);
const ediFiles = (folder: string) => sim.listFiles(folder).filter((n) => n.endsWith(".edi"));

async function pollAll(wms: EdiX12Connector) {
  const first = await wms.pollDispatches(null);
  if (!first.ok) throw new Error(first.error.message);
  await wms.pollDispatches(first.value.nextCursor);
  return first.value;
}

describe("EDI X12: sending 940s", () => {
  it("transmits as .tmp renamed to .edi; the warehouse's 997 makes the order accepted", async () => {
    const order = await mapped("1");
    const wms = connector();
    const repo = new PrismaTransmissionRepository(database.db, sql);
    const deps = { warehouseOrders: repo, connectors: { forConnection: async () => ({ ok: true as const, connector: wms }) } };
    expect(await transmitWarehouseOrder(deps, { shop: SHOP, warehouseOrderId: order.warehouseOrderId })).toMatchObject({ status: "sent", accepted: false });
    const name = `${order.draft.idempotencyKey}.edi`;
    expect(sim.log).toEqual([{ op: "open-write", path: `/in/${order.draft.idempotencyKey}.tmp` }, { op: "rename", path: `/in/${order.draft.idempotencyKey}.tmp -> /in/${name}` }]);
    expect(sim.readFile(`/in/${name}`)).toMatch(/^ISA\*00\*.*\nGS\*OW\*LOADBAY\*GXOSIM\*.*\nST\*940\*0001~\nW05\*N\*/s);
    expect(await database.db.warehouseOrder.findUniqueOrThrow({ where: { id: order.warehouseOrderId } })).toMatchObject({ state: "transmitted", acceptedAt: null });

    expect(sim.pickUp()).toHaveLength(1);
    expect(sim.counters.answers).toBe(1);
    expect(await pollAll(wms)).toMatchObject({ items: [] });
    const row = await database.db.warehouseOrder.findUniqueOrThrow({ where: { id: order.warehouseOrderId } });
    expect(row).toMatchObject({ state: "accepted", transport: { x12: { interchange: 1, group: 1, transaction: 1, file: name }, acknowledgement: "accepted" } });
    expect(row.acceptedAt).not.toBeNull();
    // A 997 is never acknowledged, and a resubmit now answers from the stored acknowledgement without SFTP.
    expect(ediFiles("/in")).toEqual([]);
    const writes = sim.log.length;
    expect(await wms.submitOrder(order)).toEqual({ ok: true, value: { warehouseReference: null, alreadyThere: true, accepted: true } });
    expect(sim.log).toHaveLength(writes);
  });

  it("takes control numbers that go up across submits and survive a new connector instance; a resend is the same bytes", async () => {
    const [a, b, c] = [await mapped("1"), await mapped("2"), await mapped("3")];
    const first = connector();
    await first.submitOrder(a);
    await first.submitOrder(b);
    await connector().submitOrder(c);
    const names = [a, b, c].map((o) => `/in/${o.draft.idempotencyKey}.edi`);
    expect(names.map((n) => isa13(sim.readFile(n)))).toEqual(["000000001", "000000002", "000000003"]);
    expect(sim.readFile(names[2]!)).toContain("ST*940*0003~");
    const bytes = sim.readFile(names[0]!);
    expect(await connector().submitOrder(a)).toMatchObject({ ok: true, value: { alreadyThere: true } });
    expect(sim.readFile(names[0]!)).toBe(bytes);
    // Taken in, and Loadbay not told where it went: the resend is byte for byte the first (same ISA-13),
    // which the warehouse's duplicate check drops.
    sim.pickUp();
    expect(await connector({ processedFolder: undefined }).submitOrder(a)).toMatchObject({ ok: true, value: { alreadyThere: false } });
    expect(sim.readFile(names[0]!)).toBe(bytes);
    sim.pickUp();
    expect(sim.counters).toMatchObject({ duplicateFiles: 1, duplicates: 0 });
    const row = await database.db.warehouseConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.sequences).toEqual({ x12Interchange: 3, x12Group: 3, x12Transaction: 3 });
  });

  it("never hands out the same numbers twice, even to concurrent callers", async () => {
    const scope = { shop: SHOP, connectionId };
    const taken = (await Promise.all(Array.from({ length: 12 }, () => state.advance(scope, { x12Interchange: 1 }, 999_999_999)))).map((t) => t.x12Interchange ?? 0);
    expect(new Set(taken).size).toBe(12);
    expect(Math.max(...taken)).toBe(12);
    await database.db.warehouseConnection.update({ where: { id: connectionId }, data: { sequences: { x12Interchange: 999_999_999 } } });
    expect(await state.advance(scope, { x12Interchange: 1, x12Transaction: 2 }, 999_999_999)).toEqual({ x12Interchange: 1, x12Transaction: 2 });
  });

  it("a 940 the warehouse's 997 rejects blocks the order with an exception; after the fix the next send is a new file", async () => {
    const order = await mapped("9", "UNKNOWN-9");
    const wms = connector();
    await wms.submitOrder(order);
    await database.db.warehouseOrder.update({ where: { id: order.warehouseOrderId }, data: { state: "transmitted" } });
    sim.pickUp();
    expect(sim.counters).toMatchObject({ rejected: 1, answers: 1 });
    await pollAll(wms);
    const key = order.draft.idempotencyKey;
    const blocked = await database.db.warehouseOrder.findUniqueOrThrow({ where: { id: order.warehouseOrderId } });
    expect(blocked).toMatchObject({ state: "mapped", nextAttemptAt: null, transport: { attempt: 2, rejected: [{ x12: { interchange: 1, file: `${key}.edi` } }] } });
    expect(blocked.lastError).toContain("997 rejected (codes 5)");
    expect(await database.db.exceptionRecord.findFirst({ where: { shop: SHOP, key: `warehouse-rejected:${key}` } })).toMatchObject({ status: "open" });
    // Read again (before its cursor came back): nothing changes.
    await wms.pollDispatches(null);
    expect(await database.db.warehouseOrder.findUniqueOrThrow({ where: { id: order.warehouseOrderId } })).toMatchObject({ transport: { attempt: 2 } });

    // The merchant fixes the SKU and the order is re-mapped: a new interchange under a new name, once.
    const fixed = { ...order, draft: { ...order.draft, lines: order.draft.lines.map((l) => ({ ...l, warehouseSku: "WIDGET-1" })) } };
    expect(await wms.submitOrder(fixed)).toEqual({ ok: true, value: { warehouseReference: null, alreadyThere: false, accepted: false } });
    expect(isa13(sim.readFile(`/in/${key}-2.edi`))).toBe("000000002");
    expect(await wms.submitOrder(fixed)).toMatchObject({ ok: true, value: { alreadyThere: true } });
    sim.pickUp();
    expect(sim.ordersFor(key)).toHaveLength(1);
  });
});

describe("EDI X12: reading the warehouse's files", () => {
  it("a partial 945 in two parcels becomes one dispatch advice; the rest follows; each file is answered with a 997 once", async () => {
    const order = await mapped("1");
    const wms = connector();
    await wms.submitOrder(order);
    sim.pickUp();
    const key = order.draft.idempotencyKey;
    sim.dispatch(key, { parcels: [{ tracking: "1Z-A", lines: [{ sku: "WIDGET-1", quantity: 5 }] }, { tracking: "1Z-B", lines: [{ sku: "WIDGET-1", quantity: 3 }] }], carrier: "UPSN" });
    const page = await wms.pollDispatches(null);
    expect(page).toMatchObject({
      ok: true,
      value: { items: [{ shipmentId: "SHP-000001", orderReference: key, warehouseReference: "WH-1", carrier: "UPSN", trackingNumbers: ["1Z-A", "1Z-B"], lines: [{ warehouseSku: "WIDGET-1", quantity: 8 }], complete: false }] },
    });
    // One 997 for the 945 (and none for the warehouse's own 997).
    const acks = ediFiles("/in").filter((n) => n.startsWith("997-"));
    expect(acks).toHaveLength(1);
    expect(sim.readFile(`/in/${acks[0]}`)).toMatch(/AK1\*SW\*\d+~\nAK2\*945\*0001~\nAK5\*A~\nAK9\*A\*1\*1\*1~/);
    // Read again before the cursor came back (at least once): same advice, no second 997.
    expect((await wms.pollDispatches(null)).ok).toBe(true);
    expect(ediFiles("/in").filter((n) => n.startsWith("997-"))).toHaveLength(1);
    await wms.pollDispatches(page.ok ? page.value.nextCursor : null);

    sim.dispatch(key);
    expect(await pollAll(wms)).toMatchObject({ items: [{ shipmentId: "SHP-000002", lines: [{ warehouseSku: "WIDGET-1", quantity: 4 }], complete: true }] });
  });

  it("refuses a malformed file whole: a rejecting 997 goes back, an exception names the fault, nothing is applied, and later files still flow", async () => {
    const wms = connector({ partner: { qualifier: "ZZ", interchangeId: "GXOLEEDS" } });
    sim.putFile("/out/A_BAD.edi", fixture("945-se-count-wrong.edi"));
    sim.putFile("/out/B_GOOD.edi", fixture("945-partial.edi"));
    const page = await wms.pollDispatches(null);
    expect(page).toMatchObject({ ok: true, value: { items: [{ orderReference: "LB-1002-LEEDS-0-r0", shipmentId: "SHP-77002", complete: false }] } });
    if (page.ok) expect(page.value.items.map((i) => i.orderReference)).not.toContain("LB-1001-LEEDS-0-r0");
    const acks = ediFiles("/in").filter((n) => n.startsWith("997-"));
    const rejecting = acks.map((n) => sim.readFile(`/in/${n}`) ?? "").find((t) => t.includes("AK1*SW*301"));
    expect(rejecting).toMatch(/AK2\*945\*0001~\nAK5\*R\*4~\nAK9\*R\*1\*1\*0~/);
    const problem = await database.db.exceptionRecord.findFirst({ where: { shop: SHOP, kind: "edi-file-rejected" } });
    expect(problem).toMatchObject({ status: "open", orderId: null, message: expect.stringContaining("SE-01 of transaction set 945 0001 says") });
    expect(problem?.message).toContain("/out/A_BAD.edi");
    // Recorded with its page: never read (nor answered) again.
    await wms.pollDispatches(page.ok ? page.value.nextCursor : null);
    expect(await wms.pollDispatches(null)).toEqual({ ok: true, value: { items: [], nextCursor: null } });
    expect(ediFiles("/in").filter((n) => n.startsWith("997-"))).toHaveLength(2);
  });

  it("reads 846 snapshots and 947 adjustments from the same outbox, leaving dispatches to the dispatch poll", async () => {
    sim.setStock({ "WIDGET-1": 40 });
    const order = await mapped("1");
    const wms = connector();
    await wms.submitOrder(order);
    sim.pickUp();
    sim.dispatch(order.draft.idempotencyKey);
    const stock = await wms.pollStock(null);
    expect(stock).toMatchObject({
      ok: true,
      value: { items: [{ facilityCode: "SFTP1", warehouseSku: "WIDGET-1", freeQuantity: 40 }], adjustments: [{ facilityCode: "SFTP1", warehouseSku: "WIDGET-1", delta: -12, line: 1 }] },
    });
    expect(await wms.pollDispatches(null)).toMatchObject({ ok: true, value: { items: [{ orderReference: order.draft.idempotencyKey }] } });
    expect(wms.capabilities).toEqual({ dispatches: "poll", stock: { mode: "poll", kind: "both" }, cancel: false, amend: false, returns: false, acceptance: "on-acknowledgement" });
  });

  it("is offered as a provider whose form builds a working connector", async () => {
    const provider = PROVIDERS.find((p) => p.id === "edi_x12");
    const s = sim.ediConnectionSettings();
    const parsed = provider?.parse({
      host: s.host, port: String(s.port), username: s.username, password: s.password, hostKeyFingerprint: s.hostKeyFingerprint, ordersFolder: s.ordersFolder,
      dispatchFolder: s.dispatchFolder, usQualifier: "ZZ", usInterchangeId: s.us.interchangeId, partnerQualifier: "ZZ", partnerInterchangeId: s.partner.interchangeId, facilityCode: "SFTP1",
    });
    if (!provider || !parsed?.ok) throw new Error("the edi_x12 form did not parse");
    const built = provider.factory({ config: parsed.config, secrets: parsed.secrets, context: { shop: SHOP, connectionId, inboundFiles: ledger, transportState: state } });
    expect(await built.testConnection()).toMatchObject({ ok: true, value: { message: expect.stringContaining("Orders go to /in; Loadbay reads dispatches from /out and stock from /out.") } });
  });
});
