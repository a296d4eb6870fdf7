// Cancelling through `GET /api/Order/{id}/Cancel`. The order is found by its reference, because a
// partial despatch splits it: only parts not yet despatched can still be cancelled.
import type { ConnectorResult, OutboundOrder } from "../warehouse-connector";
import { fail, succeed, unexpectedAnswer } from "./failures";
import type { MintsoftHttp } from "./mintsoft-http.server";
import { toolkitResultSchema } from "./mintsoft-schemas";
import { findByReference } from "./submit-order.server";

/** Assumed status id for cancelled orders (Mintsoft lists them per database at `GET /api/Order/Statuses`). */
const CANCELLED = 7;

async function cancelPart(http: MintsoftHttp, id: number): Promise<ConnectorResult<true>> {
  const answer = await http.send({ method: "GET", path: `/api/Order/${id}/Cancel` });
  if (!answer.ok) return answer;
  const result = toolkitResultSchema.safeParse(answer.value.body);
  if (answer.value.status !== 200 || !result.success) return fail(unexpectedAnswer("the cancellation", answer.value.status));
  if (!result.data.Success) return fail({ kind: "rejected", message: result.data.Message ?? `Mintsoft would not cancel order ${id}.` });
  return succeed(true);
}

export async function cancelOrder(http: MintsoftHttp, order: OutboundOrder): Promise<ConnectorResult<{ cancelled: boolean }>> {
  const reference = order.draft.idempotencyKey;
  const parts = await findByReference(http, reference);
  if (!parts.ok) return parts;
  if (parts.value.length === 0) return fail({ kind: "rejected", message: `Mintsoft has no order ${reference}, so there is nothing to cancel.` });
  const open = parts.value.filter((p) => !p.DespatchDate && p.OrderStatusId !== CANCELLED);
  if (open.length === 0 && parts.value.some((p) => p.DespatchDate)) {
    return fail({ kind: "rejected", message: `Mintsoft has already despatched order ${reference}; it can no longer be cancelled.` });
  }
  for (const part of open) {
    const cancelled = await cancelPart(http, part.ID);
    if (!cancelled.ok) return cancelled;
  }
  return succeed({ cancelled: true });
}
