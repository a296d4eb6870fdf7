// The inventory settings form as posted (field name → text) turned into the input of
// `inventorySettingsSchema`, and the schema's complaints turned back into a sentence per field.
// Per-SKU buffers repeat `skuBuffer.sku`, `skuBuffer.kind` and `skuBuffer.value` once per row, in order;
// a row's errors are named `skuBuffers.<row>.sku` / `skuBuffers.<row>.value`. An empty number stays NaN
// so the merchant is told rather than silently given the default.
import type { z } from "zod";
import { lookupKey } from "~/modules/mapping/patterns";

export type FormEntries = [string, string][];
export type BufferKind = "none" | "units" | "percent";

const all = (entries: FormEntries, name: string) => entries.filter(([k]) => k === name).map(([, v]) => v);
const number = (text: string | undefined) => (text === undefined || text.trim() === "" ? Number.NaN : Number(text.trim()));

export function formToInventoryInput(entries: FormEntries): unknown {
  const one = (name: string) => all(entries, name)[0];
  const kind = one("globalBufferKind") ?? "none";
  const skus = all(entries, "skuBuffer.sku");
  const kinds = all(entries, "skuBuffer.kind");
  const values = all(entries, "skuBuffer.value");
  return {
    fullSyncEveryMinutes: number(one("fullSyncEveryMinutes")),
    clockSkewSeconds: number(one("clockSkewSeconds")),
    globalBuffer: kind === "units" || kind === "percent" ? { kind, value: number(one("globalBufferValue")) } : null,
    skuBuffers: skus.map((sku, i) => ({ sku, buffer: { kind: kinds[i] === "percent" ? "percent" : "units", value: number(values[i]) } })),
  };
}

/** The form field an issue belongs to. */
function fieldOf(path: PropertyKey[]): string {
  const [field, row, part] = path.map(String);
  if (field === "globalBuffer") return "globalBufferValue";
  if (field === "skuBuffers" && row !== undefined) return `skuBuffers.${row}.${part === "sku" ? "sku" : "value"}`;
  return field ?? "form";
}

/** One sentence per field that the schema rejected (the first problem found for it). */
export function fieldErrors(issues: z.core.$ZodIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= sentenceFor(field, issue);
  }
  return errors;
}

/** Two buffers for one SKU (compared as SKUs are matched: trimmed, case-blind) would leave which one applies to chance. */
export function duplicateSkuErrors(skuBuffers: { sku: string }[]): Record<string, string> {
  const first = new Map<string, number>();
  const errors: Record<string, string> = {};
  skuBuffers.forEach((b, i) => {
    const key = lookupKey(b.sku);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else errors[`skuBuffers.${i}.sku`] = `${b.sku} already has a buffer in row ${earlier + 1}; keep one row per SKU.`;
  });
  return errors;
}

function sentenceFor(field: string, issue: z.core.$ZodIssue): string {
  if (field.endsWith(".sku")) return "Enter the base SKU this buffer is for.";
  const percent = issue.code === "too_big" && issue.maximum === 100;
  switch (issue.code) {
    case "too_small":
      return `Enter a number of at least ${String(issue.minimum)}.`;
    case "too_big":
      return percent ? "A percentage can be at most 100." : `Enter a number of at most ${String(issue.maximum)}.`;
    case "invalid_type":
      return "Enter a number.";
    case "not_multiple_of":
      return "Use a whole number of units, or a percentage with at most two decimals.";
    default:
      return "This value cannot be saved; check it and try again.";
  }
}
