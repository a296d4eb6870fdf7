// FulfillmentHolds on Shopify: Loadbay's hold (handle `loadbay`) on fulfillment orders it is not ready
// to release, and the release of only those holds. Both are idempotent so a retried job (or one whose
// mutation was `ambiguous`) can simply run again: our handle already present on a fulfillment order
// means "held", and a hold that is already gone means "released".
import { err, ok } from "~/lib/result";
import type { FulfillmentHolds, HoldReason, SourceFailure, SourceResult } from "~/modules/orders/order-source.ports";
import type { AdminGateway } from "./admin-gateway.server";
import { adminRequest, type AdminRequest } from "./admin-request.server";
import {
  FULFILLMENT_ORDER_HOLDS,
  HOLD_FULFILLMENT_ORDER,
  RELEASE_FULFILLMENT_HOLDS,
  holdResponse,
  holdsResponse,
  releaseResponse,
  type UserErrors,
} from "./fulfillment-holds.documents";

/** Shopify keeps hold handles unique per app and fulfillment order, which makes placing ours idempotent. */
export const LOADBAY_HOLD_HANDLE = "loadbay";
const ALREADY_HELD = "DUPLICATE_FULFILLMENT_HOLD_HANDLE";

export class ShopifyFulfillmentHolds implements FulfillmentHolds {
  constructor(private readonly gateway: AdminGateway) {}

  async hold(shop: string, fulfillmentOrderIds: string[], reason: HoldReason, notes: string): Promise<SourceResult<{ updatedAt: Date | null }>> {
    const request = adminRequest(this.gateway, shop);
    const hold = { reason, reasonNotes: notes, handle: LOADBAY_HOLD_HANDLE, notifyMerchant: false };
    let updatedAt: Date | null = null;
    for (const id of fulfillmentOrderIds) {
      const result = await request(HOLD_FULFILLMENT_ORDER, { id, hold }, holdResponse);
      if (!result.ok) return result;
      const { fulfillmentOrder, userErrors } = result.value.fulfillmentOrderHold;
      if (userErrors.some((e) => e.code !== ALREADY_HELD)) return err(rejected(userErrors));
      updatedAt = latest(updatedAt, fulfillmentOrder?.order.updatedAt ?? null);
    }
    return ok({ updatedAt });
  }

  async release(shop: string, holds: { fulfillmentOrderId: string; holdIds: string[] }[]): Promise<SourceResult<{ updatedAt: Date | null }>> {
    const request = adminRequest(this.gateway, shop);
    let updatedAt: Date | null = null;
    for (const { fulfillmentOrderId, holdIds } of holds) {
      if (holdIds.length === 0) continue;
      const released = await releaseOne(request, fulfillmentOrderId, holdIds);
      if (!released.ok) return released;
      updatedAt = latest(updatedAt, released.value);
    }
    return ok({ updatedAt });
  }
}

/**
 * Releases `holdIds` on one fulfillment order. Shopify refuses the whole call when one id is gone and
 * gives that refusal no code, so instead of trusting its wording we look at the holds still there:
 * none left is success, some left is one more try with just those.
 */
async function releaseOne(request: AdminRequest, id: string, holdIds: string[]): Promise<SourceResult<Date | null>> {
  let wanted = holdIds;
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await request(RELEASE_FULFILLMENT_HOLDS, { id, holdIds: wanted }, releaseResponse);
    if (!result.ok) return result;
    const { fulfillmentOrder, userErrors } = result.value.fulfillmentOrderReleaseHold;
    if (userErrors.length === 0) return ok(fulfillmentOrder?.order.updatedAt ?? null);
    // Another app's or the merchant's hold is never ours to release: a caller bug, not a state to absorb.
    if (userErrors.some((e) => e.code === "INVALID_ACCESS")) return err(rejected(userErrors));
    const now = await request(FULFILLMENT_ORDER_HOLDS, { id }, holdsResponse);
    if (!now.ok) return now;
    if (!now.value.fulfillmentOrder) return err(rejected(userErrors));
    const present = new Set(now.value.fulfillmentOrder.fulfillmentHolds.map((h) => h.id));
    const remaining = wanted.filter((h) => present.has(h));
    if (remaining.length === 0) return ok(now.value.fulfillmentOrder.order.updatedAt);
    if (remaining.length === wanted.length) return err(rejected(userErrors));
    wanted = remaining;
  }
  return err({ kind: "invalid-request", message: "Shopify kept refusing to release Loadbay's fulfillment holds." });
}

function rejected(errors: UserErrors): SourceFailure {
  return { kind: "invalid-request", message: `Shopify refused the fulfillment hold change: ${errors.map((e) => e.message).join(" ")}` };
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a.getTime() >= b.getTime() ? a : b;
}
