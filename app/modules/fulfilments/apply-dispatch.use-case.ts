// Applies one stored dispatch advice to Shopify: exactly one fulfillment per (connection, shipment id)
// (DESIGN.md invariant 3). The fulfillment order lines are read now, not when the order was sent, since
// moves and splits change them. fulfillmentCreate has no idempotency key, so the attempt is noted before
// the call; a retry after an attempt whose answer was lost first looks for the fulfillment it made.
import type { SourceFailure } from "~/modules/orders/order-source.ports";
import { allFulfilled, findEarlierAttempt, planDispatch, trackingInput, type DispatchProblem, type FulfillmentOrderNow } from "./dispatch-plan";
import type { DispatchRepository, DispatchToApply, ShopifyFulfillments } from "./fulfilments.ports";

export interface ApplyDispatchDeps {
  dispatches: DispatchRepository;
  shopify: ShopifyFulfillments;
}

export type ApplyDispatchResult =
  | { status: "applied"; fulfillmentId: string; recovered: boolean; orderId: string; orderState: string; mirrorStatus: boolean }
  | { status: "tracking-updated" | "skipped"; note: string }
  | { status: "blocked"; problems: DispatchProblem[] }
  | { status: "retry"; failure: SourceFailure };

export async function applyDispatch(deps: ApplyDispatchDeps, job: { shop: string; dispatchId: string }): Promise<ApplyDispatchResult> {
  const dispatch = await deps.dispatches.load(job.shop, job.dispatchId);
  if (!dispatch) return { status: "skipped", note: "no such dispatch" };
  if (dispatch.status === "applied") return updateTracking(deps, dispatch);
  const target = dispatch.target;
  if (!target) {
    return block(deps, dispatch, [
      {
        kind: "dispatch-unmatched",
        warehouseSku: "",
        message: `The warehouse reported shipment ${dispatch.shipmentId} for “${dispatch.advice.orderReference}”, which matches no order Loadbay sent. Check the reference with the warehouse.`,
      },
    ]);
  }

  const read = await deps.shopify.fulfillmentOrders(dispatch.shop, target.shopifyOrderId);
  if (!read.ok) return failed(deps, dispatch, read.error);
  if (!read.value) {
    return block(deps, dispatch, [{ kind: "dispatch-not-fulfillable", warehouseSku: "", message: `Shopify no longer has order ${target.orderName}, so its shipment cannot be recorded.` }]);
  }
  // A retry after an unknown outcome: what the earlier attempt made is already off the remaining
  // quantities, so plan against those as they were — by looking for it first.
  if (dispatch.attemptedAt) {
    const earlier = await recoverEarlierAttempt(deps, dispatch, dispatch.attemptedAt, read.value);
    if (earlier.status !== "none") return earlier.result;
  }
  const planned = planDispatch({
    shipped: dispatch.advice.lines,
    sent: target.draft.lines,
    appliedBefore: target.appliedBefore,
    fulfillmentOrders: read.value,
    locationId: target.draft.shopifyLocationId,
  });
  if (!planned.ok) return block(deps, dispatch, planned.problems);

  await deps.dispatches.markAttempt(dispatch.shop, dispatch.id);
  const created = await deps.shopify.create(dispatch.shop, {
    lineItemsByFulfillmentOrder: planned.plan.lineItemsByFulfillmentOrder,
    tracking: trackingInput(dispatch.advice),
    notifyCustomer: dispatch.notifyCustomer,
  });
  if (!created.ok) {
    if (created.error.kind === "invalid-request") {
      return block(deps, dispatch, [{ kind: "fulfillment-refused", warehouseSku: "", message: `Shopify refused the fulfillment for shipment ${dispatch.shipmentId}: ${created.error.message}` }]);
    }
    return failed(deps, dispatch, created.error);
  }
  const outcome = { ...created.value, units: planned.plan.units, trackingNumbers: dispatch.advice.trackingNumbers, recovered: false };
  const recorded = await deps.dispatches.recordApplied(dispatch, outcome);
  return { status: "applied", fulfillmentId: created.value.fulfillmentId, recovered: false, orderId: target.orderId, orderState: recorded.orderState, mirrorStatus: dispatch.mirrorStatus };
}

/** Shopify's clock and ours differ a little; lines and tracking must match as well. */
const ATTEMPT_CLOCK_SKEW_MS = 120_000;

type Recovery = { status: "none" } | { status: "done"; result: ApplyDispatchResult };

async function recoverEarlierAttempt(deps: ApplyDispatchDeps, dispatch: DispatchToApply, attemptedAt: Date, now: FulfillmentOrderNow[]): Promise<Recovery> {
  const target = dispatch.target!;
  const existing = await deps.shopify.fulfillmentsSince(dispatch.shop, target.shopifyOrderId, new Date(attemptedAt.getTime() - ATTEMPT_CLOCK_SKEW_MS));
  if (!existing.ok) return { status: "done", result: await failed(deps, dispatch, existing.error) };
  // The units this shipment stands for, planned as if nothing of it had been fulfilled yet.
  const replanned = planDispatch({
    shipped: dispatch.advice.lines,
    sent: target.draft.lines,
    appliedBefore: target.appliedBefore,
    fulfillmentOrders: [
      {
        id: "as-sent",
        status: "OPEN",
        locationId: target.draft.shopifyLocationId,
        lines: target.draft.lines.map((l) => ({ id: l.sourceLineItemId, lineItemId: l.sourceLineItemId, remainingQuantity: l.orderedQuantity })),
      },
    ],
    locationId: target.draft.shopifyLocationId,
  });
  if (!replanned.ok) return { status: "none" };
  const found = findEarlierAttempt(
    { units: replanned.plan.units, trackingNumbers: dispatch.advice.trackingNumbers, attemptedAt, skewMs: ATTEMPT_CLOCK_SKEW_MS },
    existing.value,
    new Set(target.fulfillmentsOfOthers),
  );
  if (!found) return { status: "none" };
  const made = existing.value.find((f) => f.id === found)!;
  const recorded = await deps.dispatches.recordApplied(dispatch, {
    fulfillmentId: found,
    units: made.lines,
    trackingNumbers: dispatch.advice.trackingNumbers,
    orderUpdatedAt: null,
    orderFulfilled: allFulfilled(now),
    recovered: true,
  });
  return { status: "done", result: { status: "applied", fulfillmentId: found, recovered: true, orderId: target.orderId, orderState: recorded.orderState, mirrorStatus: dispatch.mirrorStatus } };
}

/** An applied shipment whose advice now carries other tracking: Shopify's fulfillment is updated. */
async function updateTracking(deps: ApplyDispatchDeps, dispatch: DispatchToApply): Promise<ApplyDispatchResult> {
  const numbers = dispatch.advice.trackingNumbers;
  const same = numbers.length === dispatch.appliedTracking.length && numbers.every((n) => dispatch.appliedTracking.includes(n));
  const tracking = trackingInput(dispatch.advice);
  if (same || !dispatch.shopifyFulfillmentId || !tracking) return { status: "skipped", note: "already applied" };
  const updated = await deps.shopify.updateTracking(dispatch.shop, dispatch.shopifyFulfillmentId, tracking, dispatch.notifyCustomer);
  if (!updated.ok) return updated.error.kind === "invalid-request" ? { status: "skipped", note: updated.error.message } : failed(deps, dispatch, updated.error);
  await deps.dispatches.recordTrackingUpdated(dispatch, numbers, updated.value.orderUpdatedAt);
  return { status: "tracking-updated", note: numbers.join(", ") };
}

async function block(deps: ApplyDispatchDeps, dispatch: DispatchToApply, problems: DispatchProblem[]): Promise<ApplyDispatchResult> {
  await deps.dispatches.recordProblems(dispatch, problems);
  return { status: "blocked", problems };
}

async function failed(deps: ApplyDispatchDeps, dispatch: DispatchToApply, failure: SourceFailure): Promise<ApplyDispatchResult> {
  // Refreshing the token already failed: only the merchant (reinstalling, granting access) fixes it.
  if (failure.kind === "unauthorized") return block(deps, dispatch, [{ kind: "fulfillment-refused", warehouseSku: "", message: `${failure.message} The shipment is kept and is applied on retry.` }]);
  await deps.dispatches.recordTransient(dispatch, `${failure.kind}: ${failure.message}`);
  return { status: "retry", failure };
}
