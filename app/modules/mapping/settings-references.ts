// Checks across the parts of the mapping settings that single fields cannot: every rule points at a
// known facility, codes and ids are unique, and no table holds two rows for the same key (the later
// row would silently win).
import type { RefinementCtx } from "zod";
import { lookupKey } from "./patterns";

interface SettingsShape {
  facilities: { code: string }[];
  routing: { rules: { facilityCode: string }[]; defaultFacilityCode: string | null };
  unitsOfMeasure: { rows: { sku: string | null; variantId: string | null }[] };
  connections: { connectionId: string; sku: { aliases: { sku: string }[] }; serviceCodes: { rows: { matchOn: string; value: string }[] } }[];
}

export function checkSettingsReferences(settings: SettingsShape, ctx: RefinementCtx): void {
  const codes = new Set(settings.facilities.map((f) => f.code));
  duplicates(settings.facilities.map((f) => f.code), ["facilities"], "facility code", ctx);
  settings.routing.rules.forEach((rule, i) => {
    if (!codes.has(rule.facilityCode)) issue(ctx, ["routing", "rules", i, "facilityCode"], `There is no facility ${rule.facilityCode}.`);
  });
  const fallback = settings.routing.defaultFacilityCode;
  if (fallback !== null && !codes.has(fallback)) issue(ctx, ["routing", "defaultFacilityCode"], `There is no facility ${fallback}.`);
  const uomKeys = settings.unitsOfMeasure.rows.flatMap((r) => [r.sku && `SKU ${lookupKey(r.sku)}`, r.variantId && `variant ${r.variantId.trim()}`]);
  duplicates(uomKeys, ["unitsOfMeasure", "rows"], "unit-of-measure row for", ctx);
  duplicates(settings.connections.map((c) => c.connectionId), ["connections"], "profile for connection", ctx);
  settings.connections.forEach((c, i) => {
    duplicates(c.serviceCodes.rows.map((r) => `${r.matchOn} ${lookupKey(r.value)}`), ["connections", i, "serviceCodes", "rows"], "service code for", ctx);
    duplicates(c.sku.aliases.map((a) => lookupKey(a.sku)), ["connections", i, "sku", "aliases"], "alias for", ctx);
  });
}

function duplicates(values: (string | null)[], path: (string | number)[], what: string, ctx: RefinementCtx): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    if (seen.has(value)) issue(ctx, path, `There is more than one ${what} ${value}.`);
    seen.add(value);
  }
}

const issue = (ctx: RefinementCtx, path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
