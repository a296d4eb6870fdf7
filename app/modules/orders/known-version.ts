// Echo recognition: Shopify sends orders/updated after Loadbay's own writes (holds, tags, fulfillments).
// A webhook for a version Loadbay has already evaluated, or the version its own write produced,
// needs no work and no order fetch.
//
// Timestamps are compared to the second (REST webhook timestamps carry seconds only). Within the
// same second a change by someone else is possible, so there the webhook's own fingerprint (tags and
// financial status, which the body carries) must also match what Loadbay last saw.

export interface Fingerprint {
  tags: string[];
  financialStatus: string | null;
}

export interface KnownVersions {
  evaluatedUpdatedAt: Date | null;
  ownWriteStamps: Date[];
  /** What Loadbay last saw, to compare with a webhook from an ambiguous second. */
  seen: Fingerprint | null;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
/**
 * Loadbay's own warehouse-status tags (`<prefix>-at-warehouse` … `<prefix>-cancelled`, warehouse-status.ts) are left out
 * of the comparison: swapping one is two writes, and the echo of the first carries neither tag.
 */
const OWN_STATUS_TAG = /-(at-warehouse|partially-shipped|shipped|cancelled)$/;
const normalTags = (tags: string[]) =>
  tags
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t && !OWN_STATUS_TAG.test(t))
    .sort()
    .join(",");

export function isKnownVersion(webhookUpdatedAt: Date, order: KnownVersions, fingerprint: Fingerprint | null = null): boolean {
  const at = seconds(webhookUpdatedAt);
  const evaluated = order.evaluatedUpdatedAt ? seconds(order.evaluatedUpdatedAt) : null;
  if (evaluated !== null && at < evaluated) return true;
  const sameSecond = at === evaluated || order.ownWriteStamps.some((stamp) => seconds(stamp) === at);
  return sameSecond && fingerprintMatches(fingerprint, order.seen);
}

/** One change waiting for a decision, as noted when it arrived. */
export interface PendingVersion {
  revision: number;
  updatedAt: string | null;
  fingerprint: Fingerprint | null;
}

/**
 * True when every change still waiting (newer than `decidedRevision`) is a version Loadbay already
 * handled: an echo that arrived before Loadbay had recorded its own write. A change without a
 * timestamp (an edit, a refund, a manual action) is never taken for an echo.
 */
export function onlyKnownVersionsPending(pending: PendingVersion[], order: KnownVersions & { evaluationRevision: number }): boolean {
  // Every revision bump notes its change; a missing note for the latest one means "unknown": read.
  const latest = Math.max(...pending.map((p) => p.revision));
  if (pending.length === 0 || latest !== order.evaluationRevision) return false;
  return pending.every((p) => p.updatedAt !== null && isKnownVersion(new Date(p.updatedAt), order, p.fingerprint));
}

function fingerprintMatches(webhook: Fingerprint | null, seen: Fingerprint | null): boolean {
  if (!webhook || !seen) return true; // nothing to compare: the timestamp is all we have
  return normalTags(webhook.tags) === normalTags(seen.tags) && (webhook.financialStatus ?? "").toUpperCase() === (seen.financialStatus ?? "").toUpperCase();
}
