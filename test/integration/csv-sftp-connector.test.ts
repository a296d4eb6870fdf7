// The CSV-over-SFTP connector against the SFTP warehouse simulator (tools/warehouse-sim/sftp): a real SSH
// server on loopback, the host key pinned, files written as .tmp and renamed, dispatch and stock files
// read once by name and content hash through the PostgreSQL ledger.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CsvSftpConnector } from "~/connectors/csv-sftp/csv-sftp-connector.server";
import type { CsvSftpConfigInput } from "~/connectors/csv-sftp/csv-sftp-config";
import { renderOrderFile } from "~/connectors/csv-sftp/order-file";
import { DEFAULT_ORDER_COLUMNS } from "~/connectors/csv-sftp/column-maps";
import { PROVIDERS } from "~/connectors/providers.server";
import { StoredConnectorRegistry } from "~/connectors/registry.server";
import type { OutboundOrder } from "~/connectors/warehouse-connector";
import { createSecretBox } from "~/lib/crypto.server";
import { createSql } from "~/lib/sql.server";
import { mapOrder } from "~/modules/mapping/map-order";
import { PrismaConnectionRepository } from "~/persistence/connections.repo.server";
import { PrismaInboundFileLedger } from "~/persistence/inbound-files.repo.server";
import { SqlTransportState } from "~/persistence/transport-state.repo.server";
import { startSftpWarehouseSim, type SftpWarehouseSim, type SftpWarehouseSimOptions } from "../../tools/warehouse-sim";
import { generateKeyPair } from "../../tools/warehouse-sim/sftp/sftp-sim";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { mappingSettings } from "../support/factories/mapping-settings";
import { orderFacts } from "../support/factories/order-facts";
import { TEST_ENV } from "../support/test-env";

const SHOP = "csv-sftp.myshopify.com";
const OTHER_SHOP = "csv-sftp-other.myshopify.com";
const KEY = "LB-1001-LEEDS-0-r0";
let database: TestDatabase;
let ledger: PrismaInboundFileLedger;
let connectionId: string;
let otherConnectionId: string;
let sim: SftpWarehouseSim;

beforeAll(async () => {
  database = await createTestDatabase("csvsftp");
  ledger = new PrismaInboundFileLedger(database.db);
  for (const shop of [SHOP, OTHER_SHOP]) await database.db.shop.create({ data: { domain: shop } });
});
afterAll(() => database.drop());

const startSim = async (options: SftpWarehouseSimOptions = {}) => {
  sim = await startSftpWarehouseSim({ products: ["WIDGET-1", "WIDGET-2"], pickupMs: null, ...options });
};
// Each test gets its own connections: every simulator names its first file DSP_000001.csv.
let connections = 0;
beforeEach(async () => {
  connections++;
  connectionId = (await database.db.warehouseConnection.create({ data: { shop: SHOP, name: `Files ${connections}`, provider: "csv_sftp" } })).id;
  otherConnectionId = (await database.db.warehouseConnection.create({ data: { shop: OTHER_SHOP, name: `Files ${connections}`, provider: "csv_sftp" } })).id;
  await startSim();
});
afterEach(() => sim.close());

function outbound(facts = orderFacts(), revision = 0): OutboundOrder {
  const draft = mapOrder(facts, mappingSettings(), { orderNumber: "1001", revision }).warehouseOrders[0];
  if (!draft) throw new Error("fixture did not map");
  return { shop: SHOP, warehouseOrderId: "wo_1", draft };
}

const connector = (over: Partial<CsvSftpConfigInput> = {}, scope = { shop: SHOP, connectionId }) =>
  new CsvSftpConnector({ ...sim.connectionSettings(), timeoutMs: 2_000, ...over }, { scope, ledger });

const delivered = { warehouseReference: null, alreadyThere: false, accepted: false };

describe("CSV over SFTP: sending orders", () => {
  it("writes <key>.tmp, renames it to <key>.csv, and the warehouse takes the order in once", async () => {
    expect(await connector().submitOrder(outbound())).toEqual({ ok: true, value: delivered });
    expect(sim.log).toEqual([
      { op: "open-write", path: `/orders/${KEY}.tmp` },
      { op: "rename", path: `/orders/${KEY}.tmp -> /orders/${KEY}.csv` },
    ]);
    expect(sim.readFile(`/orders/${KEY}.csv`)).toBe(renderOrderFile(outbound().draft, DEFAULT_ORDER_COLUMNS, true));
    sim.pickUp();
    const [order, ...more] = sim.ordersFor(KEY);
    expect(more).toEqual([]);
    expect(order).toMatchObject({ fileName: `${KEY}.csv`, lines: [{ sku: "WIDGET-1", quantity: 12 }], fields: { po_number: "PO-1", ship_postcode: "LS1 1AA", service_code: "NDAY" } });
    expect(sim.listFiles("/orders/processed")).toEqual([`${KEY}.csv`]);
  });

  it("names files by the idempotency key: a resubmit is 'already there' before and after the warehouse took it in", async () => {
    const wms = connector();
    await wms.submitOrder(outbound());
    expect(await wms.submitOrder(outbound())).toEqual({ ok: true, value: { ...delivered, alreadyThere: true } });
    sim.pickUp();
    // Moved to the processed folder: the warehouse's acknowledgement, so now also accepted.
    expect(await wms.submitOrder(outbound())).toEqual({ ok: true, value: { ...delivered, alreadyThere: true, accepted: true } });
    expect(sim.log.filter((e) => e.op === "open-write")).toHaveLength(1);
    expect(await wms.submitOrder(outbound(orderFacts(), 1))).toEqual({ ok: true, value: delivered });
    sim.pickUp();
    expect(sim.counters).toMatchObject({ filesReceived: 2, duplicateFiles: 0, duplicates: 0 });
    expect(sim.ordersFor(KEY)).toHaveLength(1);
    expect(sim.ordersFor("LB-1001-LEEDS-0-r1")).toHaveLength(1);
  });

  it("never lets the warehouse pick up a .tmp: a failed rename leaves one it ignores, and the retry completes", async () => {
    await sim.setFaults({ errorRate: 1, errorOps: ["rename"], count: 1 });
    expect(await connector().submitOrder(outbound())).toMatchObject({ ok: false, error: { kind: "transient", message: expect.stringContaining(`renaming /orders/${KEY}.tmp`) } });
    expect(sim.listFiles("/orders")).toEqual([`${KEY}.tmp`]);
    expect(sim.pickUp()).toEqual([]);
    expect(sim.counters.filesReceived).toBe(0);
    expect(await connector().submitOrder(outbound())).toEqual({ ok: true, value: delivered });
    expect(sim.pickUp()).toHaveLength(1);
  });

  it("a lost answer after the rename is retried as 'already there': one order at the warehouse", async () => {
    await sim.setFaults({ errorRate: 1, errorOps: ["rename"], errorPhase: "after", count: 1 });
    expect(await connector().submitOrder(outbound())).toMatchObject({ ok: false, error: { kind: "transient", message: expect.stringContaining("closed the connection") } });
    sim.pickUp();
    expect(await connector().submitOrder(outbound())).toMatchObject({ ok: true, value: { alreadyThere: true } });
    sim.pickUp();
    expect(sim.ordersFor(KEY)).toHaveLength(1);
    expect(sim.counters).toMatchObject({ filesReceived: 1, duplicateFiles: 0 });
  });

  it("without a processed folder, a resubmit after the warehouse deleted the file is caught by its name check only", async () => {
    await sim.close();
    await startSim({ archive: "delete" });
    const wms = connector({ processedFolder: undefined });
    await wms.submitOrder(outbound());
    sim.pickUp();
    // The file is gone and nothing says where: Loadbay sends the same name again (ADR 0014).
    expect(await wms.submitOrder(outbound())).toEqual({ ok: true, value: delivered });
    sim.pickUp();
    expect(sim.counters).toMatchObject({ filesReceived: 2, duplicateFiles: 1, duplicates: 0 });
    expect(sim.ordersFor(KEY)).toHaveLength(1);
  });

  it("two submits of one order at once leave one file with the right content (a rename never replaces a file)", async () => {
    const results = await Promise.all([connector().submitOrder(outbound()), connector().submitOrder(outbound())]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.value.alreadyThere)).toHaveLength(1);
    expect(sim.readFile(`/orders/${KEY}.csv`)).toBe(renderOrderFile(outbound().draft, DEFAULT_ORDER_COLUMNS, true));
    sim.pickUp();
    expect(sim.ordersFor(KEY)).toHaveLength(1);
  });

  it("a write the server fails is transient, and nothing reaches the warehouse", async () => {
    await sim.setFaults({ errorRate: 1, errorOps: ["open-write"], count: 1 });
    expect(await connector().submitOrder(outbound())).toMatchObject({ ok: false, error: { kind: "transient", message: expect.stringContaining(`writing /orders/${KEY}.tmp`) } });
    sim.pickUp();
    expect(sim.ordersFor(KEY)).toEqual([]);
  });

  it("reports a file the warehouse refused as rejected, in the warehouse's words", async () => {
    const facts = orderFacts({ lines: [{ lineItemId: "gid://shopify/LineItem/9", sku: "UNKNOWN-9", title: "?", quantity: 1, variantId: null, packSize: null }] });
    expect(await connector().submitOrder(outbound(facts))).toMatchObject({ ok: true });
    sim.pickUp();
    expect(sim.counters.rejected).toBe(1);
    expect(await connector().submitOrder(outbound(facts))).toMatchObject({
      ok: false, error: { kind: "rejected", message: `The warehouse refused the order file ${KEY}.csv: “Line 2: Product not found with SKU: UNKNOWN-9”.` },
    });
  });

  it("follows a warehouse's own columns both ways", async () => {
    await sim.close();
    await startSim({ headers: { order: { reference: "Ref", sku: "Item", quantity: "Qty" }, dispatch: { orderReference: "Ref", sku: "Item", quantity: "Qty", shipmentId: "Consignment" } } });
    const wms = connector({
      columns: {
        orders: [{ header: "Ref", field: "reference" }, { header: "Item", field: "sku" }, { header: "Qty", field: "quantity" }, { header: "PO", field: "ref:poNumber" }],
        dispatches: { shipmentId: "Consignment", orderReference: "Ref", sku: "Item", quantity: "Qty", trackingNumber: "tracking_number" },
      },
    });
    await wms.submitOrder(outbound());
    expect(sim.pickUp()).toMatchObject([{ reference: KEY, lines: [{ sku: "WIDGET-1", quantity: 12 }], fields: { PO: "PO-1" } }]);
    sim.dispatch(KEY, { tracking: { number: "T1" } });
    expect(await wms.pollDispatches(null)).toMatchObject({ ok: true, value: { items: [{ orderReference: KEY, trackingNumbers: ["T1"], lines: [{ warehouseSku: "WIDGET-1", quantity: 12 }] }] } });
  });
});

describe("CSV over SFTP: the server and the credentials", () => {
  it("refuses a server whose host key is not the pinned one, naming both, before the password is sent", async () => {
    const result = await connector({ hostKeyFingerprint: sim.otherHostKeyFingerprint }).submitOrder(outbound());
    expect(result).toMatchObject({ ok: false, error: { kind: "auth-failed" } });
    if (!result.ok) {
      expect(result.error.message).toContain(`presented the host key ${sim.hostKeyFingerprint}, but this connection is pinned to ${sim.otherHostKeyFingerprint}`);
    }
    expect(sim.logins).toEqual([]);
    expect(sim.log).toEqual([]);
  });

  it("reports a wrong password as auth-failed, naming the user and never the password", async () => {
    const wms = connector();
    sim.setPassword("changed");
    const result = await wms.testConnection();
    expect(result).toMatchObject({ ok: false, error: { kind: "auth-failed", message: expect.stringContaining("refused user “loadbay” with the configured password") } });
    expect(JSON.stringify(result)).not.toContain("sim-password");
    expect(sim.logins.some((l) => l.method === "password" && !l.accepted)).toBe(true);
  });

  it("logs in with a private key", async () => {
    const keys = generateKeyPair();
    await sim.close();
    await startSim({ authorizedKeys: [keys.public] });
    const result = await connector({ password: undefined, privateKey: keys.private }).testConnection();
    expect(result).toMatchObject({ ok: true, value: { message: expect.stringContaining(`the host key matches ${sim.hostKeyFingerprint}`) } });
    expect(sim.logins.filter((l) => l.accepted)).toEqual([{ username: "loadbay", method: "publickey", accepted: true }]);
  });

  it("tests the connection: every folder exists, and the orders folder takes a file (which is removed again)", async () => {
    expect(await connector().testConnection()).toMatchObject({ ok: true, value: { message: expect.stringContaining("Orders go to /orders; Loadbay reads dispatches from /dispatches and stock from /stock.") } });
    expect(sim.log.map((e) => e.op)).toEqual(["open-write", "remove"]);
    expect(sim.log[0]?.path).toMatch(/^\/orders\/\.loadbay-connection-test-.*\.tmp$/);
    expect(sim.listFiles("/orders")).toEqual([]);
    expect(sim.pickUp()).toEqual([]);
  });

  it.each([
    ["a missing dispatch folder", { dispatchFolder: "/nowhere" }, "rejected", "The dispatch folder /nowhere does not exist on the SFTP server"],
    ["an orders folder that is a file", { ordersFolder: "/orders/readme.txt" }, "rejected", "The orders folder /orders/readme.txt is a file, not a folder"],
  ])("names %s", async (_name, over, kind, message) => {
    sim.putFile("/orders/readme.txt", "hello");
    expect(await connector(over).testConnection()).toMatchObject({ ok: false, error: { kind, message: expect.stringContaining(message) } });
  });

  it("names an orders folder the user may not write to, in the test and when sending", async () => {
    sim.setReadOnly("/orders");
    const denied = { ok: false, error: { kind: "rejected", message: expect.stringContaining("does not let user “loadbay” use the folder /orders (permission denied") } };
    expect(await connector().testConnection()).toMatchObject(denied);
    expect(await connector().submitOrder(outbound())).toMatchObject(denied);
  });

  it("names a host that does not exist (DNS)", async () => {
    // .invalid never resolves (RFC 6761), so this needs no network.
    expect(await connector({ host: "sftp.warehouse.invalid" }).testConnection()).toMatchObject({
      ok: false, error: { kind: "transient", message: "The SFTP host “sftp.warehouse.invalid” could not be found (DNS lookup failed). Check the host name in the connection settings." },
    });
  });

  it.each([
    ["refused connections", { outage: { mode: "refuse" as const } }, "refused the connection"],
    ["a server that never greets", { outage: { mode: "hang" as const } }, "did not answer within 0.3 s while Loadbay was connecting"],
    ["a slow server", { latencyMs: 800 }, "did not answer within 0.3 s while Loadbay was checking /orders/"],
  ])("sorts %s as transient, and works again after", async (_name, faults, message) => {
    await sim.setFaults(faults);
    const slow = connector({ timeoutMs: 300 });
    expect(await slow.submitOrder(outbound())).toMatchObject({ ok: false, error: { kind: "transient", message: expect.stringContaining(message) } });
    await sim.clearFaults();
    expect(await slow.submitOrder(outbound())).toMatchObject({ ok: true });
  });
});

describe("CSV over SFTP: dispatches and stock", () => {
  async function sent() {
    await connector().submitOrder(outbound(orderFacts({ lines: [{ lineItemId: "gid://shopify/LineItem/1", sku: "WIDGET-1", title: "W", quantity: 12, variantId: null, packSize: null }] })));
    sim.pickUp();
  }

  it("reads a partial shipment in two parcels, then the rest, each once", async () => {
    await sent();
    const wms = connector();
    sim.dispatch(KEY, { parcels: [{ tracking: "T1", lines: [{ sku: "WIDGET-1", quantity: 5 }] }, { tracking: "T2", lines: [{ sku: "WIDGET-1", quantity: 3 }] }], carrier: "DPD" });
    const first = await wms.pollDispatches(null);
    expect(first).toMatchObject({
      ok: true,
      value: { items: [{ shipmentId: "SHP-000001", orderReference: KEY, warehouseReference: "WH-1", carrier: "DPD", trackingNumbers: ["T1", "T2"], lines: [{ warehouseSku: "WIDGET-1", quantity: 8 }], complete: false }] },
    });
    const cursor = first.ok ? first.value.nextCursor : null;
    expect(await wms.pollDispatches(cursor)).toEqual({ ok: true, value: { items: [], nextCursor: null } });
    sim.dispatch(KEY);
    expect(await wms.pollDispatches(null)).toMatchObject({ ok: true, value: { items: [{ shipmentId: "SHP-000002", lines: [{ warehouseSku: "WIDGET-1", quantity: 4 }], complete: true }] } });
  });

  it("takes a file in once: seen again (even by a new connector) it yields nothing; changed under the same name it is read again", async () => {
    await sent();
    const { path } = sim.dispatch(KEY, { tracking: { number: "TRACK-ONE" } });
    const first = await connector().pollDispatches(null);
    expect(first.ok && first.value.items).toHaveLength(1);
    expect(await connector().pollDispatches(first.ok ? first.value.nextCursor : null)).toMatchObject({ ok: true, value: { items: [] } });
    expect(await connector().pollDispatches(null)).toMatchObject({ ok: true, value: { items: [] } });
    expect(sim.listFiles("/dispatches")).toEqual([path.split("/").pop()]);
    expect(await database.db.inboundFile.count({ where: { shop: SHOP, connectionId, name: path } })).toBe(1);

    sim.putFile(path, (sim.readFile(path) ?? "").replace(/TRACK-ONE/g, "TRACK-ONE-CORRECTED"));
    const changed = await connector().pollDispatches(null);
    expect(changed).toMatchObject({ ok: true, value: { items: [{ shipmentId: "SHP-000001", trackingNumbers: ["TRACK-ONE-CORRECTED"] }] } });
  });

  it("reads a page again until its cursor comes back (at least once), and never crosses connections", async () => {
    await sent();
    sim.dispatch(KEY);
    const again = [await connector().pollDispatches(null), await connector().pollDispatches(null)];
    expect(again.map((r) => r.ok && r.value.items.length)).toEqual([1, 1]);
    const cursor = again[0]?.ok ? again[0].value.nextCursor : null;
    await connector().pollDispatches(cursor);
    expect(await connector().pollDispatches(null)).toMatchObject({ ok: true, value: { items: [] } });
    // The other shop's connection to the same server has acknowledged nothing.
    const other = connector({}, { shop: OTHER_SHOP, connectionId: otherConnectionId });
    expect(await other.pollDispatches(null)).toMatchObject({ ok: true, value: { items: [{ orderReference: KEY }] } });
  });

  it("hands on the files before one it cannot read, then names that file; a fixed copy is read", async () => {
    const header = "shipment_id,order_reference,warehouse_reference,shipped_at,carrier,tracking_number,tracking_url,sku,quantity,complete";
    sim.putFile("/dispatches/A_1.csv", `${header}\r\nS1,${KEY},,,,T1,,WIDGET-1,1,N\r\n`);
    sim.putFile("/dispatches/B_2.csv", `${header}\r\nS2,${KEY},,,,T2,,WIDGET-1,lots,N\r\n`);
    const wms = connector();
    const first = await wms.pollDispatches(null);
    expect(first).toMatchObject({ ok: true, value: { items: [{ shipmentId: "S1" }] } });
    const cursor = first.ok ? first.value.nextCursor : null;
    expect(await wms.pollDispatches(cursor)).toMatchObject({
      ok: false, error: { kind: "rejected", message: "Loadbay cannot read the dispatch file /dispatches/B_2.csv: on line 2, the quantity “lots” is not a whole number above 0." },
    });
    sim.putFile("/dispatches/B_2.csv", `${header}\r\nS2,${KEY},,,,T2,,WIDGET-1,2,N\r\n`);
    expect(await wms.pollDispatches(cursor)).toMatchObject({ ok: true, value: { items: [{ shipmentId: "S2", lines: [{ warehouseSku: "WIDGET-1", quantity: 2 }] }] } });
  });

  it("pages: at most maxFilesPerPoll files at a time, oldest first", async () => {
    for (const sku of ["A", "B", "C"]) sim.setStock({ [sku]: 1 });
    const wms = connector({ maxFilesPerPoll: 2 });
    const first = await wms.pollStock(null);
    expect(first.ok && first.value.items.map((i) => i.warehouseSku)).toEqual(["A", "A", "B"]);
    const second = await wms.pollStock(first.ok ? first.value.nextCursor : null);
    expect(second.ok && second.value.items.map((i) => i.warehouseSku)).toEqual(["A", "B", "C"]);
  });

  it("reads stock snapshots, and the stock movement a shipment causes", async () => {
    sim.setStock({ "WIDGET-1": 40, "WIDGET-2": 0 });
    const wms = connector();
    const first = await wms.pollStock(null);
    expect(first).toMatchObject({
      ok: true,
      value: { items: [{ facilityCode: "SFTP1", warehouseSku: "WIDGET-1", freeQuantity: 40 }, { facilityCode: "SFTP1", warehouseSku: "WIDGET-2", freeQuantity: 0 }] },
    });
    await sent();
    sim.dispatch(KEY);
    const after = await wms.pollStock(first.ok ? first.value.nextCursor : null);
    expect(after.ok && after.value.items.map((i) => [i.warehouseSku, i.freeQuantity])).toEqual([["WIDGET-1", 28], ["WIDGET-2", 0]]);
    expect(wms.capabilities).toMatchObject({ dispatches: "poll", stock: { mode: "poll", kind: "snapshot" }, cancel: false, acceptance: "on-acknowledgement" });
  });
});

describe("CSV over SFTP: set up in the admin", () => {
  it("a connection saved from the form is sealed, built by the registry, and works", async () => {
    const provider = PROVIDERS.find((p) => p.id === "csv_sftp");
    if (!provider) throw new Error("no csv_sftp provider");
    const settings = sim.connectionSettings();
    const form = Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)]));
    const parsed = provider.parse(form);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const box = createSecretBox(TEST_ENV.ENCRYPTION_KEY);
    const created = await new PrismaConnectionRepository(database.db, box).create(SHOP, { name: "GXO files", provider: "csv_sftp", config: parsed.config, secrets: parsed.secrets });
    if (!created.ok) throw new Error(created.reason);
    const row = await database.db.warehouseConnection.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row.config)).not.toContain(sim.credentials.password);
    expect(row.secrets).not.toContain(sim.credentials.password);

    const sql = createSql(database.url);
    const registry = new StoredConnectorRegistry(sql, box, Object.fromEntries(PROVIDERS.map((p) => [p.id, p.factory])), { inboundFiles: ledger, transportState: new SqlTransportState(sql) });
    const found = await registry.forConnection(SHOP, created.id);
    await sql.close();
    if (!found.ok) throw new Error(found.message);
    expect(await found.connector.testConnection()).toMatchObject({ ok: true });
    sim.setStock({ "WIDGET-1": 3 });
    const page = await found.connector.pollStock(null);
    await found.connector.pollStock(page.ok ? page.value.nextCursor : null);
    expect(await database.db.inboundFile.findMany({ where: { shop: SHOP, connectionId: created.id }, select: { kind: true, name: true } })).toEqual([{ kind: "stock", name: "/stock/STK_000001.csv" }]);
  });
});
