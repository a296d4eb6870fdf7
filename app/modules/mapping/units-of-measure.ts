// Lines into base units. A "Case of 12" sold as its own SKU is mapped (case SKU or variant → base SKU ×
// 12) so the warehouse picks 24 units for 2 cases, not 2. SparkLayer's pack_size is different: Shopify
// quantities are already units, and pack_size is the step they must come in.
import { err, ok, type Result } from "~/lib/result";
import type { OrderLine } from "~/modules/orders/order-facts";
import type { UnitOfMeasureRow } from "./mapping-rows.schema";
import type { MappingSettings } from "./mapping-settings.schema";
import { mappingProblem, quoted, type MappingProblem } from "./mapping-problem";
import { compilePattern, lookupKey } from "./patterns";

export interface CompiledUnits {
  bySku: Map<string, UnitOfMeasureRow>;
  byVariant: Map<string, UnitOfMeasureRow>;
  packSku: RegExp;
  packTitle: RegExp;
}

export interface LineUnits {
  /** The SKU the warehouse stocks, before the warehouse's SKU profile. */
  baseSku: string;
  factor: number;
  /** Quantity as ordered in Shopify (packs for a pack SKU). */
  orderedQuantity: number;
  /** Base units: orderedQuantity × factor. */
  quantity: number;
}

/** Variant ids compare by their number, so a CSV may give "123" or "gid://shopify/ProductVariant/123". */
const variantKey = (id: string) => /(\d+)\s*$/.exec(id)?.[1] ?? id.trim();

export function compileUnits(units: MappingSettings["unitsOfMeasure"]): CompiledUnits {
  const bySku = new Map<string, UnitOfMeasureRow>();
  const byVariant = new Map<string, UnitOfMeasureRow>();
  for (const row of units.rows) {
    if (row.sku !== null) bySku.set(lookupKey(row.sku), row);
    if (row.variantId !== null) byVariant.set(variantKey(row.variantId), row);
  }
  return { bySku, byVariant, packSku: compilePattern(units.packSkuPattern), packTitle: compilePattern(units.packTitlePattern) };
}

/** The line in base units; a variant row is more specific than a SKU row. */
export function lineUnits(line: OrderLine, units: CompiledUnits, orderNumber: string): Result<LineUnits, MappingProblem[]> {
  const sku = line.sku?.trim() || null;
  const row = (line.variantId ? units.byVariant.get(variantKey(line.variantId)) : undefined) ?? (sku ? units.bySku.get(lookupKey(sku)) : undefined);
  const problems: MappingProblem[] = [];
  const step = line.packSize ?? 1;
  if (step > 1 && line.quantity % step !== 0) problems.push(notPackMultiple(line, step, orderNumber));
  if (!row && sku === null) problems.push(noSku(line, orderNumber));
  else if (!row && sku !== null && (units.packSku.test(sku) || units.packTitle.test(line.title))) problems.push(unmappedPack(line, sku, orderNumber));
  const baseSku = row?.baseSku ?? sku;
  if (problems.length || baseSku === null) return err(problems);
  const factor = row?.factor ?? 1;
  return ok({ baseSku, factor, orderedQuantity: line.quantity, quantity: line.quantity * factor });
}

const lineLabel = (line: OrderLine) => (line.sku ? `${quoted(line.title)} (SKU ${line.sku})` : quoted(line.title));

const notPackMultiple = (line: OrderLine, step: number, orderNumber: string) =>
  mappingProblem(
    "pack-multiple",
    { orderNumber, subject: line.sku ?? line.lineItemId },
    `The line ${lineLabel(line)} has quantity ${line.quantity}, which is not a whole number of packs of ${step}. Change the quantity in Shopify to a multiple of ${step}, then retry.`,
    { lineItemId: line.lineItemId, quantity: line.quantity, packSize: step, remainder: line.quantity % step },
  );

const noSku = (line: OrderLine, orderNumber: string) =>
  mappingProblem(
    "invalid-sku",
    { orderNumber, subject: line.lineItemId },
    `The line ${quoted(line.title)} has no SKU, so the warehouse cannot pick it. Give the variant a SKU in Shopify, or map the variant in the unit-of-measure map, then retry.`,
    { lineItemId: line.lineItemId, variantId: line.variantId },
  );

const unmappedPack = (line: OrderLine, sku: string, orderNumber: string) =>
  mappingProblem(
    "unmapped-pack",
    { orderNumber, subject: sku },
    `SKU ${quoted(sku)} (${line.title}) looks like a pack, but the unit-of-measure map does not say which base SKU it holds or how many. Add it to the unit-of-measure map, then retry.`,
    { lineItemId: line.lineItemId, variantId: line.variantId, sku, title: line.title },
  );
