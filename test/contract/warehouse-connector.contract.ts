// The conformance suite every WarehouseConnector must pass, the fake included. A connector harness
// gives a fresh connector and a way to make the warehouse misbehave; the suite checks the contract's
// promises: idempotent submit (DESIGN.md invariant 2), the closed failure set, paged polls, and a
// connection test that answers.
import { describe, expect, it } from "vitest";
import { mapOrder } from "~/modules/mapping/map-order";
import type { OutboundOrder, WarehouseConnector } from "~/modules/transmission/warehouse-connector";
import { mappingSettings } from "../support/factories/mapping-settings";
import { orderFacts } from "../support/factories/order-facts";

export interface ConnectorHarness {
  connector: WarehouseConnector;
  /** How many orders the warehouse holds for this reference. */
  storedFor(reference: string): number;
  /** The next submit fails with a server error, with the order not stored. */
  failNextSubmit(): void;
  /** The next submit stores the order, then the answer is lost. */
  loseNextAnswer(): void;
  close(): Promise<void>;
}

export function outboundOrder(orderNumber = "1001"): OutboundOrder {
  const draft = mapOrder(orderFacts({ name: `#${orderNumber}` }), mappingSettings(), { orderNumber, revision: 0 }).warehouseOrders[0];
  if (!draft) throw new Error("the contract fixture did not map");
  return { shop: "contract.myshopify.com", warehouseOrderId: `wo-${orderNumber}`, draft };
}

export function describeConnectorContract(name: string, start: () => Promise<ConnectorHarness>): void {
  describe(`WarehouseConnector contract: ${name}`, () => {
    const withHarness = (test: (h: ConnectorHarness) => Promise<void>) => async () => {
      const harness = await start();
      try {
        await test(harness);
      } finally {
        await harness.close();
      }
    };

    it("accepts a new order and gives the warehouse's reference", withHarness(async (h) => {
      const order = outboundOrder("2001");
      const result = await h.connector.submitOrder(order);
      expect(result).toMatchObject({ ok: true, value: { alreadyThere: false } });
      expect(h.storedFor(order.draft.idempotencyKey)).toBe(1);
    }));

    it("never stores the same warehouse order twice; a resubmit is 'already there'", withHarness(async (h) => {
      const order = outboundOrder("2002");
      const first = await h.connector.submitOrder(order);
      const second = await h.connector.submitOrder(order);
      expect(second).toMatchObject({ ok: true, value: { alreadyThere: true } });
      if (first.ok && second.ok && first.value.warehouseReference) expect(second.value.warehouseReference).toBe(first.value.warehouseReference);
      expect(h.storedFor(order.draft.idempotencyKey)).toBe(1);
    }));

    it("a lost answer followed by a retry still leaves one order", withHarness(async (h) => {
      const order = outboundOrder("2003");
      h.loseNextAnswer();
      const lost = await h.connector.submitOrder(order);
      expect(lost).toMatchObject({ ok: false, error: { kind: "transient" } });
      expect(await h.connector.submitOrder(order)).toMatchObject({ ok: true, value: { alreadyThere: true } });
      expect(h.storedFor(order.draft.idempotencyKey)).toBe(1);
    }));

    it("classifies a server error as transient, and nothing is stored", withHarness(async (h) => {
      const order = outboundOrder("2004");
      h.failNextSubmit();
      expect(await h.connector.submitOrder(order)).toMatchObject({ ok: false, error: { kind: "transient" } });
      expect(h.storedFor(order.draft.idempotencyKey)).toBe(0);
    }));

    it("answers the connection test and the polls with pages", withHarness(async (h) => {
      expect(await h.connector.testConnection()).toMatchObject({ ok: true });
      const dispatches = await h.connector.pollDispatches(null);
      const stock = await h.connector.pollStock(null);
      for (const page of [dispatches, stock]) {
        expect(page.ok).toBe(true);
        if (page.ok) expect(Array.isArray(page.value.items)).toBe(true);
      }
    }));
  });
}
