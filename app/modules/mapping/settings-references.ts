// Checks across the parts of the mapping settings that single fields cannot: every rule points at a
// known facility, codes and ids are unique, and no table holds two rows for the same key (the later
// row would silently win). A duplicate is reported on the later row's key cell, so forms and CSV
// imports can say which row to fix. Rows given as null (they failed their own schema) are skipped:
// the settings pages run these checks on the rows that did parse, to list every problem at once.
import type { RefinementCtx } from "zod";
import { lookupKey } from "./patterns";

type Maybe<T> = T | null;
type Path = (string | number)[];

export interface SettingsReferenceShape {
  facilities: Maybe<{ code: string }>[];
  routing: { rules: Maybe<{ facilityCode: string }>[]; defaultFacilityCode: string | null };
  unitsOfMeasure: { rows: Maybe<{ sku: string | null; variantId: string | null }>[] };
  connections: Maybe<{
    connectionId: string;
    sku: { aliases: Maybe<{ sku: string }>[] };
    serviceCodes: { rows: Maybe<{ matchOn: string; value: string }>[] };
  }>[];
}

interface Keyed {
  key: string | null;
  path: Path;
}

export function checkSettingsReferences(settings: SettingsReferenceShape, ctx: Pick<RefinementCtx, "addIssue">): void {
  const codes = new Set(settings.facilities.flatMap((f) => (f ? [f.code] : [])));
  duplicates(settings.facilities.map((f, i) => ({ key: f?.code ?? null, path: ["facilities", i, "code"] })), "facility code", ctx);
  settings.routing.rules.forEach((rule, i) => {
    if (rule && !codes.has(rule.facilityCode)) issue(ctx, ["routing", "rules", i, "facilityCode"], `There is no facility ${rule.facilityCode}.`);
  });
  const fallback = settings.routing.defaultFacilityCode;
  if (fallback !== null && !codes.has(fallback)) issue(ctx, ["routing", "defaultFacilityCode"], `There is no facility ${fallback}.`);
  const uom = settings.unitsOfMeasure.rows.flatMap((r, i): Keyed[] => [
    { key: r?.sku ? `SKU ${lookupKey(r.sku)}` : null, path: ["unitsOfMeasure", "rows", i, "sku"] },
    { key: r?.variantId ? `variant ${r.variantId.trim()}` : null, path: ["unitsOfMeasure", "rows", i, "variantId"] },
  ]);
  duplicates(uom, "unit-of-measure row for", ctx);
  duplicates(settings.connections.map((c, i) => ({ key: c?.connectionId ?? null, path: ["connections", i, "connectionId"] })), "profile for connection", ctx);
  settings.connections.forEach((c, i) => {
    if (!c) return;
    const services = c.serviceCodes.rows.map((r, j) => ({ key: r && `${r.matchOn} ${lookupKey(r.value)}`, path: ["connections", i, "serviceCodes", "rows", j, "value"] }));
    duplicates(services, "service code for", ctx);
    duplicates(c.sku.aliases.map((a, j) => ({ key: a && lookupKey(a.sku), path: ["connections", i, "sku", "aliases", j, "sku"] })), "alias for", ctx);
  });
}

function duplicates(values: Keyed[], what: string, ctx: Pick<RefinementCtx, "addIssue">): void {
  const seen = new Set<string>();
  for (const { key, path } of values) {
    if (!key) continue;
    if (seen.has(key)) issue(ctx, path, `There is more than one ${what} ${key}.`);
    seen.add(key);
  }
}

const issue = (ctx: Pick<RefinementCtx, "addIssue">, path: Path, message: string) => ctx.addIssue({ code: "custom", path, message });
