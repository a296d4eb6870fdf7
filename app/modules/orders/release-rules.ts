// When may an order go to the warehouse? One pure function of the order's facts, the shop's rules and
// what Loadbay knows besides (manual decisions, go-live, the customer's other open orders).
// Every reason to hold is reported, not just the first, so the merchant sees all that is missing.
import type { OrderFacts } from "./order-facts";
import type { ReleaseSettings } from "./order-settings.schema";

export type HoldCode = "manual_hold" | "hold_tag" | "before_go_live" | "awaiting_payment" | "awaiting_approval" | "missing_po";

export interface HoldReason {
  code: HoldCode;
  /** A sentence the merchant understands, saying what would release the order. */
  message: string;
}

export interface ReleaseContext {
  manualRelease: boolean;
  manualHold: boolean;
  goLiveAt: Date | null;
  /** The merchant picked this pre-go-live order to be sent anyway. */
  pickedBeforeGoLive: boolean;
  /** Shop-currency total of the same customer's other open, unpaid orders. */
  otherOpenUnpaid: number;
}

export type ReleaseDecision =
  | { kind: "release"; because: string }
  | { kind: "hold"; reasons: HoldReason[] }
  | { kind: "cancelled" };

const ON_ACCOUNT = new Set(["on_account", "invoice"]);

export function decideRelease(facts: OrderFacts, settings: ReleaseSettings, ctx: ReleaseContext): ReleaseDecision {
  if (facts.cancelledAt) return { kind: "cancelled" };
  const reasons: HoldReason[] = [];
  if (ctx.manualHold) reasons.push({ code: "manual_hold", message: "Held by hand in Loadbay. Release it to send it." });
  const holdTags = matching(facts.tags, settings.holdTags);
  if (holdTags.length) reasons.push({ code: "hold_tag", message: `The order has the hold tag ${quoteList(holdTags)}. Remove the tag to release it.` });
  if (!ctx.manualRelease) reasons.push(...releasableReasons(facts, settings, ctx));
  if (reasons.length) return { kind: "hold", reasons };
  return { kind: "release", because: releaseBecause(facts, settings, ctx) };
}

/**
 * Whether the decision can depend on `otherOpenUnpaid`: only the credit rule reads it, and only for an
 * unpaid on-account or invoice order whose customer has a credit limit. The caller sums the customer's
 * other open orders (a read that grows with them) only then.
 */
export function needsOpenOrdersTotal(facts: OrderFacts, settings: ReleaseSettings): boolean {
  return settings.approveWithinCredit && facts.credit !== null && facts.cancelledAt === null && ON_ACCOUNT.has(facts.paymentMode) && !isPaid(facts, settings);
}

/** Reasons a manual release overrides: go-live, payment, approval and the PO rule. */
function releasableReasons(facts: OrderFacts, settings: ReleaseSettings, ctx: ReleaseContext): HoldReason[] {
  const reasons: HoldReason[] = [];
  if (ctx.goLiveAt && facts.createdAt < ctx.goLiveAt && !ctx.pickedBeforeGoLive) {
    reasons.push({ code: "before_go_live", message: `Created before the go-live date (${ctx.goLiveAt.toISOString().slice(0, 10)}); pick it to send it anyway.` });
  }
  const payment = paymentReason(facts, settings, ctx);
  if (payment) reasons.push(payment);
  if (settings.holdWhenPoMissing && !facts.poNumber) {
    reasons.push({ code: "missing_po", message: "The order has no PO number. Add one in Shopify, or release it by hand." });
  }
  return reasons;
}

function paymentReason(facts: OrderFacts, settings: ReleaseSettings, ctx: ReleaseContext): HoldReason | null {
  if (isPaid(facts, settings)) return null;
  if (!ON_ACCOUNT.has(facts.paymentMode)) {
    return { code: "awaiting_payment", message: `Awaiting payment (Shopify shows ${facts.financialStatus ?? "no payment status"}).` };
  }
  if (approval(facts, settings, ctx)) return null;
  return { code: "awaiting_approval", message: approvalMessage(facts, settings, ctx) };
}

function isPaid(facts: OrderFacts, settings: ReleaseSettings): boolean {
  return facts.financialStatus !== null && (settings.paidStatuses as string[]).includes(facts.financialStatus);
}

/** How an on-account order is approved, or null. */
function approval(facts: OrderFacts, settings: ReleaseSettings, ctx: ReleaseContext): string | null {
  const tags = matching(facts.tags, settings.approvalTags);
  if (tags.length) return `approved by the tag ${quoteList(tags)}`;
  const company = facts.company;
  const approved = settings.approvedCompanies.map((c) => c.toLowerCase());
  if (company && (approved.includes(company.name.toLowerCase()) || (company.id && approved.includes(company.id.toLowerCase())))) {
    return `${company.name} is an approved company`;
  }
  const room = remainingCredit(facts, ctx);
  if (settings.approveWithinCredit && room !== null && orderTotal(facts) <= room) {
    return `within the customer's remaining credit (${money(room, facts)})`;
  }
  return null;
}

function approvalMessage(facts: OrderFacts, settings: ReleaseSettings, ctx: ReleaseContext): string {
  const label = facts.paymentMode === "invoice" ? "Pay by Invoice" : "Pay on Account";
  const ways = [
    settings.approvalTags.length ? `add the tag ${quoteList(settings.approvalTags)}` : null,
    "approve the company",
    "release it by hand",
  ].filter(Boolean);
  let credit = "";
  const room = remainingCredit(facts, ctx);
  if (settings.approveWithinCredit && facts.credit) {
    credit = ` It exceeds the remaining credit: limit ${money(facts.credit.limit, facts)}, balance ${money(facts.credit.balance, facts)}, other open orders ${money(ctx.otherOpenUnpaid, facts)}, so ${money(Math.max(0, room ?? 0), facts)} is left for this ${money(orderTotal(facts), facts)} order.`;
  }
  return `${label} order awaiting approval: ${ways.join(", or ")}.${credit}`;
}

function releaseBecause(facts: OrderFacts, settings: ReleaseSettings, ctx: ReleaseContext): string {
  if (ctx.manualRelease) return "released by hand";
  if (isPaid(facts, settings)) return `paid (${facts.financialStatus})`;
  return approval(facts, settings, ctx) ?? "no rule holds it";
}

/** Credit left after the balance and the customer's other open unpaid orders; null without a credit metafield. */
function remainingCredit(facts: OrderFacts, ctx: ReleaseContext): number | null {
  if (!facts.credit) return null;
  return facts.credit.limit - facts.credit.balance - ctx.otherOpenUnpaid;
}

/** Shop-currency total: Shopify has already converted presentment money, so no rates are needed here. */
export const orderTotal = (facts: OrderFacts) => Number(facts.totals.shop.amount);

const money = (amount: number, facts: OrderFacts) => `${facts.totals.shop.currencyCode} ${amount.toFixed(2)}`;
const quoteList = (tags: string[]) => tags.map((t) => `'${t}'`).join(" or ");
const matching = (tags: string[], wanted: string[]) => {
  const lower = new Set(tags.map((t) => t.toLowerCase()));
  return wanted.filter((w) => lower.has(w.toLowerCase()));
};
