// Mapping throughput on one core: a 20-line order through a realistic rule set (200 routing rules,
// 2,000 unit-of-measure rows, 50 service codes per warehouse, an alias table), built deterministically
// so every run measures the same work. The baseline in the same run is a JSON round trip of the same
// order facts: the cheapest thing any code does with an order, so the ratio survives a slower machine.
import { compileMappingSettings } from "~/modules/mapping/compile-settings";
import { mapOrder } from "~/modules/mapping/map-order";
import { mappingSettingsSchema, type MappingSettings } from "~/modules/mapping/mapping-settings.schema";
import type { OrderFacts, OrderLine } from "~/modules/orders/order-facts";
import { orderFacts } from "../../test/support/factories/order-facts";
import type { BenchGroup } from "./group";
import { medianOfRuns, round } from "./stats";

const RUN_MS = 2_000;
const BASELINE_MS = 1_000;
const CONNECTIONS = ["gxo", "whistl", "mintsoft"];
const AREAS = ["AB", "B", "BA", "BD", "BH", "BL", "BN", "BR", "BS", "CA", "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA"];

function settings(): MappingSettings {
  const facilities = Array.from({ length: 12 }, (_, i) => ({
    code: `FAC${i}`,
    name: `Facility ${i}`,
    connectionId: CONNECTIONS[i % CONNECTIONS.length],
    shopifyLocationId: `gid://shopify/Location/${100 + i}`,
  }));
  const rules = Array.from({ length: 200 }, (_, i) => rule(i));
  const uom = Array.from({ length: 2_000 }, (_, i) => ({ sku: `CASE-${i}`, baseSku: `SKU-${i}`, factor: 6 + (i % 4) * 6 }));
  const connections = CONNECTIONS.map((connectionId, c) => ({
    connectionId,
    name: connectionId.toUpperCase(),
    serviceCodes: { rows: Array.from({ length: 50 }, (_, i) => ({ matchOn: "title", value: `Method ${i}`, serviceCode: `SVC${c}-${i}` })) },
    sku: { aliases: Array.from({ length: 500 }, (_, i) => ({ sku: `SKU-${i * 3}`, warehouseSku: `WH${i * 3}` })), mode: c === 1 ? "sanitise" : "reject", allowedCharacters: c === 1 ? "A-Za-z0-9" : "\\x21-\\x7E" },
    requiredFields: { phone: true, poNumber: c === 1 },
    address: { transliterate: c !== 0 },
  }));
  return mappingSettingsSchema.parse({ facilities, routing: { rules, defaultFacilityCode: "FAC0" }, unitsOfMeasure: { rows: uom }, connections });
}

/** Mostly rules this order does not match, as a long real rule list is; the ones it does match sit near the end. */
function rule(i: number) {
  const facilityCode = `FAC${i % 12}`;
  if (i === 190) return { facilityCode: "FAC1", conditions: { skuPrefix: ["SKU-1"] } };
  if (i === 195) return { facilityCode: "FAC3", conditions: { country: ["GB"], postcodePrefix: ["LS"] } };
  switch (i % 5) {
    case 0:
      return { facilityCode, conditions: { postcodePrefix: [AREAS[i % AREAS.length], `${AREAS[(i + 7) % AREAS.length]}1`] } };
    case 1:
      return { facilityCode, conditions: { country: ["FR", "DE", "IE"].slice(0, 1 + (i % 3)) } };
    case 2:
      return { facilityCode, conditions: { customerGroup: [`group-${i}`], tag: [`tag-${i}`] } };
    case 3:
      return { facilityCode, conditions: { company: [`Company ${i}`], postcodePattern: `^${AREAS[i % AREAS.length]}\\d` } };
    default:
      return { facilityCode, conditions: { skuPrefix: [`PFX${i}-`], country: ["GB"], tag: ["express"] } };
  }
}

function facts(): OrderFacts {
  const lines: OrderLine[] = Array.from({ length: 20 }, (_, i) => ({
    lineItemId: `gid://shopify/LineItem/${i + 1}`,
    sku: i % 4 === 0 ? `CASE-${i * 97}` : `SKU-${i * 37}`,
    title: i % 4 === 0 ? `Product ${i}, case` : `Product ${i}`,
    quantity: 2 + (i % 3) * 2,
    variantId: `gid://shopify/ProductVariant/${5000 + i}`,
    packSize: i % 5 === 0 ? 2 : null,
  }));
  const shippingAddress = {
    name: "Jo Buyer", company: "Acme Trading", address1: "Unit 7, Büro Park, Aire Valley Industrial Estate", address2: null,
    city: "Leeds", province: null, zip: "LS1 1AA", countryCode: "GB", phone: "+441130000000",
  };
  return orderFacts({ lines, shippingLines: [{ title: "Method 42", code: null, carrier: null }], shippingAddress });
}

/** Calls per second of `work`, counted over `ms` of wall time. */
function perSecond(ms: number, work: () => unknown): number {
  const start = performance.now();
  let done = 0;
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 64; i++) work();
    done += 64;
    now = performance.now();
  }
  return (done / (now - start)) * 1000;
}

export const mappingGroup: BenchGroup = async ({ runs }) => {
  const order = facts();
  const raw = settings();
  const compileStart = performance.now();
  const compiled = compileMappingSettings(raw);
  const compileMs = performance.now() - compileStart;
  const ctx = { orderNumber: "1001", revision: 0 };
  const check = mapOrder(order, compiled, ctx);
  if (check.problems.length || check.warehouseOrders.length < 2) throw new Error(`the bench order must map cleanly to two facilities: ${JSON.stringify(check.problems)}`);
  perSecond(200, () => mapOrder(order, compiled, ctx)); // warm-up: let the JIT settle before measuring
  return medianOfRuns(runs, async () => {
    const mapping = perSecond(RUN_MS, () => mapOrder(order, compiled, ctx));
    const baseline = perSecond(BASELINE_MS, () => JSON.parse(JSON.stringify(order)));
    return {
      mapping_orders_per_s: round(mapping, 0),
      baseline_json_roundtrip_per_s: round(baseline, 0),
      mapping_vs_json_roundtrip: round(mapping / baseline, 3),
      mapping_compile_settings_ms: round(compileMs, 1),
    };
  });
};
