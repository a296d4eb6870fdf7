// A released order is mapped to warehouse orders at once, so the merchant sees what would be sent
// (or every reason it cannot be) before anything is transmitted. Mapping problems are exceptions on
// the order; the order stays released, blocked, until a retry maps it cleanly.
import { mapOrder } from "~/modules/mapping/map-order";
import { MAPPING_PROBLEM_KINDS } from "~/modules/mapping/mapping-problem";
import type { OrderFacts } from "./order-facts";
import type { DecisionRecord, ShopContext, TimelineEntry } from "./orders.ports";

type MappingOutcome = Pick<DecisionRecord, "warehouseOrders" | "raise" | "clearKinds"> & { timeline: TimelineEntry[] };

export const MAPPING_EXCEPTION_KINDS: readonly string[] = [...MAPPING_PROBLEM_KINDS, "invalid-mapping-settings"];

export function mapReleased(facts: OrderFacts, shop: ShopContext): MappingOutcome {
  const actor = "rule:mapping";
  if (!shop.mapping.ok) {
    const { message, detail } = shop.mapping.error;
    return { warehouseOrders: null, clearKinds: MAPPING_EXCEPTION_KINDS, raise: [{ key: `invalid-mapping-settings:${orderNumber(facts)}`, kind: "invalid-mapping-settings", message, detail }], timeline: [{ actor, kind: "exception", message }] };
  }
  const result = mapOrder(facts, shop.mapping.value, { orderNumber: orderNumber(facts), revision: 0 });
  if (result.problems.length) {
    return {
      warehouseOrders: null,
      clearKinds: MAPPING_EXCEPTION_KINDS,
      raise: result.problems.map((p) => ({ key: p.key, kind: p.kind, message: p.message, detail: p.detail })),
      timeline: [{ actor, kind: "mapping", message: `Cannot be sent yet: ${result.problems.map((p) => p.message).join(" ")}`, payload: result.problems }],
    };
  }
  if (result.warehouseOrders.length === 0) {
    return { warehouseOrders: [], clearKinds: MAPPING_EXCEPTION_KINDS, raise: [], timeline: [{ actor, kind: "mapping", message: "Nothing left to send: every line was removed or refunded." }] };
  }
  const summary = result.warehouseOrders.map((w) => `${w.facilityCode} (${w.lines.length} line${w.lines.length === 1 ? "" : "s"}, ${w.idempotencyKey})`).join(", ");
  return {
    warehouseOrders: result.warehouseOrders,
    clearKinds: MAPPING_EXCEPTION_KINDS,
    raise: [],
    timeline: [{ actor, kind: "mapping", message: `Mapped to ${result.warehouseOrders.length} warehouse order(s): ${summary}`, payload: result.warehouseOrders }],
  };
}

/** Shopify's numeric order id (stable, unique per shop), for keys and exception keys. */
export const orderNumber = (facts: OrderFacts) => facts.shopifyOrderId.split("/").pop() ?? facts.name.replace(/^#/, "");
