// Sends planned batches to Shopify and sees each one through (DESIGN.md invariant 4). Several calls are
// in flight at once so the rate-limit bucket never sits idle while Loadbay waits on one answer; the
// gateway paces them by throttleStatus. Each batch ends one of four ways:
// - written: the rows become Shopify's new reading (with a new generation, so a later write of the
//   same numbers is still a new operation);
// - stale (`CHANGE_FROM_QUANTITY_STALE`, a spent key): the rows are re-read, their quantities worked out
//   again from the newest figures and demand, and planned as a new write under a new key;
// - throttled, ambiguous or unavailable: sent again later under the same key, so Shopify applies it once;
// - refused rows are dropped with their reason; anything else is a bug and stops the run.
import type { ShopifyInventory, ShopifyResult } from "./inventory.ports";
import { planStockWrites, type DesiredQuantity, type ShopifyReading, type WriteBatch, type WriteRow } from "./stock-writes";
import { answerToWrite } from "./write-answer";

export interface WriteStockDeps {
  shopify: ShopifyInventory;
  /** The quantities wanted now for these rows (newest figures and demand). */
  recompute(rows: { inventoryItemId: string; locationId: string }[]): Promise<DesiredQuantity[]>;
  /** Shopify's new readings after a write or a re-read, in the order they happened. */
  onReadings(readings: ShopifyReading[]): void;
  onProgress?(counts: WriteCounts): void;
  sleep?(ms: number): Promise<void>;
  now?(): Date;
}

export interface WriteCounts {
  written: number;
  calls: number;
  stale: number;
  refused: { row: WriteRow; code: string; message: string }[];
  points: number;
}

export interface WriteStockOptions {
  shop: string;
  reason: string;
  concurrency: number;
  /** Rounds of re-read and rewrite for one row before Loadbay leaves it to the next sync. */
  maxStaleRounds?: number;
  maxTransientRetries?: number;
}

export type WriteStockResult = { ok: true; counts: WriteCounts } | { ok: false; counts: WriteCounts; message: string };

export async function writeStock(deps: WriteStockDeps, batches: WriteBatch[], options: WriteStockOptions): Promise<WriteStockResult> {
  const counts: WriteCounts = { written: 0, calls: 0, stale: 0, refused: [], points: 0 };
  const queue: { batch: WriteBatch; round: number }[] = batches.map((batch) => ({ batch, round: 0 }));
  let failure: string | null = null;
  const worker = async () => {
    for (let next = queue.shift(); next && failure === null; next = queue.shift()) {
      const outcome = await sendOne(deps, next.batch, options, counts);
      if (outcome.kind === "failed") failure = outcome.message;
      else if (outcome.kind === "reread" && outcome.rows.length > 0 && next.round < (options.maxStaleRounds ?? 5)) {
        const again = await replan(deps, outcome.rows, options, counts);
        if (!again.ok) failure = again.message;
        else queue.push(...again.batches.map((batch) => ({ batch, round: next.round + 1 })));
      }
      deps.onProgress?.(counts);
    }
  };
  // Workers pick up batches a re-read adds while others are still running; one that finds the queue
  // empty stops, and the last one standing drains what is left.
  const running = new Set<Promise<void>>();
  do {
    while (running.size < options.concurrency && queue.length > 0 && failure === null) {
      const p: Promise<void> = worker().finally(() => running.delete(p));
      running.add(p);
    }
    if (running.size > 0) await Promise.race(running);
  } while ((running.size > 0 || queue.length > 0) && failure === null);
  await Promise.all(running);
  return failure === null ? { ok: true, counts } : { ok: false, counts, message: failure };
}

type SendOutcome = { kind: "done" } | { kind: "reread"; rows: WriteRow[] } | { kind: "failed"; message: string };

async function sendOne(deps: WriteStockDeps, batch: WriteBatch, options: WriteStockOptions, counts: WriteCounts): Promise<SendOutcome> {
  for (let attempt = 0; ; attempt++) {
    const answer = await deps.shopify.setQuantities(options.shop, batch, options.reason);
    counts.calls++;
    counts.points += answer.points;
    if (!answer.ok) {
      const retry = retryDelay(answer, attempt, options.maxTransientRetries ?? 8);
      if (retry === null) return { kind: "failed", message: answer.error.message };
      await (deps.sleep ?? sleep)(retry);
      continue;
    }
    const decision = answerToWrite(batch, answer.value.userErrors);
    if (decision.kind === "done") {
      counts.written += batch.rows.length;
      deps.onReadings(batch.rows.map((r) => afterWrite(r, deps.now?.() ?? new Date())));
      return { kind: "done" };
    }
    if (decision.kind === "retry-same-key") {
      await (deps.sleep ?? sleep)(Math.min(5_000, 200 * 2 ** attempt));
      continue;
    }
    if (decision.kind === "bug") return { kind: "failed", message: `Shopify refused a stock write: ${decision.errors.map((e) => `${e.code ?? "?"} ${e.message}`).join("; ")}` };
    counts.refused.push(...decision.refused);
    const reread = new Set(decision.reread);
    counts.stale += reread.size;
    // Rows neither stale nor refused were not applied (a call with user errors changes nothing): send them again.
    const rest = batch.rows.filter((r) => !reread.has(r) && !decision.refused.some((x) => x.row === r));
    return { kind: "reread", rows: [...reread, ...rest] };
  }
}

function retryDelay(answer: Extract<ShopifyResult<unknown>, { ok: false }>, attempt: number, maxRetries: number): number | null {
  const { error } = answer;
  if (error.kind === "throttled") return Math.max(50, error.retryAfterMs);
  if ((error.kind === "ambiguous" || error.kind === "unavailable") && attempt < maxRetries) return Math.min(10_000, 250 * 2 ** attempt);
  return null;
}

async function replan(deps: WriteStockDeps, rows: WriteRow[], options: WriteStockOptions, counts: WriteCounts) {
  const keys = rows.map(({ inventoryItemId, locationId }) => ({ inventoryItemId, locationId }));
  const read = await deps.shopify.reread(options.shop, keys);
  counts.points += read.points;
  if (!read.ok) return { ok: false as const, message: read.error.message };
  const now = deps.now?.() ?? new Date();
  const byKey = new Map(rows.map((r) => [`${r.inventoryItemId}|${r.locationId}`, r]));
  const readings: ShopifyReading[] = read.value.map((l) => ({ ...l, readAt: now, generation: nextGeneration(byKey.get(`${l.inventoryItemId}|${l.locationId}`)?.generation, now) }));
  deps.onReadings(readings);
  const desired = await deps.recompute(keys);
  const plan = planStockWrites(desired, readings, { shop: options.shop, reason: options.reason, maxReadAgeMs: 60_000, now });
  return { ok: true as const, batches: plan.batches };
}

/** What Shopify holds once a write landed: a reading of its own, with a new generation. */
function afterWrite(row: WriteRow, now: Date): ShopifyReading {
  return { inventoryItemId: row.inventoryItemId, locationId: row.locationId, quantity: row.quantity, readAt: now, generation: nextGeneration(row.generation, now) };
}

/**
 * Generations only go up: at least one more than the last, and at least the time of the reading in
 * microseconds, so readings taken in bulk (whose previous generation is not at hand) still go up.
 */
export function nextGeneration(previous: number | undefined, at: Date): number {
  return Math.max((previous ?? 0) + 1, at.getTime() * 1000);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
