// Submitting one order, idempotent by its reference: a duplicate-reference refusal is looked up and
// reported as `alreadyThere` (DESIGN.md invariant 2) rather than as a failure.
import type { ConnectorResult, OutboundOrder, SubmitReceipt } from "../warehouse-connector";
import { createOrderBody } from "./create-order-body";
import { fail, succeed, unexpectedAnswer } from "./failures";
import type { MintsoftConfig } from "./mintsoft-config";
import type { MintsoftHttp } from "./mintsoft-http.server";
import { messageSchema, newOrderResultSchema, ordersSchema, type MintsoftOrder } from "./mintsoft-schemas";

/** How Mintsoft's duplicate refusal reads is not documented; README.md (warehouse-sim) records the assumption. */
const isDuplicate = (message: string) => /already exists/i.test(message);

/** Every part of the order with this reference, oldest first. */
export async function findByReference(http: MintsoftHttp, reference: string): Promise<ConnectorResult<MintsoftOrder[]>> {
  const answer = await http.send({ method: "GET", path: "/api/Order/Search", query: { OrderNumber: reference } });
  if (!answer.ok) return answer;
  const orders = ordersSchema.safeParse(answer.value.body);
  if (answer.value.status !== 200 || !orders.success) return fail(unexpectedAnswer("the order search", answer.value.status));
  return succeed(orders.data.filter((o) => o.ExternalOrderReference === reference).sort((a, b) => (a.Part ?? 1) - (b.Part ?? 1) || a.ID - b.ID));
}

async function alreadyThere(http: MintsoftHttp, reference: string, refusal: string): Promise<ConnectorResult<SubmitReceipt>> {
  const found = await findByReference(http, reference);
  if (!found.ok) return found;
  const first = found.value[0];
  if (!first) return fail({ kind: "rejected", message: `Mintsoft says order ${reference} already exists, but no order with that reference could be found.`, detail: refusal });
  return succeed({ accepted: true, warehouseReference: String(first.ID), alreadyThere: true });
}

function refusal(status: number, body: unknown): string | null {
  if (status === 400) return messageSchema.safeParse(body).data?.Message ?? null;
  const results = newOrderResultSchema.safeParse(body);
  const result = results.data?.[0];
  return result && !result.Success ? (result.Message ?? "Mintsoft did not create the order and gave no reason.") : null;
}

export async function submitOrder(http: MintsoftHttp, config: MintsoftConfig, order: OutboundOrder): Promise<ConnectorResult<SubmitReceipt>> {
  const reference = order.draft.idempotencyKey;
  const answer = await http.send({ method: "PUT", path: "/api/Order", body: createOrderBody(order.draft, config) });
  if (!answer.ok) return answer;
  const { status, body } = answer.value;
  const refused = status === 200 || status === 400 ? refusal(status, body) : null;
  if (refused !== null) {
    if (isDuplicate(refused)) return alreadyThere(http, reference, refused);
    return fail({ kind: "rejected", message: refused, detail: { status, body } });
  }
  const created = newOrderResultSchema.safeParse(body).data?.[0];
  if (status === 200 && created?.Success && created.OrderId) return succeed({ accepted: true, warehouseReference: String(created.OrderId), alreadyThere: false });
  if (status === 200 || status === 400) return fail(unexpectedAnswer("the new order", status));
  return fail({ kind: "rejected", message: `Mintsoft refused the order with HTTP ${status}.`, detail: { status, body } });
}
