// Mapping settings live in shop.settings.mapping (one validated JSON document per shop). Compiling
// them into lookup tables costs far more than mapping one order, so the compiled form is cached per
// shop until the shop row changes.
import { compileMappingSettings, type CompiledMappingSettings } from "~/modules/mapping/compile-settings";
import { parseMappingSettings } from "~/modules/mapping/mapping-settings.schema";
import { ok, type Failure, type Result } from "~/lib/result";

const cache = new Map<string, { version: number; compiled: Result<CompiledMappingSettings, Failure> }>();

export function loadMappingSettings(shop: string, settings: unknown, updatedAt: Date): Result<CompiledMappingSettings, Failure> {
  const hit = cache.get(shop);
  if (hit && hit.version === updatedAt.getTime()) return hit.compiled;
  const parsed = parseMappingSettings((settings as { mapping?: unknown } | null)?.mapping);
  const compiled: Result<CompiledMappingSettings, Failure> = parsed.ok ? ok(compileMappingSettings(parsed.value)) : parsed;
  cache.set(shop, { version: updatedAt.getTime(), compiled });
  return compiled;
}
