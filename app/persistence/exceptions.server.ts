// Exceptions are an overlay with stable keys: raising one that is open bumps its count and last-seen
// time (an upsert); clearing resolves it. A resolved exception raised again opens again. Plain SQL on
// a SqlRunner, so it runs inside either kind of transaction (node-postgres or Prisma, via prismaRunner);
// it is on every decision's path (decision 0016).
import type { Prisma } from "@prisma/client";
import { NOW_UTC, type SqlRunner } from "~/lib/sql.server";
import type { ExceptionInput } from "~/modules/orders/orders.ports";

export async function applyExceptions(
  tx: SqlRunner,
  shop: string,
  orderId: string | null,
  raise: ExceptionInput[],
  clear: string[],
  clearKinds: readonly string[] = [],
): Promise<void> {
  // One upsert per key (the last raise of a key wins), as ON CONFLICT may touch a row only once.
  raise = [...new Map(raise.map((e) => [e.key, e])).values()];
  const raised = raise.map((r) => r.key);
  const cleared = clear.filter((k) => !raised.includes(k));
  const kinds = orderId ? [...clearKinds] : [];
  if (!raise.length && !cleared.length && !kinds.length) return;
  // One statement: the raised keys are upserted, and what is cleared (by key, or every open one of these
  // kinds on the order) never includes a raised key, so the two parts touch different rows.
  await tx.run(
    "apply-exceptions",
    `WITH raised AS (
       INSERT INTO exception (id, shop, key, kind, "orderId", message, detail, "firstSeenAt", "lastSeenAt")
       SELECT gen_random_uuid(), $1, e.key, e.kind, $3::uuid, e.message, e.detail, ${NOW_UTC}, ${NOW_UTC}
         FROM jsonb_to_recordset($6::jsonb) AS e(key text, kind text, message text, detail jsonb)
       ON CONFLICT (shop, key) DO UPDATE
          SET message = EXCLUDED.message, detail = EXCLUDED.detail, kind = EXCLUDED.kind, status = 'open', "resolvedAt" = NULL,
              "lastSeenAt" = EXCLUDED."lastSeenAt", count = exception.count + 1)
     UPDATE exception SET status = 'resolved', "resolvedAt" = ${NOW_UTC}
      WHERE shop = $1 AND status = 'open'
        AND (key = ANY($2::text[]) OR ("orderId" = $3::uuid AND kind = ANY($4::text[]) AND NOT (key = ANY($5::text[]))))`,
    [shop, cleared, orderId, kinds, raised, JSON.stringify(raise.map((e) => ({ key: e.key, kind: e.kind, message: e.message, detail: e.detail ?? {} })))],
  );
}

/** A SqlRunner over a Prisma interactive transaction, for the paths that stay on Prisma. */
export function prismaRunner(tx: Prisma.TransactionClient): SqlRunner {
  return {
    async run<R extends object>(_name: string, text: string, values: unknown[]) {
      const rows = await tx.$queryRawUnsafe<R[]>(text, ...values);
      return { rows, count: rows.length };
    },
  };
}
