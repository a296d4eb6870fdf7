// The order-details block's view model (extensions/loadbay-order-block/src/view-model.ts): what the
// admin shows for each answer of the backend. Table-tested, no mocks.
import { describe, expect, it } from "vitest";
import {
  actionOutcome,
  blockApiPath,
  numericOrderId,
  orderView,
  viewFromResponse,
  type OrderSummary,
} from "../../extensions/loadbay-order-block/src/view-model";

const summary = (over: Partial<OrderSummary> = {}): OrderSummary => ({
  id: "6f1c2a9e-0000-4000-8000-000000000001",
  name: "#1001",
  state: "held",
  holdReasons: ["Awaiting payment: the order is not paid."],
  manual: null,
  pendingEvaluation: false,
  dryRun: false,
  exceptions: [],
  warehouseOrders: [],
  ...over,
});

describe("numericOrderId / blockApiPath", () => {
  it.each([
    ["gid://shopify/Order/820982911946154500", "820982911946154500"],
    ["gid://shopify/DraftOrder/12", null],
    ["gid://shopify/Order/12/x", null],
    ["12", null],
    [undefined, null],
  ])("%s → %s", (gid, expected) => {
    expect(numericOrderId(gid)).toBe(expected);
  });

  it("asks the backend route by the numeric id", () => {
    expect(blockApiPath("1001")).toBe("/api/order-block/1001");
  });
});

describe("viewFromResponse", () => {
  it("a 404 is 'not in Loadbay', not an error", () => {
    expect(viewFromResponse(404, { error: "This order is not in Loadbay." })).toEqual({
      kind: "not-in-loadbay",
      sentence: "This order is not in Loadbay. Orders appear here once Loadbay receives them from Shopify.",
    });
  });

  it.each([
    [500, { error: "Database unavailable." }, "Loadbay could not load this order: Database unavailable."],
    [502, null, "Loadbay could not load this order: the app answered with status 502."],
    [401, null, "Loadbay could not load this order: your session has expired. Reload the page."],
    [200, { id: 5 }, "Loadbay could not load this order: the app's answer was not understood."],
    [200, "<html>", "Loadbay could not load this order: the app's answer was not understood."],
  ])("status %s with %j → an error sentence", (status, body, sentence) => {
    expect(viewFromResponse(status, body)).toEqual({ kind: "error", sentence });
  });

  it("a 200 with a summary is the order's view", () => {
    expect(viewFromResponse(200, summary())).toMatchObject({ kind: "order", state: { label: "Held", tone: "warning" } });
  });
});

describe("orderView", () => {
  it("says the state in words, with the hold reasons and the page link", () => {
    const view = orderView(summary());
    expect(view.state.sentence).toBe("Held: Loadbay will not send it to a warehouse until the reasons below are cleared or it is released.");
    expect(view.holdReasons).toEqual(["Awaiting payment: the order is not paid."]);
    expect(view.orderPageHref).toBe("app:app/orders/6f1c2a9e-0000-4000-8000-000000000001");
    expect(view.summaryLine).toBe("Held");
  });

  it("falls back to the state's own words for a state it does not know", () => {
    expect(orderView(summary({ state: "on_the_moon" })).state).toEqual({ label: "on the moon", sentence: "Loadbay state: on the moon.", tone: "neutral" });
  });

  it("lists open exceptions with a readable kind and counts them in the collapsed summary", () => {
    const view = orderView(summary({ exceptions: [{ kind: "unmapped-service", message: "No service code for “Express B2B”." }] }));
    expect(view.exceptions).toEqual([{ kind: "unmapped service", sentence: "No service code for “Express B2B”." }]);
    expect(view.summaryLine).toBe("Held · 1 open exception(s)");
  });

  it("shows each warehouse order's facility, state, reference and tracking", () => {
    const view = orderView(
      summary({
        state: "partially_shipped",
        warehouseOrders: [
          { facilityCode: "LEEDS", split: 0, state: "partially_dispatched", warehouseReference: "MS-77", trackingNumbers: ["TRK-1"] },
          { facilityCode: "LEEDS", split: 1, state: "mapped", warehouseReference: null, trackingNumbers: [] },
        ],
      }),
    );
    expect(view.warehouseOrders).toEqual([
      { key: "LEEDS-0", facility: "LEEDS", state: "partially dispatched", reference: "MS-77", tracking: ["TRK-1"] },
      { key: "LEEDS-1", facility: "LEEDS (part 2)", state: "mapped", reference: null, tracking: [] },
    ]);
  });

  it.each<[Partial<OrderSummary>, string[], string | null]>([
    [{ state: "held" }, ["release", "hold"], null],
    [{ state: "received" }, ["release", "hold"], null],
    [{ state: "held", manual: "hold" }, ["release"], null],
    [{ state: "held", manual: "release" }, ["hold"], null],
    [{ state: "released" }, ["hold"], null],
    [{ state: "in_fulfilment" }, [], "The warehouse has this order, so it can no longer be released or held here."],
    [{ state: "shipped" }, [], "The warehouse has this order, so it can no longer be released or held here."],
    [{ state: "draft_awaiting_completion" }, [], "Drafts cannot be released; complete the draft first."],
    [{ state: "cancelled" }, [], null],
  ])("%j offers %j", (over, actions, note) => {
    const view = orderView(summary(over));
    expect(view.actions).toEqual(actions);
    expect(view.actionsNote).toBe(note);
  });

  it.each<[Partial<OrderSummary>, string | null]>([
    [{ pendingEvaluation: false, manual: "release" }, null],
    [{ pendingEvaluation: true, manual: "release" }, "Released by hand; Loadbay is evaluating the order again."],
    [{ pendingEvaluation: true, manual: "hold" }, "Held by hand; Loadbay is evaluating the order again."],
    [{ pendingEvaluation: true, manual: null }, "Loadbay is evaluating a change to this order."],
  ])("%j → pending note %j", (over, note) => {
    expect(orderView(summary(over)).pendingNote).toBe(note);
  });

  it("says when the shop is in dry run", () => {
    expect(orderView(summary({ dryRun: true })).dryRunNote).toBe("Dry run: Loadbay shows what it would send but sends nothing.");
    expect(orderView(summary()).dryRunNote).toBeNull();
  });
});

describe("actionOutcome", () => {
  it.each([
    [200, { message: "Release requested. Loadbay is evaluating the order again." }, "success", "Release requested. Loadbay is evaluating the order again."],
    [404, { error: "This order is not in Loadbay." }, "critical", "Loadbay could not do that: This order is not in Loadbay."],
    [401, null, "critical", "Loadbay could not do that: your session has expired. Reload the page."],
    [200, { summary: {} }, "critical", "Loadbay could not do that: the app answered with status 200."],
  ])("status %s with %j → %s", (status, body, tone, sentence) => {
    expect(actionOutcome(status, body)).toEqual({ tone, sentence });
  });
});
