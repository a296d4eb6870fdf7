// One contract suite, every connector: the in-memory fake and Mintsoft (against the warehouse
// simulator). Later connectors (CSV over SFTP, EDI, OrderWise) add their harness here.
import { MintsoftConnector } from "~/connectors/mintsoft/mintsoft-connector.server";
import type { OutboundOrder, WarehouseConnector } from "~/modules/transmission/warehouse-connector";
import { startWarehouseSim } from "../../tools/warehouse-sim";
import { describeConnectorContract } from "../contract/warehouse-connector.contract";
import { FakeConnector } from "../support/fakes/fake-connector";

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
