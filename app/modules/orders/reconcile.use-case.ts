// Webhooks alone lose orders (Shopify gives up after 8 retries; subscriptions break). On a schedule,
// each installed shop's orders updated since the last sweep are read from Shopify and any that
// Loadbay has not handled go through the same path as a webhook. Orders created before the shop's
// go-live date are left alone.
import type { Logger } from "pino";
import type { EvaluationRequest } from "~/modules/inbox/inbox.ports";
import type { OrderSource } from "./order-source.ports";

export interface ReconcileRepository {
  /** Installed shops, with where their last sweep got to. */
  shopsToReconcile(): Promise<{ shop: string; since: Date | null; goLiveAt: Date | null }[]>;
  /** Same as a webhook's note; null when the version is already handled. */
  noteFromSweep(shop: string, order: { shopifyOrderId: string; name: string; updatedAt: Date }): Promise<EvaluationRequest | null>;
  markSwept(shop: string, upTo: Date): Promise<void>;
}

export interface ReconcileDeps {
  source: OrderSource;
  repo: ReconcileRepository;
  evaluations: { enqueueEvaluation(job: EvaluationRequest): Promise<void> };
  log: Logger;
  now: () => Date;
}

/** Re-read a little before the last sweep: updates in the same second may land on either side of it. */
const OVERLAP_MS = 60_000;
const FIRST_SWEEP_LOOKBACK_MS = 24 * 3600_000;
const MAX_PAGES = 50;

export async function reconcileShops(deps: ReconcileDeps): Promise<{ shops: number; recovered: number }> {
  let recovered = 0;
  const shops = await deps.repo.shopsToReconcile();
  for (const shop of shops) recovered += await reconcileShop(deps, shop);
  return { shops: shops.length, recovered };
}

export async function reconcileShop(deps: ReconcileDeps, target: { shop: string; since: Date | null; goLiveAt: Date | null }): Promise<number> {
  const started = deps.now();
  const since = new Date((target.since?.getTime() ?? started.getTime() - FIRST_SWEEP_LOOKBACK_MS) - OVERLAP_MS);
  let cursor: string | null = null;
  let recovered = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await deps.source.ordersUpdatedSince(target.shop, since, cursor);
    if (!result.ok) {
      deps.log.warn({ shop: target.shop, failure: result.error }, "reconciliation sweep stopped early; it resumes next time");
      return recovered;
    }
    for (const order of result.value.orders) {
      if (target.goLiveAt && order.createdAt < target.goLiveAt) continue;
      const request = await deps.repo.noteFromSweep(target.shop, order);
      if (!request) continue;
      recovered++;
      await deps.evaluations.enqueueEvaluation(request).catch(() => undefined); // the sweeper retries pending orders
    }
    cursor = result.value.nextCursor;
    if (!cursor) break;
  }
  await deps.repo.markSwept(target.shop, started);
  if (recovered) deps.log.info({ shop: target.shop, recovered }, "reconciliation sweep found orders the webhooks missed");
  return recovered;
}
