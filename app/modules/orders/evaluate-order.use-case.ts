// Re-reads an order from Shopify, decides whether it may go to the warehouse, mirrors that decision
// as a Shopify fulfillment hold, and records the decision, its timeline and exceptions together.
// Safe to run twice: holds are idempotent and the decision is a pure function of the facts.
import type { HoldPlan } from "./hold-plan";
import { planHolds } from "./hold-plan";
import type { OrderFacts } from "./order-facts";
import type { TransmissionQueue } from "~/modules/transmission/transmission.ports";
import type { FulfillmentHolds, OrderSource, SourceFailure } from "./order-source.ports";
import { AFTER_TRANSMISSION, stateAfter } from "./order-state";
import type { DecisionRecord, OrderRecord, OrderRepository, ShopContext, TimelineEntry } from "./orders.ports";
import { onlyKnownVersionsPending } from "./known-version";
import { mapReleased } from "./map-released";
import { decideRelease, type ReleaseDecision } from "./release-rules";

export interface EvaluateOrderDeps {
  orders: OrderRepository;
  source: OrderSource;
  holds: FulfillmentHolds;
  /** Where mapped warehouse orders go next; a failed enqueue is picked up by the sweeper. */
  transmissions: TransmissionQueue;
}

export type EvaluateResult =
  | { status: "decided"; state: string; stillPending: boolean }
  | { status: "skipped"; note: string }
  | { status: "retry"; failure: SourceFailure };

const RULE = "rule:release";

export async function evaluateOrder(deps: EvaluateOrderDeps, job: { shop: string; orderId: string; revision: number }): Promise<EvaluateResult> {
  const order = await deps.orders.get(job.shop, job.orderId);
  if (!order?.shopifyOrderId) return { status: "skipped", note: "no such order, or a draft (drafts are never released)" };
  if (!order.pendingEvaluation) return { status: "skipped", note: "nothing changed since the last decision" };
  // A newer change has its own job queued; that one decides (saves a Shopify read per stale job).
  if (job.revision < order.evaluationRevision) return { status: "skipped", note: "a newer change is queued" };
  const shop = await deps.orders.shopContext(job.shop);
  if (!shop || shop.uninstalled) return { status: "skipped", note: "app uninstalled: outbound work is stopped" };
  if (onlyKnownVersionsPending(order.pendingVersions, order)) return record(deps, order, ownEcho(order));

  const fetched = await deps.source.fetchOrder(job.shop, order.shopifyOrderId, shop.settings.factSources);
  if (!fetched.ok) return failed(deps, order, fetched.error);
  const facts = fetched.value;
  if (!facts) return record(deps, order, vanished(order));
  if (facts.redactedFields.length) return record(deps, order, redacted(order, facts));
  if (AFTER_TRANSMISSION.has(order.state)) return record(deps, order, changedAfterTransmission(order, facts));
  return decide(deps, order, shop, facts);
}

async function decide(deps: EvaluateOrderDeps, order: OrderRecord, shop: ShopContext, facts: OrderFacts): Promise<EvaluateResult> {
  const otherOpenUnpaid = await deps.orders.otherOpenUnpaidTotal(order.shop, facts.customerId, order.id);
  const decision = decideRelease(facts, shop.settings.release, {
    manualRelease: order.manualRelease,
    manualHold: order.manualHold,
    pickedBeforeGoLive: order.pickedBeforeGoLive,
    goLiveAt: shop.goLiveAt,
    otherOpenUnpaid,
  });
  const plan = planHolds(facts, decision);
  const written = shop.dryRun ? { ok: true as const, value: { updatedAt: null } } : await applyHolds(deps.holds, order.shop, plan);
  if (!written.ok) return { status: "retry", failure: written.error };
  const state = stateAfter(order.state, decision);
  const mapped = state === "released" ? mapReleased(facts, shop) : null;
  return record(deps, order, {
    revision: order.evaluationRevision,
    state,
    holdReasons: decision.kind === "hold" ? decision.reasons : [],
    facts,
    ownWriteStamp: written.value.updatedAt,
    timeline: [...decisionTimeline(order, state, decision, plan, shop.dryRun), ...(mapped?.timeline ?? [])],
    raise: mapped?.raise ?? [],
    clear: [`redacted:${order.id}`, `shop-access:${order.shop}`],
    clearKinds: mapped?.clearKinds ?? [],
    warehouseOrders: mapped?.warehouseOrders ?? null,
  });
}

function applyHolds(holds: FulfillmentHolds, shop: string, plan: HoldPlan) {
  if (plan.action === "hold") return holds.hold(shop, plan.fulfillmentOrderIds, plan.reason, plan.notes);
  if (plan.action === "release") return holds.release(shop, plan.holds);
  return Promise.resolve({ ok: true as const, value: { updatedAt: null } });
}

function decisionTimeline(order: OrderRecord, state: string, decision: ReleaseDecision, plan: HoldPlan, dryRun: boolean): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const summary =
    decision.kind === "release" ? `Released: ${decision.because}` : decision.kind === "hold" ? `Held: ${decision.reasons.map((r) => r.message).join(" ")}` : "Cancelled in Shopify";
  entries.push({ actor: RULE, kind: "decision", message: summary, payload: decision });
  if (state !== order.state) entries.push({ actor: RULE, kind: "transition", message: `${order.state} → ${state}`, payload: { from: order.state, to: state } });
  if (plan.action !== "none") {
    const what = plan.action === "hold" ? `place a Shopify hold (${plan.reason}) on ${plan.fulfillmentOrderIds.length} fulfillment order(s)` : "release Loadbay's Shopify hold";
    entries.push({ actor: RULE, kind: "shopify-hold", message: dryRun ? `Dry run: would ${what}` : `${what[0]!.toUpperCase()}${what.slice(1)}`, payload: plan });
  }
  return entries;
}

async function record(deps: EvaluateOrderDeps, order: OrderRecord, decision: DecisionRecord): Promise<EvaluateResult> {
  const { stillPending, toTransmit } = await deps.orders.recordDecision(order.shop, order.id, decision);
  await Promise.allSettled(toTransmit.map((warehouseOrderId) => deps.transmissions.enqueueTransmission({ shop: order.shop, warehouseOrderId })));
  return { status: "decided", state: decision.state, stillPending };
}

function base(order: OrderRecord, over: Partial<DecisionRecord>): DecisionRecord {
  return { revision: order.evaluationRevision, state: order.state, holdReasons: null, facts: null, ownWriteStamp: null, timeline: [], raise: [], clear: [], ...over };
}

function ownEcho(order: OrderRecord): DecisionRecord {
  return base(order, { timeline: [{ actor: RULE, kind: "echo", message: "The change was Loadbay's own write, recorded just after Shopify reported it: no work needed" }] });
}

function vanished(order: OrderRecord): DecisionRecord {
  const message = "The order no longer exists in Shopify.";
  return base(order, { state: AFTER_TRANSMISSION.has(order.state) ? order.state : "cancelled", timeline: [{ actor: RULE, kind: "decision", message }] });
}

function redacted(order: OrderRecord, facts: OrderFacts): DecisionRecord {
  const message = `Shopify hid this order's customer details (${facts.redactedFields.join(", ")}). Loadbay needs protected customer data access (level 2: name, address, phone, email) to send orders to the warehouse; request it in the Partner Dashboard, then retry.`;
  return base(order, {
    facts,
    timeline: [{ actor: RULE, kind: "exception", message }],
    raise: [{ key: `redacted:${order.id}`, kind: "protected-data", message, detail: { fields: facts.redactedFields } }],
  });
}

function changedAfterTransmission(order: OrderRecord, facts: OrderFacts): DecisionRecord {
  if (!facts.cancelledAt) return base(order, { facts });
  const message = `${order.name} was cancelled in Shopify after it was sent to the warehouse. Cancel it at the warehouse by hand; this warehouse connection cannot cancel orders automatically yet.`;
  return base(order, {
    facts,
    timeline: [{ actor: RULE, kind: "exception", message }],
    raise: [{ key: `changed-after-transmission:${order.id}`, kind: "warehouse-change-needed", message }],
  });
}

async function failed(deps: EvaluateOrderDeps, order: OrderRecord, failure: SourceFailure): Promise<EvaluateResult> {
  if (failure.kind === "throttled" || failure.kind === "unavailable" || failure.kind === "ambiguous") return { status: "retry", failure };
  // Permanent: the merchant must act (reconnect) or an engineer must (invalid request). Never retried forever.
  const message =
    failure.kind === "unauthorized"
      ? `Loadbay cannot read orders from Shopify: ${failure.message}`
      : `Loadbay could not read ${order.name} from Shopify (${failure.message}). Our engineers have the details; press retry after a fix.`;
  const key = failure.kind === "unauthorized" ? `shop-access:${order.shop}` : `order-read:${order.id}`;
  return record(deps, order, base(order, { timeline: [{ actor: RULE, kind: "exception", message }], raise: [{ key, kind: "shopify-access", message, detail: failure }] }));
}
