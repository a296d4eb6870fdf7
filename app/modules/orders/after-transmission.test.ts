import { describe, expect, it } from "vitest";
import { compileMappingSettings } from "~/modules/mapping/compile-settings";
import { mapOrder } from "~/modules/mapping/map-order";
import { mappingSettings } from "../../../test/support/factories/mapping-settings";
import { orderFacts } from "../../../test/support/factories/order-facts";
import { describeChanges, planAfterTransmission, type SentWarehouseOrder } from "./after-transmission";
import type { OrderFacts, OrderLine } from "./order-facts";

const settings = compileMappingSettings(mappingSettings({ routing: { rules: [{ facilityCode: "MK", conditions: { skuPrefix: ["BULK"] } }], defaultFacilityCode: "LEEDS" } }));
const line = (n: number, sku: string, quantity: number): OrderLine => ({ lineItemId: `gid://shopify/LineItem/${n}`, sku, title: sku, quantity, variantId: null, packSize: null });
const drafts = (facts: OrderFacts) => {
  const result = mapOrder(facts, settings, { orderNumber: "1001", revision: 0 });
  if (result.problems.length) throw new Error(result.problems.map((p) => p.message).join(" "));
  return result.warehouseOrders;
};
const sent = (facts: OrderFacts, state: SentWarehouseOrder["state"] = "accepted"): SentWarehouseOrder[] =>
  drafts(facts).map((draft, i) => ({ id: `wo-${i}`, idempotencyKey: draft.idempotencyKey, state, draft }));
const now = (facts: OrderFacts) => ({ ok: true as const, drafts: drafts(facts) });

const original = orderFacts({ lines: [line(1, "WIDGET-1", 12), line(2, "CASE-12-WIDGET", 2), line(3, "BULKSAND", 5)] });

describe("planAfterTransmission", () => {
  it("plans nothing when only things the warehouse never sees changed (tags, notes, payment)", () => {
    const edited = { ...original, tags: ["VIP"], note: "call first", financialStatus: "PAID" };
    expect(planAfterTransmission(false, sent(original), now(edited))).toEqual({ kind: "none" });
  });

  it("asks the warehouse to cancel every open warehouse order of a cancelled order", () => {
    const orders = [...sent(original).slice(0, 1), { ...sent(original)[1]!, state: "dispatched" as const }];
    expect(planAfterTransmission(true, orders, now(original))).toEqual({ kind: "cancel", warehouseOrderIds: ["wo-0"] });
  });

  it("plans nothing for a cancellation when everything was already cancelled or dispatched", () => {
    expect(planAfterTransmission(true, sent(original, "dispatched"), now(original))).toEqual({ kind: "none" });
  });

  it("lists a refunded (reduced) pack line in base units, and a removed line", () => {
    const refunded = { ...original, lines: [line(1, "WIDGET-1", 0), line(2, "CASE-12-WIDGET", 1), line(3, "BULKSAND", 5)] };
    const plan = planAfterTransmission(false, sent(original), now(refunded));
    // WIDGET-1: 12 loose + 2 cases × 12 = 36 sent; now 0 loose + 1 case = 12.
    expect(plan).toEqual({ kind: "amend", changes: [expect.objectContaining({ facilityCode: "LEEDS", warehouseOrderId: "wo-0", lines: [{ warehouseSku: "WIDGET-1", sent: 36, now: 12 }], shipTo: null })], newOrders: [] });
  });

  it("lists an address change", () => {
    const moved = { ...original, shippingAddress: { ...original.shippingAddress!, address1: "2 Low Road", zip: "LS2 2BB" } };
    const plan = planAfterTransmission(false, sent(original), now(moved));
    expect(plan.kind).toBe("amend");
    const changes = plan.kind === "amend" ? plan.changes : [];
    expect(changes.map((c) => [c.facilityCode, c.shipTo?.now.postcode, c.lines.length])).toEqual([["LEEDS", "LS2 2BB", 0], ["MK", "LS2 2BB", 0]]);
  });

  it("sends a line that now goes to a facility that was sent nothing as a new warehouse order, not an amendment", () => {
    const leedsOnly = { ...original, lines: [line(1, "WIDGET-1", 12)] };
    const withBulk = { ...leedsOnly, lines: [line(1, "WIDGET-1", 12), line(3, "BULKSAND", 5)] };
    const plan = planAfterTransmission(false, sent(leedsOnly), now(withBulk));
    expect(plan).toMatchObject({ kind: "amend", changes: [], newOrders: [{ facilityCode: "MK", lines: [{ warehouseSku: "BULKSAND", quantity: 5 }] }] });
  });

  it("keeps the amended lines and address for the record", () => {
    const reduced = { ...original, lines: [line(1, "WIDGET-1", 6), line(2, "CASE-12-WIDGET", 2), line(3, "BULKSAND", 5)] };
    const plan = planAfterTransmission(false, sent(original), now(reduced));
    const leeds = plan.kind === "amend" ? plan.changes[0] : undefined;
    expect(leeds?.amended.lines.map((l) => [l.sourceSku, l.quantity])).toEqual([["WIDGET-1", 6], ["CASE-12-WIDGET", 24]]);
  });

  it.each(["cancel_requested", "cancelled"] as const)("never sends again to a facility whose warehouse order is %s (stopped at the warehouse on purpose)", (state) => {
    expect(planAfterTransmission(false, sent(original, state), now(original))).toEqual({ kind: "none" });
  });

  it("still sends lines for a facility that was never sent anything beside a cancelled one", () => {
    const leedsOnly = { ...original, lines: [line(1, "WIDGET-1", 12)] };
    const withBulk = { ...leedsOnly, lines: [line(1, "WIDGET-1", 12), line(3, "BULKSAND", 5)] };
    const plan = planAfterTransmission(false, sent(leedsOnly, "cancelled"), now(withBulk));
    expect(plan).toMatchObject({ kind: "amend", changes: [], newOrders: [{ facilityCode: "MK" }] });
  });

  it("reports an order that can no longer be mapped", () => {
    expect(planAfterTransmission(false, sent(original), { ok: false, reasons: ["No service code for Pigeon."] })).toEqual({ kind: "unmappable", reasons: ["No service code for Pigeon."] });
  });
});

describe("describeChanges", () => {
  it("says what to change, where, in one merchant sentence per warehouse order", () => {
    const text = describeChanges("#1001", [
      { warehouseOrderId: "wo-0", idempotencyKey: "LB-1001-LEEDS-0-r0", facilityCode: "LEEDS", lines: [{ warehouseSku: "WIDGET-1", sent: 36, now: 12 }, { warehouseSku: "GADGET", sent: 2, now: 0 }], shipTo: null, amended: { lines: [], shipTo: sent(original)[0]!.draft.shipTo } },
    ]);
    expect(text).toBe(
      "#1001 changed in Shopify after it was sent to the warehouse. Make these changes at the warehouse by hand (this connection cannot amend orders): LB-1001-LEEDS-0-r0 at LEEDS: change WIDGET-1 from 36 to 12; remove GADGET (2 sent). Then mark this exception as done.",
    );
  });
});
