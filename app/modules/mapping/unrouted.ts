// The one problem for lines that no rule sends anywhere (or that are sent to a facility that is not
// set up). One per order, naming the SKUs, so adding a rule clears it in one retry.
import type { OrderLine } from "~/modules/orders/order-facts";
import { mappingProblem, quoted, type MappingProblem } from "./mapping-problem";

const SHOWN = 3;

export function unroutedProblem(unrouted: { line: OrderLine; facilityCode: string | null }[], orderNumber: string): MappingProblem {
  const names = unrouted.map(({ line }) => (line.sku ? `SKU ${quoted(line.sku)}` : quoted(line.title)));
  const listed = names.slice(0, SHOWN).join(", ") + (names.length > SHOWN ? ` and ${names.length - SHOWN} more` : "");
  const unknown = [...new Set(unrouted.map((u) => u.facilityCode).filter((c): c is string => c !== null))];
  const message = unknown.length
    ? `The routing rules send ${listed} to facility ${unknown.join(", ")}, which is not set up. Add the facility or correct the rule, then retry.`
    : `No routing rule sends ${listed} to a facility, and there is no default facility. Add a routing rule or a default facility, then retry.`;
  const detail = { lines: unrouted.map(({ line, facilityCode }) => ({ lineItemId: line.lineItemId, sku: line.sku, facilityCode })) };
  return mappingProblem("no-route", { orderNumber }, message, detail);
}
