import { describe, expect, it } from "vitest";
import { InMemoryTransportState } from "../../../test/support/fakes/transport-state.fake";
import { OrderWiseConnector } from "./orderwise-connector.server";
import { owDraft } from "./fixtures";

const scope = { shop: "ow.myshopify.com", connectionId: "conn-ow" };
const NOW = new Date("2026-11-23T09:00:00Z");
const order = { shop: scope.shop, warehouseOrderId: "wo-1", draft: owDraft() };
const make = (state = new InMemoryTransportState()) => ({ state, ow: new OrderWiseConnector({ facilityCode: "LEEDS" }, { scope, state, now: () => NOW }) });

describe("OrderWise connector", () => {
  it("queues an order once: the first submit is transmitted, later ones 'already there', accepted after the acknowledgement", async () => {
    const { state, ow } = make();
    expect(await ow.submitOrder(order)).toEqual({ ok: true, value: { warehouseReference: null, alreadyThere: false, accepted: false } });
    expect(await state.recall(scope, "wo-1")).toEqual({ pull: { reference: "LB-1001-LEEDS-0-r0", queuedAt: NOW.toISOString() } });
    expect(await ow.submitOrder(order)).toMatchObject({ ok: true, value: { alreadyThere: true, accepted: false } });
    await state.acknowledge(scope, [{ match: { pull: { reference: "LB-1001-LEEDS-0-r0" } }, accepted: true, message: "Accepted." }]);
    expect(await ow.submitOrder(order)).toMatchObject({ ok: true, value: { alreadyThere: true, accepted: true } });
  });

  it("queues afresh after a rejection retired the queue entry", async () => {
    const { state, ow } = make();
    await ow.submitOrder(order);
    await state.acknowledge(scope, [{ match: { pull: { reference: "LB-1001-LEEDS-0-r0" } }, accepted: false, message: "Unknown product" }]);
    expect(await ow.submitOrder(order)).toMatchObject({ ok: true, value: { alreadyThere: false } });
  });

  it("a storage failure is transient", async () => {
    const state = new InMemoryTransportState();
    state.keep = async () => Promise.reject(new Error("connection terminated"));
    expect(await make(state).ow.submitOrder(order)).toMatchObject({ ok: false, error: { kind: "transient", message: expect.stringContaining("connection terminated") } });
  });

  it("reads pushes by kind and refuses unreadable ones in OrderWise's terms; never cancels", async () => {
    const { ow } = make();
    expect(ow.receivePush({ kind: "stock", contentType: null, body: "<stockLevels><stockLevel><productCode>A</productCode><freeStock>3</freeStock></stockLevel></stockLevels>" }))
      .toEqual({ ok: true, value: { dispatches: [], stock: [{ facilityCode: "LEEDS", warehouseSku: "A", freeQuantity: 3, asOf: NOW }] } });
    expect(ow.receivePush({ kind: "dispatches", contentType: null, body: "<stockLevels/>" })).toMatchObject({ ok: false, error: { kind: "rejected", message: expect.stringMatching(/OrderWise despatch/) } });
    expect(await ow.cancelOrder(order)).toMatchObject({ ok: false, error: { kind: "rejected" } });
    expect(ow.capabilities).toMatchObject({ dispatches: "push", stock: { mode: "push", kind: "snapshot" }, cancel: false, amend: false, acceptance: "on-acknowledgement" });
  });

  it("the connection test says whether and when OrderWise last pulled", async () => {
    const { state, ow } = make();
    expect(await ow.testConnection()).toMatchObject({ ok: true, value: { message: expect.stringMatching(/has not pulled/) } });
    await state.stamp(scope, "lastPulledAt", new Date("2026-11-23T08:59:00Z"));
    expect(await ow.testConnection()).toMatchObject({ ok: true, value: { message: "OrderWise last pulled orders at 2026-11-23T08:59:00.000Z." } });
  });

  it("renders a pull batch and reads acknowledgements through its pull side", () => {
    const { ow } = make();
    expect(ow.pull.batchSize).toBe(50);
    expect(ow.pull.renderOrders([order])).toMatchObject({ contentType: expect.stringContaining("xml"), body: expect.stringContaining("<orderReference>LB-1001-LEEDS-0-r0</orderReference>") });
    expect(ow.pull.readAcknowledgements("<nope")).toMatchObject({ ok: false, error: { kind: "rejected" } });
  });
});
