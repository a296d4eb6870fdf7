import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ShopifySimulator, SimShop } from "./index";
import { at, gql, startTestSimulator } from "./test-support";

const CREATE = `mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id status trackingInfo { company number url } } userErrors { field message } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillmentOrders(first: 5) { nodes { id status assignedLocation { location { id } } lineItems(first: 5) { nodes { id remainingQuantity totalQuantity } } } } } }`;
const HOLD = `mutation($id: ID!, $h: FulfillmentOrderHoldInput!) { fulfillmentOrderHold(id: $id, fulfillmentHold: $h) { fulfillmentHold { id handle } fulfillmentOrder { status } userErrors { field message code } } }`;

describe("fulfillment orders, fulfilments, holds and moves", () => {
  let sim: ShopifySimulator;
  let shop: SimShop;
  let token: string;
  let orderId: string;
  let foId: string;
  let lineIds: string[];

  beforeAll(async () => {
    sim = await startTestSimulator();
    shop = sim.createShop("fulfil.myshopify.com");
    token = sim.issueOfflineToken(shop.domain).accessToken;
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    const order = shop.scenarios.paidByCard();
    orderId = order.id;
    const fo = shop.fulfillmentOrders(orderId)[0];
    foId = fo?.id ?? "";
    lineIds = fo?.lineItems.map((l) => l.id) ?? [];
  });

  const fulfil = (lines: { id: string; quantity: number }[] | null, trackingInfo?: Record<string, unknown>) =>
    gql(sim, token, CREATE, { f: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: foId, ...(lines ? { fulfillmentOrderLineItems: lines } : {}) }], trackingInfo, notifyCustomer: true } });

  it("fulfils part then the rest: IN_PROGRESS and PARTIALLY_FULFILLED, then CLOSED and FULFILLED", async () => {
    const partial = await fulfil([{ id: lineIds[0] ?? "", quantity: 5 }], { company: "DPD", number: "TRK1", url: "https://track.example/TRK1" });
    expect(at(partial.body.data, "fulfillmentCreate", "fulfillment", "trackingInfo")).toEqual([{ company: "DPD", number: "TRK1", url: "https://track.example/TRK1" }]);
    let state = await gql(sim, token, ORDER, { id: orderId });
    expect(at(state.body.data, "order", "displayFulfillmentStatus")).toBe("PARTIALLY_FULFILLED");
    expect(at(state.body.data, "order", "fulfillmentOrders", "nodes", 0, "status")).toBe("IN_PROGRESS");
    expect(at(state.body.data, "order", "fulfillmentOrders", "nodes", 0, "lineItems", "nodes", 0)).toMatchObject({ remainingQuantity: 7, totalQuantity: 12 });
    await fulfil(null, { company: "DPD", numbers: ["TRK2", "TRK3"] });
    state = await gql(sim, token, ORDER, { id: orderId });
    expect(at(state.body.data, "order", "displayFulfillmentStatus")).toBe("FULFILLED");
    expect(at(state.body.data, "order", "fulfillmentOrders", "nodes", 0, "status")).toBe("CLOSED");
    expect(shop.fulfillments(orderId)[1]?.tracking.map((t) => t.number)).toEqual(["TRK2", "TRK3"]);
  });

  it("rejects over-fulfilment, wrong ids and both tracking forms with userErrors and changes nothing", async () => {
    const over = await fulfil([{ id: lineIds[0] ?? "", quantity: 13 }]);
    expect(at(over.body.data, "fulfillmentCreate")).toEqual({ fulfillment: null, userErrors: [{ field: ["fulfillment"], message: "Invalid fulfillment order line item quantity requested." }] });
    const wrongLine = await fulfil([{ id: "gid://shopify/FulfillmentOrderLineItem/999999", quantity: 1 }]);
    expect(at(wrongLine.body.data, "fulfillmentCreate", "userErrors", 0, "message")).toBe("Invalid fulfillment order line item id(s) provided.");
    foId = "gid://shopify/FulfillmentOrder/999999";
    const wrongFo = await fulfil(null);
    expect(at(wrongFo.body.data, "fulfillmentCreate", "userErrors", 0, "message")).toBe("Fulfillment order does not exist.");
    foId = shop.fulfillmentOrders(orderId)[0]?.id ?? "";
    const both = await fulfil(null, { number: "A", numbers: ["B"] });
    expect(at(both.body.data, "fulfillmentCreate", "userErrors", 0, "field")).toEqual(["fulfillment", "trackingInfo", "numbers"]);
    expect(shop.fulfillments(orderId)).toHaveLength(0);
    expect(shop.fulfillmentOrders(orderId)[0]?.lineItems[0]?.remainingQuantity).toBe(12);
  });

  it("applies the fulfilment and then drops the connection when the timeout fault is on", async () => {
    shop.faults.fulfillmentCreateTimeout = 1;
    await expect(fulfil(null)).rejects.toThrow();
    expect(shop.fulfillments(orderId)).toHaveLength(1);
    const retry = await fulfil(null);
    expect(at(retry.body.data, "fulfillmentCreate", "userErrors", 0, "message")).toMatch(/unfulfillable status= closed/);
  });

  it("holds up to 10 times per app, blocks fulfilment while held, and releases by id", async () => {
    const holdIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const held = await gql(sim, token, HOLD, { id: foId, h: { reason: "AWAITING_PAYMENT", reasonNotes: "on account", handle: `h${i}`, notifyMerchant: false } });
      holdIds.push(String(at(held.body.data, "fulfillmentOrderHold", "fulfillmentHold", "id")));
    }
    const duplicate = await gql(sim, token, HOLD, { id: foId, h: { reason: "OTHER", handle: "h1" } });
    expect(at(duplicate.body.data, "fulfillmentOrderHold", "userErrors", 0, "code")).toBe("FULFILLMENT_ORDER_HOLD_LIMIT_REACHED");
    expect(at((await fulfil(null)).body.data, "fulfillmentCreate", "userErrors", 0, "message")).toMatch(/unfulfillable status= on_hold/);
    const release = `mutation($id: ID!, $ids: [ID!]) { fulfillmentOrderReleaseHold(id: $id, holdIds: $ids) { fulfillmentOrder { status fulfillmentHolds { id } } userErrors { code message } } }`;
    const some = await gql(sim, token, release, { id: foId, ids: holdIds.slice(0, 9) });
    expect(at(some.body.data, "fulfillmentOrderReleaseHold", "fulfillmentOrder")).toEqual({ status: "ON_HOLD", fulfillmentHolds: [{ id: holdIds[9] }] });
    const dup = await gql(sim, token, HOLD, { id: foId, h: { reason: "OTHER", handle: "h9" } });
    expect(at(dup.body.data, "fulfillmentOrderHold", "userErrors", 0, "code")).toBe("DUPLICATE_FULFILLMENT_HOLD_HANDLE");
    const rest = await gql(sim, token, release, { id: foId });
    expect(at(rest.body.data, "fulfillmentOrderReleaseHold", "fulfillmentOrder", "status")).toBe("OPEN");
  });

  it("moves part of a fulfillment order to a new one with new ids, and a whole untouched one in place", async () => {
    const target = shop.locations().find((l) => !l.isPrimary)?.id ?? "";
    const move = `mutation($id: ID!, $to: ID!, $lines: [FulfillmentOrderLineItemInput!]) { fulfillmentOrderMove(id: $id, newLocationId: $to, fulfillmentOrderLineItems: $lines) { movedFulfillmentOrder { id status assignedLocation { location { id } } lineItems(first: 5) { nodes { id totalQuantity } } } originalFulfillmentOrder { id status lineItems(first: 5) { nodes { id totalQuantity } } } userErrors { message } } }`;
    const part = await gql(sim, token, move, { id: foId, to: target, lines: [{ id: lineIds[0], quantity: 4 }] });
    const moved = at(part.body.data, "fulfillmentOrderMove", "movedFulfillmentOrder");
    expect(at(moved, "id")).not.toBe(foId);
    expect(at(moved, "assignedLocation", "location", "id")).toBe(target);
    expect(at(moved, "lineItems", "nodes", 0, "totalQuantity")).toBe(4);
    expect(at(moved, "lineItems", "nodes", 0, "id")).not.toBe(lineIds[0]);
    expect(at(part.body.data, "fulfillmentOrderMove", "originalFulfillmentOrder", "lineItems", "nodes", 0, "totalQuantity")).toBe(8);
    const whole = shop.scenarios.paidByCard();
    const wholeFo = shop.fulfillmentOrders(whole.id)[0]?.id;
    const inPlace = await gql(sim, token, move, { id: wholeFo, to: target });
    expect(at(inPlace.body.data, "fulfillmentOrderMove", "movedFulfillmentOrder", "id")).toBe(wholeFo);
    shop.faults.moveAlwaysCreatesNewFulfillmentOrder = true;
    const back = await gql(sim, token, move, { id: wholeFo, to: shop.locations()[0]?.id });
    expect(at(back.body.data, "fulfillmentOrderMove", "movedFulfillmentOrder", "id")).not.toBe(wholeFo);
    expect(at(back.body.data, "fulfillmentOrderMove", "originalFulfillmentOrder", "status")).toBe("CLOSED");
    shop.faults.moveAlwaysCreatesNewFulfillmentOrder = false;
  });
});
