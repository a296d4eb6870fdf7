// The warehouse order's idempotency key (DESIGN.md invariant 2): fixed when the order is first mapped,
// from the shop's key prefix, the Shopify order, the facility, the split and the revision. It goes into
// warehouse reference fields and file names, so it is at most 40 characters of [A-Za-z0-9-].
// Readable when it fits; otherwise a digest of the readable form, still deterministic.

const SAFE = /^[A-Za-z0-9-]+$/;
export const IDEMPOTENCY_KEY_MAX = 40;

export interface KeyParts {
  prefix: string;
  orderNumber: string;
  facilityCode: string;
  split: number;
  revision: number;
}

export function idempotencyKey(p: KeyParts): string {
  const readable = `${p.prefix}-${p.orderNumber}-${p.facilityCode}-${p.split}-r${p.revision}`;
  if (SAFE.test(readable) && readable.length <= IDEMPOTENCY_KEY_MAX) return readable;
  return `${p.prefix}-${p.facilityCode}-${digest(readable)}`;
}

/** 64 bits from two FNV-1a passes with different offsets, as 13 base-36 characters. */
function digest(text: string): string {
  return fnv1a(text, 0x811c9dc5).toString(36).padStart(7, "0") + fnv1a(text, 0x01000193).toString(36).padStart(7, "0").slice(-6);
}

function fnv1a(text: string, offset: number): number {
  let hash = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
