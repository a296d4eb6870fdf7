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
  for (const e of raise) {
    await tx.run(
      "raise-exception",
      `INSERT INTO exception (id, shop, key, kind, "orderId", message, detail, "firstSeenAt", "lastSeenAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4::uuid, $5, $6::jsonb, ${NOW_UTC}, ${NOW_UTC})
       ON CONFLICT (shop, key) DO UPDATE
          SET message = EXCLUDED.message, detail = EXCLUDED.detail, kind = EXCLUDED.kind, status = 'open', "resolvedAt" = NULL,
              "lastSeenAt" = EXCLUDED."lastSeenAt", count = exception.count + 1`,
      [shop, e.key, e.kind, orderId, e.message, JSON.stringify(e.detail ?? {})],
    );
  }
  const raised = raise.map((r) => r.key);
  const cleared = clear.filter((k) => !raised.includes(k));
  const kinds = orderId ? [...clearKinds] : [];
  if (!cleared.length && !kinds.length) return;
  // One statement for both ways of clearing: by key, and every open one of these kinds on the order.
  await tx.run(
    "clear-exceptions",
    `UPDATE exception SET status = 'resolved', "resolvedAt" = ${NOW_UTC}
      WHERE shop = $1 AND status = 'open'
        AND (key = ANY($2::text[]) OR ("orderId" = $3::uuid AND kind = ANY($4::text[]) AND NOT (key = ANY($5::text[]))))`,
    [shop, cleared, orderId, kinds, raised],
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
