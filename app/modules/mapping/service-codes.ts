// Shopify's shipping line → the warehouse's service code. Merchants name methods for buyers ("Express
// B2B"); warehouses need codes (WHI_EXP). The code is the most specific match, then the title, then the
// carrier, then the connection's default. Case and spacing never matter.
import type { OrderFacts } from "~/modules/orders/order-facts";
import type { ConnectionProfile } from "./mapping-settings.schema";
import { mappingProblem, quoted, type MappingProblem, type Where } from "./mapping-problem";
import { lookupKey } from "./patterns";

export interface CompiledServiceCodes {
  byMatch: Record<"code" | "title" | "carrier", Map<string, string>>;
  defaultCode: string | null;
}

export function compileServiceCodes(services: ConnectionProfile["serviceCodes"]): CompiledServiceCodes {
  const byMatch = { code: new Map<string, string>(), title: new Map<string, string>(), carrier: new Map<string, string>() };
  for (const row of services.rows) byMatch[row.matchOn].set(lookupKey(row.value), row.serviceCode);
  return { byMatch, defaultCode: services.defaultCode };
}

const ORDER = ["code", "title", "carrier"] as const;

/** The service code for the order's shipping method, or the problem naming the unmapped method. */
export function serviceCodeFor(
  facts: OrderFacts,
  services: CompiledServiceCodes,
  where: Where,
): { code: string } | { problem: MappingProblem } {
  // B2B orders carry one shipping line; when there are several, the first is the one the buyer chose.
  const line = facts.shippingLines[0];
  for (const field of ORDER) {
    const value = line?.[field];
    const code = value ? services.byMatch[field].get(lookupKey(value)) : undefined;
    if (code !== undefined) return { code };
  }
  if (services.defaultCode !== null) return { code: services.defaultCode };
  const method = line?.title.trim() || line?.code || "";
  const message = method
    ? `The shipping method ${quoted(method)} has no service code for ${where.warehouse}. Add it to the service-code map, then retry.`
    : `The order has no shipping method, and ${where.warehouse} has no default service code. Add a default service code, then retry.`;
  const detail = { connectionId: where.connectionId, shippingLines: facts.shippingLines };
  return { problem: mappingProblem("unmapped-service", { orderNumber: where.orderNumber, subject: `${where.connectionId}:${method}` }, message, detail) };
}
