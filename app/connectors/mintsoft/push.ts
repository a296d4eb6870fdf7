// Mintsoft pushes, for warehouses that set up callbacks instead of being polled. Assumed (to confirm at
// onboarding, docs/connectors/mintsoft.md): a despatch callback carries the order as `GET /api/Order/{id}`
// returns it, alone or in an array; a stock callback carries `StockLevels` rows.
import type { ConnectorResult, DispatchAdviceIn, InboundPush, StockLevelIn } from "../warehouse-connector";
import { dispatchAdvice } from "./dispatch-advice";
import { fail, succeed } from "./failures";
import type { MintsoftConfig } from "./mintsoft-config";
import { orderSchema, stockLevelsSchema } from "./mintsoft-schemas";

export function receivePush(config: MintsoftConfig, push: InboundPush, now: Date): ConnectorResult<{ dispatches: DispatchAdviceIn[]; stock: StockLevelIn[] }> {
  let body: unknown;
  try {
    body = JSON.parse(push.body);
  } catch {
    return fail({ kind: "rejected", message: "The Mintsoft callback was not valid JSON." });
  }
  const rows = Array.isArray(body) ? body : [body];
  if (push.kind === "stock") {
    const levels = stockLevelsSchema.safeParse(rows);
    if (!levels.success) return fail({ kind: "rejected", message: `The Mintsoft stock callback did not have the StockLevels shape (${where(levels.error)}).` });
    const facilityCode = config.facilityCode ?? String(config.warehouseId);
    return succeed({ dispatches: [], stock: levels.data.map((r) => ({ facilityCode, warehouseSku: r.SKU, freeQuantity: r.Level, asOf: now })) });
  }
  const dispatches: DispatchAdviceIn[] = [];
  for (const [i, row] of rows.entries()) {
    const order = orderSchema.safeParse(row);
    if (!order.success) return fail({ kind: "rejected", message: `Order ${i + 1} in the Mintsoft despatch callback did not have the order shape (${where(order.error)}).` });
    const { DespatchDate } = order.data;
    if (!DespatchDate) return fail({ kind: "rejected", message: `Mintsoft order ${order.data.ID} in the despatch callback has no DespatchDate.` });
    dispatches.push(dispatchAdvice({ ...order.data, DespatchDate }));
  }
  return succeed({ dispatches, stock: [] });
}

const where = (error: { issues: { path: PropertyKey[]; message: string }[] }) => {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join(".") || "body"}: ${issue.message}` : "unknown";
};
