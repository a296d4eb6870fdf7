// Re-reads an order from Shopify, decides whether it may go to the warehouse, mirrors that decision
// as a Shopify fulfillment hold, and records the decision, its timeline and exceptions together.
// Safe to run twice: holds are idempotent and the decision is a pure function of the facts.
import type { HoldPlan } from "./hold-plan";
import { planHolds } from "./hold-plan";
import type { OrderFacts } from "./order-facts";
import type { TransmissionQueue } from "~/modules/transmission/transmission.ports";
import type { WarehouseOrderDraft } from "~/modules/mapping/warehouse-order-draft";
import type { FulfillmentHolds, FulfillmentOrderMoves, OrderSource, SourceFailure } from "./order-source.ports";
import { describeChanges, planAfterTransmission, warehouseChangeKey } from "./after-transmission";
import { AFTER_TRANSMISSION, stateAfter } from "./order-state";
import type { DecisionRecord, OrderRecord, OrderRepository, ShopContext, TimelineEntry } from "./orders.ports";
import { onlyKnownVersionsPending } from "./known-version";
import { mapReleased } from "./map-released";
import { moveFailedKey, moveRefused, moveThenReread, plannedMoves } from "./location-moves";
import { decideRelease, needsOpenOrdersTotal, type ReleaseDecision } from "./release-rules";

export interface EvaluateOrderDeps {
  orders: OrderRepository;
  source: OrderSource;
  holds: FulfillmentHolds;
  /** Moves fulfillment orders to the routed facility's location, when the merchant chose "move". */
  moves: FulfillmentOrderMoves;
  /** Where mapped warehouse orders go next; a failed enqueue is picked up by the sweeper. */
  transmissions: TransmissionQueue;
}

export type EvaluateResult =
  | { status: "decided"; state: string; stillPending: boolean }
  | { status: "skipped"; note: string }
  /** Loadbay's own write to the order is in flight: what changed is probably its echo; ask again shortly. */
  | { status: "deferred" }
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
  if (order.ownWriteInFlight) return { status: "deferred" };

  const fetched = await deps.source.fetchOrder(job.shop, order.shopifyOrderId, shop.settings.factSources);
  if (!fetched.ok) return failed(deps, order, fetched.error);
  const facts = fetched.value;
  if (!facts) return record(deps, order, vanished(order));
  if (facts.redactedFields.length) return record(deps, order, redacted(order, facts));
  if (AFTER_TRANSMISSION.has(order.state)) return record(deps, order, await changedAfterTransmission(deps, order, shop, facts));
  return decide(deps, order, shop, facts);
}

async function decide(deps: EvaluateOrderDeps, order: OrderRecord, shop: ShopContext, read: OrderFacts): Promise<EvaluateResult> {
  let facts = read;
  const otherOpenUnpaid = needsOpenOrdersTotal(facts, shop.settings.release) ? await deps.orders.otherOpenUnpaidTotal(order.shop, facts.customerId, order.id) : 0;
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
  let mapped = state === "released" ? mapReleased(facts, shop) : null;
  let ownWriteStamp = written.value.updatedAt;
  const moves = plannedMoves(mapped?.warehouseOrders ?? []);
  const moveTimeline: TimelineEntry[] = moves.length ? [{ actor: "rule:mapping", kind: "shopify-move", message: `${shop.dryRun ? "Dry run: would move" : "Moved"} ${moves.length} fulfillment order(s) to the routed facility's location`, payload: moves }] : [];
  if (moves.length && !shop.dryRun) {
    const moved = await moveThenReread(deps, order, shop, facts, moves);
    if (moved.kind === "retry") return { status: "retry", failure: moved.failure };
    const refusal = moved.kind === "refused" ? moved.message : null;
    if (moved.kind === "moved") {
      facts = moved.facts;
      mapped = mapReleased(facts, shop);
      ownWriteStamp = moved.updatedAt ?? ownWriteStamp;
    }
    const stillElsewhere = refusal ?? (plannedMoves(mapped?.warehouseOrders ?? []).length ? "After the move, Shopify still has part of the order at another location." : null);
    if (stillElsewhere) return record(deps, order, moveRefused(order, facts, state, decision, stillElsewhere));
  }
  // Only a released order that maps cleanly keeps warehouse orders waiting to be sent: a hold, a
  // cancellation or a mapping problem withdraws any mapped earlier (the warehouse never saw them).
  return record(deps, order, {
    revision: order.evaluationRevision,
    state,
    holdReasons: decision.kind === "hold" ? decision.reasons : [],
    facts,
    ownWriteStamp,
    timeline: [...decisionTimeline(order, state, decision, plan, shop.dryRun), ...moveTimeline, ...(mapped?.timeline ?? [])],
    raise: mapped?.raise ?? [],
    clear: [`redacted:${order.id}`, `shop-access:${order.shop}`, moveFailedKey(order.id)],
    clearKinds: mapped?.clearKinds ?? [],
    warehouseOrders: mapped?.warehouseOrders ?? [],
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
  const { stillPending, toTransmit, toCancel } = await deps.orders.recordDecision(order.shop, order.id, decision, order.state);
  await Promise.allSettled([
    ...toTransmit.map((warehouseOrderId) => deps.transmissions.enqueueTransmission({ shop: order.shop, warehouseOrderId })),
    ...toCancel.map((warehouseOrderId) => deps.transmissions.enqueueCancellation({ shop: order.shop, warehouseOrderId })),
  ]);
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

/**
 * The warehouse has the order: a cancellation goes to the warehouse as cancel requests; other
 * changes are listed for the merchant to make at the warehouse (no connector amends orders yet), and
 * lines that now go to another facility are sent there as a new warehouse order.
 */
async function changedAfterTransmission(deps: EvaluateOrderDeps, order: OrderRecord, shop: ShopContext, facts: OrderFacts): Promise<DecisionRecord> {
  const sent = await deps.orders.sentWarehouseOrders(order.shop, order.id);
  const plan = planAfterTransmission(facts.cancelledAt !== null, sent, remap(facts, shop));
  const key = warehouseChangeKey(order.id);
  switch (plan.kind) {
    case "none":
      return base(order, { facts, clear: [key] });
    case "cancel": {
      const message = `${order.name} was cancelled in Shopify after it was sent to the warehouse: asking the warehouse to cancel ${plan.warehouseOrderIds.length} warehouse order(s).`;
      return base(order, { facts, clear: [key], cancelWarehouseOrders: plan.warehouseOrderIds, timeline: [{ actor: RULE, kind: "decision", message }] });
    }
    case "unmappable": {
      const message = `${order.name} changed in Shopify after it was sent to the warehouse, and the changed order cannot be mapped: ${plan.reasons.join(" ")} Fix the mapping and retry, or change the order at the warehouse by hand.`;
      return base(order, { facts, timeline: [{ actor: RULE, kind: "exception", message }], raise: [{ key, kind: "warehouse-change-needed", message, detail: { reasons: plan.reasons } }] });
    }
    case "amend": {
      const timeline: TimelineEntry[] = [];
      const raise = [];
      if (plan.changes.length) {
        const message = describeChanges(order.name, plan.changes);
        timeline.push({ actor: RULE, kind: "exception", message, payload: plan.changes });
        raise.push({ key, kind: "warehouse-change-needed", message, detail: { changes: plan.changes } });
      }
      if (plan.newOrders.length) {
        const where = plan.newOrders.map((d) => `${d.facilityCode} (${d.idempotencyKey})`).join(", ");
        timeline.push({ actor: "rule:mapping", kind: "mapping", message: `Lines added after the order was sent go to ${where} as a new warehouse order.`, payload: plan.newOrders });
      }
      return base(order, { facts, timeline, raise, clear: plan.changes.length ? [] : [key], warehouseOrders: plan.newOrders.length ? plan.newOrders : null });
    }
  }
}

/** The order as it is now, mapped as a release would map it; or the sentences saying why it cannot be. */
function remap(facts: OrderFacts, shop: ShopContext): { ok: true; drafts: WarehouseOrderDraft[] } | { ok: false; reasons: string[] } {
  const mapped = mapReleased(facts, shop);
  return mapped.warehouseOrders ? { ok: true, drafts: mapped.warehouseOrders } : { ok: false, reasons: mapped.raise.map((r) => r.message) };
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
