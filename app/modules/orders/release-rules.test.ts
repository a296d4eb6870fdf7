import { describe, expect, it } from "vitest";
import { onAccount, orderFacts } from "../../../test/support/factories/order-facts";
import { releaseSettingsSchema } from "./order-settings.schema";
import { decideRelease, needsOpenOrdersTotal, type ReleaseContext } from "./release-rules";

const settings = releaseSettingsSchema.parse({});
const ctx: ReleaseContext = { manualRelease: false, manualHold: false, goLiveAt: null, pickedBeforeGoLive: false, otherOpenUnpaid: 0 };
const credit = (limit: number, balance: number) => ({ credit: { limit, balance } });

describe("decideRelease", () => {
  it.each([
    ["a paid card order", orderFacts(), {}, {}, "release"],
    ["an unpaid card order", orderFacts({ financialStatus: "PENDING" }), {}, {}, "hold:awaiting_payment"],
    ["an authorized order under the default rule", orderFacts({ financialStatus: "AUTHORIZED" }), {}, {}, "hold:awaiting_payment"],
    ["an authorized order when AUTHORIZED counts as paid", orderFacts({ financialStatus: "AUTHORIZED" }), { paidStatuses: ["PAID", "AUTHORIZED"] }, {}, "release"],
    ["a partly paid order by default", orderFacts({ financialStatus: "PARTIALLY_PAID" }), {}, {}, "hold:awaiting_payment"],
    ["pay on account without approval or credit", onAccount(), {}, {}, "hold:awaiting_approval"],
    ["pay on account with the approval tag", onAccount({ tags: ["Approved"] }), {}, {}, "release"],
    ["pay on account, approved company by name", onAccount(), { approvedCompanies: ["acme trading"] }, {}, "release"],
    ["pay on account, approved company by id", onAccount(), { approvedCompanies: ["gid://shopify/Company/1"] }, {}, "release"],
    ["pay on account within credit", onAccount(credit(5000, 4000)), {}, {}, "release"],
    ["pay on account exactly at the credit limit", onAccount(credit(5000, 4200)), {}, {}, "release"],
    ["pay on account over credit", onAccount(credit(5000, 4201)), {}, {}, "hold:awaiting_approval"],
    ["pay on account within credit but other open orders use it", onAccount(credit(5000, 4000)), {}, { otherOpenUnpaid: 300 }, "hold:awaiting_approval"],
    ["pay on account within credit when credit approval is off", onAccount(credit(5000, 0)), { approveWithinCredit: false }, {}, "hold:awaiting_approval"],
    ["pay by invoice with the approval tag", onAccount({ paymentMode: "invoice", tags: ["approved"] }), {}, {}, "release"],
    ["pay on account released by hand", onAccount(), {}, { manualRelease: true }, "release"],
    ["a paid on-account order needs no approval", onAccount({ financialStatus: "PAID" }), {}, {}, "release"],
    ["a quote never ships unpaid", orderFacts({ financialStatus: "PENDING", paymentMode: "quote" }), {}, {}, "hold:awaiting_payment"],
    ["a hold tag holds a paid order", orderFacts({ tags: ["HOLD"] }), {}, {}, "hold:hold_tag"],
    ["a hold tag is not overridden by a manual release", orderFacts({ tags: ["hold"] }), {}, { manualRelease: true }, "hold:hold_tag"],
    ["a manual hold holds a paid order", orderFacts(), {}, { manualHold: true }, "hold:manual_hold"],
    ["a missing PO is fine by default", orderFacts({ poNumber: null }), {}, {}, "release"],
    ["a missing PO holds when the shop asks", orderFacts({ poNumber: null }), { holdWhenPoMissing: true }, {}, "hold:missing_po"],
    ["before go-live", orderFacts(), {}, { goLiveAt: new Date("2026-11-21T00:00:00Z") }, "hold:before_go_live"],
    ["before go-live but picked", orderFacts(), {}, { goLiveAt: new Date("2026-11-21T00:00:00Z"), pickedBeforeGoLive: true }, "release"],
    ["after go-live", orderFacts(), {}, { goLiveAt: new Date("2026-11-19T00:00:00Z") }, "release"],
    ["a cancelled order", orderFacts({ cancelledAt: new Date() }), {}, {}, "cancelled"],
  ])("%s → %s", (_name, facts, over, ctxOver, expected) => {
    const decision = decideRelease(facts, releaseSettingsSchema.parse({ ...settings, ...over }), { ...ctx, ...ctxOver });
    const summary = decision.kind === "hold" ? `hold:${decision.reasons.map((r) => r.code).join("+")}` : decision.kind;
    expect(summary).toBe(expected);
  });

  it("reports every reason at once", () => {
    const decision = decideRelease(onAccount({ tags: ["hold"], poNumber: null }), { ...settings, holdWhenPoMissing: true }, { ...ctx, manualHold: true });
    expect(decision.kind === "hold" && decision.reasons.map((r) => r.code)).toEqual(["manual_hold", "hold_tag", "awaiting_approval", "missing_po"]);
  });

  it("explains the credit arithmetic in the approval reason", () => {
    const decision = decideRelease(onAccount(credit(5000, 4200)), settings, { ...ctx, otherOpenUnpaid: 300 });
    expect(decision.kind === "hold" && decision.reasons[0]!.message).toBe(
      "Pay on Account order awaiting approval: add the tag 'approved', or approve the company, or release it by hand. It exceeds the remaining credit: limit GBP 5000.00, balance GBP 4200.00, other open orders GBP 300.00, so GBP 500.00 is left for this GBP 800.00 order.",
    );
  });

  it("says why it released", () => {
    expect(decideRelease(onAccount({ tags: ["approved"] }), settings, ctx)).toEqual({ kind: "release", because: "approved by the tag 'approved'" });
    expect(decideRelease(orderFacts(), settings, ctx)).toEqual({ kind: "release", because: "paid (PAID)" });
  });
});

describe("needsOpenOrdersTotal", () => {
  const cases = [
    ["a paid card order whose customer has credit", orderFacts(credit(5000, 0)), {}, false],
    ["an unpaid card order whose customer has credit", orderFacts({ financialStatus: "PENDING", ...credit(5000, 0) }), {}, false],
    ["pay on account with credit", onAccount(credit(5000, 0)), {}, true],
    ["pay by invoice with credit", onAccount({ paymentMode: "invoice", ...credit(5000, 0) }), {}, true],
    ["pay on account without a credit limit", onAccount(), {}, false],
    ["pay on account with credit when credit approval is off", onAccount(credit(5000, 0)), { approveWithinCredit: false }, false],
    ["a paid on-account order with credit", onAccount({ financialStatus: "PAID", ...credit(5000, 0) }), {}, false],
    ["a cancelled on-account order with credit", onAccount({ cancelledAt: new Date(), ...credit(5000, 0) }), {}, false],
  ] as const;

  it.each(cases)("%s → %s", (_name, facts, over, expected) => {
    expect(needsOpenOrdersTotal(facts, releaseSettingsSchema.parse({ ...settings, ...over }))).toBe(expected);
  });

  it.each(cases.filter(([, , , needed]) => !needed))("the decision for %s does not depend on the other open orders", (_name, facts, over) => {
    const rules = releaseSettingsSchema.parse({ ...settings, ...over });
    for (const manualRelease of [false, true]) {
      const none = decideRelease(facts, rules, { ...ctx, manualRelease, otherOpenUnpaid: 0 });
      expect(decideRelease(facts, rules, { ...ctx, manualRelease, otherOpenUnpaid: 1_000_000 })).toEqual(none);
    }
  });

  it("the credit rule does depend on them when it says so", () => {
    const facts = onAccount(credit(5000, 4000));
    expect(needsOpenOrdersTotal(facts, settings)).toBe(true);
    expect(decideRelease(facts, settings, { ...ctx, otherOpenUnpaid: 0 })).not.toEqual(decideRelease(facts, settings, { ...ctx, otherOpenUnpaid: 1_000_000 }));
  });
});
