// The alias table, resolved once per settings version: chains (A → B → C) end at their last SKU, and a
// loop is reported instead of followed. Keys compare case-insensitively (see lookupKey).
import type { SkuAliasRow } from "./mapping-rows.schema";
import { lookupKey } from "./patterns";

export type AliasTarget = { sku: string; chain: string[] } | { cycle: string[] };

/** Every alias key → where its chain ends, or the loop it falls into. */
export function resolveAliases(rows: readonly SkuAliasRow[]): Map<string, AliasTarget> {
  const next = new Map<string, string>();
  for (const row of rows) next.set(lookupKey(row.sku), row.warehouseSku.trim());
  const resolved = new Map<string, AliasTarget>();
  for (const row of rows) {
    const key = lookupKey(row.sku);
    if (!resolved.has(key)) resolved.set(key, follow(row.sku.trim(), next));
  }
  return resolved;
}

function follow(start: string, next: Map<string, string>): AliasTarget {
  const chain = [start];
  const seen = new Set([lookupKey(start)]);
  let current = start;
  for (;;) {
    const target = next.get(lookupKey(current));
    // An alias to itself (perhaps in another case) ends the chain rather than looping.
    if (target === undefined || lookupKey(target) === lookupKey(current)) return { sku: target ?? current, chain };
    if (seen.has(lookupKey(target))) return { cycle: [...chain.slice(chain.findIndex((s) => lookupKey(s) === lookupKey(target))), target] };
    seen.add(lookupKey(target));
    chain.push(target);
    current = target;
  }
}

/** Each distinct loop once, for the settings form. */
export function aliasCycles(rows: readonly SkuAliasRow[]): string[][] {
  const loops = new Map<string, string[]>();
  for (const target of resolveAliases(rows).values()) {
    if (!("cycle" in target)) continue;
    const id = target.cycle.slice(0, -1).map(lookupKey).sort().join("\u0000");
    if (!loops.has(id)) loops.set(id, target.cycle);
  }
  return [...loops.values()];
}
