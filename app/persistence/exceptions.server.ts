// Exceptions are an overlay with stable keys: raising one that is open bumps its count and last-seen
// time (an upsert); clearing resolves it. A resolved exception raised again opens again.
import type { Prisma } from "@prisma/client";
import type { ExceptionInput } from "~/modules/orders/orders.ports";

type Tx = Prisma.TransactionClient;

export async function applyExceptions(
  tx: Tx,
  shop: string,
  orderId: string | null,
  raise: ExceptionInput[],
  clear: string[],
  clearKinds: readonly string[] = [],
): Promise<void> {
  const now = new Date();
  for (const e of raise) {
    const detail = (e.detail ?? {}) as Prisma.InputJsonValue;
    await tx.exceptionRecord.upsert({
      where: { shop_key: { shop, key: e.key } },
      create: { shop, key: e.key, kind: e.kind, orderId, message: e.message, detail },
      update: { message: e.message, detail, kind: e.kind, status: "open", resolvedAt: null, lastSeenAt: now, count: { increment: 1 } },
    });
  }
  const raised = raise.map((r) => r.key);
  const cleared = clear.filter((k) => !raised.includes(k));
  const kinds = orderId ? [...clearKinds] : [];
  if (!cleared.length && !kinds.length) return;
  // One statement for both ways of clearing: this runs on every decision, and each Prisma call costs
  // far more CPU than the update itself (decision 0016).
  await tx.$executeRaw`
    UPDATE exception SET status = 'resolved', "resolvedAt" = now() AT TIME ZONE 'UTC'
     WHERE shop = ${shop} AND status = 'open'
       AND (key = ANY(${cleared}::text[])
            OR ("orderId" = ${orderId}::uuid AND kind = ANY(${kinds}::text[]) AND NOT (key = ANY(${raised}::text[]))))`;
}
