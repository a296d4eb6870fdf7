// Order file names are deterministic: the same warehouse order always gets the same name, so a resubmit
// finds the file (or the warehouse's copy of it) instead of sending a second one (DESIGN.md invariant 2).
import { createHash } from "node:crypto";

const SAFE = /^[A-Za-z0-9_-]+$/;
export const FILE_PREFIX_PATTERN = /^[A-Za-z0-9_-]{0,20}$/;

export interface OrderFileName {
  /** The final name the warehouse picks up, e.g. `LB-1001-LEEDS-0-r0.csv` (or `.edi`). */
  name: string;
  /** The name it is written under first; warehouses ignore anything that does not end in `.csv`. */
  tmpName: string;
}

/**
 * `<prefix><idempotency key>.<extension>` (csv by default). Keys are already [A-Za-z0-9-] (idempotency-key.ts); anything else is
 * replaced and a digest of the original appended, so two keys can never share a name.
 */
export function orderFileName(prefix: string, idempotencyKey: string, extension = "csv"): OrderFileName {
  const base = SAFE.test(idempotencyKey)
    ? `${prefix}${idempotencyKey}`
    : `${prefix}${idempotencyKey.replace(/[^A-Za-z0-9_-]/g, "_")}-${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 12)}`;
  return { name: `${base}.${extension}`, tmpName: `${base}.tmp` };
}

/** `folder/name` for SFTP paths (always "/", whatever the server's platform). */
export const remotePath = (folder: string, name: string): string => `${folder.replace(/\/+$/, "")}/${name}`;

/** Only complete CSV files count; `.tmp` files are uploads in progress. */
export const isCsvFile = (name: string): boolean => /\.csv$/i.test(name) && !name.startsWith(".");
