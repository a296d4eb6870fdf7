// One contract suite, every connector: the in-memory fake, Mintsoft, CSV over SFTP (also in Whistl's layout)
// and EDI X12 over SFTP (against the warehouse simulator, over HTTP and over a real SFTP server), and OrderWise
// (the simulator pulling from Loadbay's endpoint over HTTP).
import { CsvSftpConnector } from "~/connectors/csv-sftp/csv-sftp-connector.server";
import { EdiX12Connector } from "~/connectors/edi-x12/edi-x12-connector.server";
import { OrderWiseConnector } from "~/connectors/orderwise/orderwise-connector.server";
import { MintsoftConnector } from "~/connectors/mintsoft/mintsoft-connector.server";
import { WHISTL_DISPATCH_COLUMNS, WHISTL_ORDER_COLUMNS, WHISTL_STOCK_COLUMNS } from "~/connectors/whistl/whistl-profile";
import type { OutboundOrder, WarehouseConnector } from "~/modules/transmission/warehouse-connector";
import { startSftpWarehouseSim, startWarehouseSim } from "../../tools/warehouse-sim";
import { describeConnectorContract } from "../contract/warehouse-connector.contract";
import { FakeConnector } from "../support/fakes/fake-connector";
import { InMemoryInboundFileLedger } from "../support/fakes/inbound-files.fake";
import { InMemoryTransportState } from "../support/fakes/transport-state.fake";
import { InMemoryOrderPulls } from "../support/fakes/order-pull.fake";
import { startInboundEndpoint } from "../support/inbound-endpoint";
import { OrderWiseSim } from "../../tools/warehouse-sim/orderwise";
import { pino } from "pino";

describeConnectorContract("in-memory fake", async () => {
  const fake = new FakeConnector();
  return {
    connector: fake,
    storedFor: (reference) => (fake.orders.has(reference) ? 1 : 0),
    failNextSubmit: () => fake.script.push({ kind: "transient", message: "HTTP 503" }),
    loseNextAnswer: () => (fake.loseNextAnswer = true),
    close: async () => undefined,
  };
});

describeConnectorContract("Mintsoft", async () => {
  const sim = await startWarehouseSim({ seed: 5 });
  const mintsoft = new MintsoftConnector({ baseUrl: sim.url, ...sim.credentials, warehouseId: 3, facilityCode: "LEEDS", timeoutMs: 2_000 });
  // Sign in first, so a scripted fault hits the order call rather than the sign-in.
  await mintsoft.testConnection();
  // The simulator's faults last until cleared; the contract's are for the next submit only.
  let nextFault: "before" | "after" | null = null;
  const connector: WarehouseConnector = Object.assign(Object.create(mintsoft) as WarehouseConnector, {
    async submitOrder(order: OutboundOrder) {
      if (!nextFault) return mintsoft.submitOrder(order);
      sim.setFaults({ errorRate: 1, errorPhase: nextFault }, 1);
      nextFault = null;
      try {
        return await mintsoft.submitOrder(order);
      } finally {
        await sim.clearFaults();
      }
    },
  });
  return {
    connector,
    storedFor: (reference) => sim.ordersFor(reference).length,
    failNextSubmit: () => void (nextFault = "before"),
    loseNextAnswer: () => void (nextFault = "after"),
    close: () => sim.close(),
  };
});

/** The harness for a file connector against the SFTP warehouse simulator (CSV or X12). */
function overSftp(sim: Awaited<ReturnType<typeof startSftpWarehouseSim>>, connector: WarehouseConnector) {
  return {
    connector,
    // The warehouse takes in what is waiting (it scans its folder on a timer), then counts.
    storedFor: (reference: string) => {
      sim.pickUp();
      return sim.ordersFor(reference).length;
    },
    // The order file's upload is refused with SFTP FAILURE; the next rename is done, then the connection drops.
    failNextSubmit: () => void sim.setFaults({ errorRate: 1, errorOps: ["open-write"], errorPhase: "before", count: 1 }),
    loseNextAnswer: () => void sim.setFaults({ errorRate: 1, errorOps: ["rename"], errorPhase: "after", count: 1 }),
    close: () => sim.close(),
  };
}

describeConnectorContract("CSV over SFTP", async () => {
  const sim = await startSftpWarehouseSim({ seed: 5, pickupMs: null });
  const connector = new CsvSftpConnector(
    { ...sim.connectionSettings(), timeoutMs: 2_000 },
    { scope: { shop: "contract.myshopify.com", connectionId: "contract" }, ledger: new InMemoryInboundFileLedger() },
  );
  return overSftp(sim, connector);
});

describeConnectorContract("Whistl profile (CSV over SFTP in Whistl's layout)", async () => {
  // The simulated warehouse reads and writes Whistl's column names, as the Whistl provider configures them.
  const sim = await startSftpWarehouseSim({
    seed: 5,
    pickupMs: null,
    headers: {
      order: { reference: "OrderRef", sku: "SKU", quantity: "Qty" },
      dispatch: { shipmentId: "DespatchNo", orderReference: "OrderRef", shippedAt: "DespatchDate", carrier: "Carrier", trackingNumber: "TrackingNo", sku: "SKU", quantity: "QtyDespatched" },
      stock: { sku: "SKU", freeQuantity: "FreeStock", asOf: "StockDate" },
    },
  });
  const columns = { orders: WHISTL_ORDER_COLUMNS, dispatches: WHISTL_DISPATCH_COLUMNS, stock: WHISTL_STOCK_COLUMNS };
  const connector = new CsvSftpConnector(
    { ...sim.connectionSettings(), columns, timeoutMs: 2_000 },
    { scope: { shop: "contract.myshopify.com", connectionId: "contract-whistl" }, ledger: new InMemoryInboundFileLedger() },
  );
  return overSftp(sim, connector);
});

describeConnectorContract("EDI X12 over SFTP", async () => {
  const sim = await startSftpWarehouseSim({ seed: 5, pickupMs: null, format: "x12" });
  const connector = new EdiX12Connector(
    { ...sim.ediConnectionSettings(), timeoutMs: 2_000 },
    { scope: { shop: "contract.myshopify.com", connectionId: "contract" }, ledger: new InMemoryInboundFileLedger(), state: new InMemoryTransportState() },
  );
  return overSftp(sim, connector);
});

/** The transport state, failing the next `keep` before storing (a lost write) or after it (a lost answer). */
class FaultyTransportState extends InMemoryTransportState {
  nextFault: "before" | "after" | null = null;

  override async keep(...args: Parameters<InMemoryTransportState["keep"]>) {
    const fault = this.nextFault;
    this.nextFault = null;
    if (fault === "before") throw new Error("connection terminated unexpectedly");
    const kept = await super.keep(...args);
    if (fault === "after") throw new Error("connection terminated unexpectedly");
    return kept;
  }
}

describeConnectorContract("OrderWise (pulled over HTTP by the simulator)", async () => {
  const scope = { shop: "contract.myshopify.com", connectionId: "contract" };
  const state = new FaultyTransportState();
  const pulls = new InMemoryOrderPulls(state);
  const orderWise = new OrderWiseConnector({ facilityCode: "LEEDS" }, { scope, state });
  const target = { ...scope, name: "OrderWise", auth: { mode: "basic" as const, username: "orderwise" }, secret: "pull-secret" };
  const endpoint = await startInboundEndpoint({
    inbound: { target: async (id) => (id === scope.connectionId ? target : null), raiseUnreadable: async () => undefined, store: async () => ({ dispatchIds: [], stockRows: 0 }), setAuth: async () => false },
    connectors: { forConnection: async () => ({ ok: true, connector: orderWise }) },
    pulls, transportState: state, dispatchQueue: { enqueueDispatch: async () => undefined }, log: pino({ level: "silent" }), now: () => new Date(),
  });
  const sim = new OrderWiseSim({ baseUrl: `${endpoint.url}/${scope.connectionId}`, username: "orderwise", password: "pull-secret" });
  // Each submit is followed by one OrderWise poll, so "stored" is what OrderWise took in.
  const connector: WarehouseConnector = Object.assign(Object.create(orderWise) as WarehouseConnector, {
    async submitOrder(order: OutboundOrder) {
      pulls.drafts.set(order.warehouseOrderId, order.draft);
      const result = await orderWise.submitOrder(order);
      await sim.pullOnce();
      return result;
    },
  });
  return {
    connector,
    storedFor: (reference) => sim.ordersFor(reference).length,
    failNextSubmit: () => void (state.nextFault = "before"),
    loseNextAnswer: () => void (state.nextFault = "after"),
    close: () => endpoint.close(),
  };
});
