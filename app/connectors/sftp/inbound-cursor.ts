// The poll cursor of a file feed names the files of the page it came with. Handing it back to the next
// poll is the acknowledgement: only then are those files recorded in the ledger and skipped. A crash
// between reading a page and storing its cursor therefore reads the page again (at least once), and the
// receivers are idempotent (one fulfilment per shipment id; stock levels are absolute).
import { z } from "zod";
import type { InboundFileKey, InboundFileKind } from "~/modules/transmission/inbound-files.ports";

const cursorSchema = z.object({
  v: z.literal(1),
  kind: z.enum(["dispatch", "stock"]),
  files: z.array(z.object({ name: z.string(), contentHash: z.string().regex(/^[0-9a-f]{64}$/) })),
});

export function encodeCursor(kind: InboundFileKind, files: InboundFileKey[]): string | null {
  if (files.length === 0) return null;
  return JSON.stringify({ v: 1, kind, files: files.map(({ name, contentHash }) => ({ name, contentHash })) });
}

/** The files a cursor acknowledges; none for null, another feed's cursor, or anything unreadable. */
export function acknowledgedFiles(kind: InboundFileKind, cursor: string | null): InboundFileKey[] {
  if (!cursor) return [];
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(cursor));
    return parsed.success && parsed.data.kind === kind ? parsed.data.files : [];
  } catch {
    return [];
  }
}
