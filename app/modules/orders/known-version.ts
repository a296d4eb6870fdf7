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
const normalTags = (tags: string[]) => tags.map((t) => t.trim().toLowerCase()).filter(Boolean).sort().join(",");

export function isKnownVersion(webhookUpdatedAt: Date, order: KnownVersions, fingerprint: Fingerprint | null = null): boolean {
  const at = seconds(webhookUpdatedAt);
  const evaluated = order.evaluatedUpdatedAt ? seconds(order.evaluatedUpdatedAt) : null;
  if (evaluated !== null && at < evaluated) return true;
  const sameSecond = at === evaluated || order.ownWriteStamps.some((stamp) => seconds(stamp) === at);
  return sameSecond && fingerprintMatches(fingerprint, order.seen);
}

function fingerprintMatches(webhook: Fingerprint | null, seen: Fingerprint | null): boolean {
  if (!webhook || !seen) return true; // nothing to compare: the timestamp is all we have
  return normalTags(webhook.tags) === normalTags(seen.tags) && (webhook.financialStatus ?? "").toUpperCase() === (seen.financialStatus ?? "").toUpperCase();
}
