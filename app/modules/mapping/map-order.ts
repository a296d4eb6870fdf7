// Mapping: a released order's facts and the shop's settings (and known stock) → warehouse orders, or
// the problems that stop them. A pure function: no I/O, the same input always gives the same output.
// Every problem is reported at once, so the merchant fixes the order in one pass; and when there is any
// problem there are no warehouse orders, because nothing half-mapped may reach a warehouse.
import type { OrderFacts, OrderLine } from "~/modules/orders/order-facts";
import { shipToFor, type ShipTo } from "./address-profile";
import { splitByStock } from "./backorder-split";
import { asCompiled, connectionFor, type CompiledMappingSettings } from "./compile-settings";
import { idempotencyKey } from "./idempotency-key";
import { locationPlan, type LocationPlan } from "./locations";
import type { MappingProblem, Where } from "./mapping-problem";
import type { Facility, MappingSettings } from "./mapping-settings.schema";
import { referencesFor } from "./references";
import { requiredFieldProblems } from "./required-fields";
import { routeLines } from "./routing";
import { serviceCodeFor } from "./service-codes";
import { warehouseSkus } from "./sku-profile";
import { lineUnits, type LineUnits } from "./units-of-measure";
import { unroutedProblem } from "./unrouted";
import type { MapOrderContext, MappingResult, WarehouseOrderDraft, WarehouseOrderLine } from "./warehouse-order-draft";

interface FacilityLines {
  facility: Facility;
  lines: { line: OrderLine; units: LineUnits }[];
}

type Collect = (problems: MappingProblem[]) => void;

export function mapOrder(facts: OrderFacts, settings: MappingSettings | CompiledMappingSettings, ctx: MapOrderContext): MappingResult {
  const compiled = asCompiled(settings);
  const problems = new Map<string, MappingProblem>();
  const collect: Collect = (found) => found.forEach((p) => problems.has(p.key) || problems.set(p.key, p));
  const groups = facilityLines(facts, compiled, ctx.orderNumber, collect);
  const drafts = groups.flatMap((group) => facilityOrders(facts, group, compiled, ctx, collect));
  return problems.size ? { warehouseOrders: [], problems: [...problems.values()] } : { warehouseOrders: drafts, problems: [] };
}

/** Lines in base units, grouped by the facility they route to, in the order the facilities first appear. */
function facilityLines(facts: OrderFacts, compiled: CompiledMappingSettings, orderNumber: string, collect: Collect): FacilityLines[] {
  // Lines with nothing left to send (removed in an order edit) are not part of any warehouse order.
  const lines = facts.lines.filter((l) => l.quantity > 0);
  const routes = routeLines(facts, lines.map((l) => l.sku?.trim() || null), compiled.routing);
  const groups = new Map<string, FacilityLines>();
  const unrouted: { line: OrderLine; facilityCode: string | null }[] = [];
  lines.forEach((line, i) => {
    const units = lineUnits(line, compiled.units, orderNumber);
    if (!units.ok) collect(units.error);
    const route = routes[i] ?? null;
    const facility = route ? compiled.facilities.get(route.facilityCode) : undefined;
    if (!facility) unrouted.push({ line, facilityCode: route?.facilityCode ?? null });
    else if (units.ok) {
      const group = groups.get(facility.code) ?? { facility, lines: [] };
      group.lines.push({ line, units: units.value });
      groups.set(facility.code, group);
    }
  });
  if (unrouted.length) collect([unroutedProblem(unrouted, orderNumber)]);
  return [...groups.values()];
}

interface Checked {
  lines: WarehouseOrderLine[];
  serviceCode: string;
  shipTo: ShipTo;
  references: Record<string, string>;
  plan: LocationPlan;
}

function facilityOrders(facts: OrderFacts, group: FacilityLines, compiled: CompiledMappingSettings, ctx: MapOrderContext, collect: Collect): WarehouseOrderDraft[] {
  const checked = checkFacility(facts, group, compiled, ctx);
  if ("problems" in checked) {
    collect(checked.problems);
    return [];
  }
  const { facility } = group;
  const connection = connectionFor(compiled, facility.connectionId);
  return splits(checked.lines, facility.code, compiled, ctx).map(({ split, lines, backordered }) => ({
    connectionId: facility.connectionId,
    facilityCode: facility.code,
    split,
    backordered,
    idempotencyKey: idempotencyKey({ prefix: connection.profile.orderKeyPrefix, orderNumber: ctx.orderNumber, facilityCode: facility.code, split, revision: ctx.revision }),
    serviceCode: checked.serviceCode,
    lines,
    shipTo: checked.shipTo,
    references: checked.references,
    totals: { ...facts.totals.shop },
    shopifyLocationId: facility.shopifyLocationId,
    fulfillmentOrderIds: checked.plan.fulfillmentOrderIds,
    needsMove: checked.plan.needsMove,
  }));
}

/** Everything one warehouse needs from this order, or every problem stopping it. */
function checkFacility(facts: OrderFacts, group: FacilityLines, compiled: CompiledMappingSettings, ctx: MapOrderContext): Checked | { problems: MappingProblem[] } {
  const { facility, lines } = group;
  const { profile, services, sku } = connectionFor(compiled, facility.connectionId);
  const where: Where = { orderNumber: ctx.orderNumber, connectionId: facility.connectionId, warehouse: profile.name ?? facility.name };
  const skus = warehouseSkus(lines.map((l) => l.units.baseSku), sku, where);
  const service = serviceCodeFor(facts, services, where);
  const ship = shipToFor(facts, profile.address, where);
  const options = { transliterate: profile.address.transliterate, requestedDeliveryDate: ctx.requestedDeliveryDate ?? null };
  const refs = referencesFor(facts, profile.references, options, where);
  const lineItemIds = new Set(lines.map((l) => l.line.lineItemId));
  const plan = locationPlan(facts, lineItemIds, facility, compiled.settings.routing.onLocationMismatch, ctx.orderNumber);
  const problems = [...skus.problems, ...("problem" in service ? [service.problem] : []), ...requiredFieldProblems(facts, profile.requiredFields, where)];
  problems.push(...ship.problems, ...refs.problems, ...plan.problems);
  if (problems.length || !ship.shipTo || !("code" in service)) return { problems };
  const orderLines = lines.map(({ line, units }, i) => ({
    warehouseSku: skus.skus[i] ?? units.baseSku,
    quantity: units.quantity,
    baseSku: units.baseSku,
    sourceLineItemId: line.lineItemId,
    sourceSku: line.sku,
    orderedQuantity: units.orderedQuantity,
    factor: units.factor,
  }));
  return { lines: orderLines, serviceCode: service.code, shipTo: ship.shipTo, references: refs.references, plan };
}

/** Split 0 goes now; split 1 is the backordered rest. Without the setting or known stock, one split. */
function splits(lines: WarehouseOrderLine[], facilityCode: string, compiled: CompiledMappingSettings, ctx: MapOrderContext) {
  if (!compiled.settings.backorderSplit || !ctx.stock) return [{ split: 0, lines, backordered: false }];
  const { now, later } = splitByStock(lines, facilityCode, ctx.stock);
  return [
    ...(now.length ? [{ split: 0, lines: now, backordered: false }] : []),
    ...(later.length ? [{ split: 1, lines: later, backordered: true }] : []),
  ];
}
