// Settings turned into lookup tables once per settings version, so mapping an order costs map lookups
// rather than scans of thousands of rows. Compiled settings are cached per settings object; callers
// that reload settings get a new object and so a fresh compilation.
import {
  connectionProfileSchema,
  type ConnectionProfile,
  type Facility,
  type MappingSettings,
} from "./mapping-settings.schema";
import { compileRouting, type CompiledRouting } from "./routing";
import { compileServiceCodes, type CompiledServiceCodes } from "./service-codes";
import { compileSkuProfile, type CompiledSkuProfile } from "./sku-profile";
import { compileUnits, type CompiledUnits } from "./units-of-measure";

export interface CompiledConnection {
  profile: ConnectionProfile;
  services: CompiledServiceCodes;
  sku: CompiledSkuProfile;
}

export interface CompiledMappingSettings {
  readonly kind: "compiled-mapping-settings";
  settings: MappingSettings;
  facilities: Map<string, Facility>;
  routing: CompiledRouting;
  units: CompiledUnits;
  /** By connection id; a connection without a profile gets the default profile. */
  connections: Map<string, CompiledConnection>;
}

const cache = new WeakMap<MappingSettings, CompiledMappingSettings>();

export function compileMappingSettings(settings: MappingSettings): CompiledMappingSettings {
  const cached = cache.get(settings);
  if (cached) return cached;
  const connections = new Map(settings.connections.map((p) => [p.connectionId, compileConnection(p)]));
  for (const facility of settings.facilities) {
    if (!connections.has(facility.connectionId)) connections.set(facility.connectionId, compileConnection(connectionProfileSchema.parse({ connectionId: facility.connectionId })));
  }
  const compiled: CompiledMappingSettings = {
    kind: "compiled-mapping-settings",
    settings,
    facilities: new Map(settings.facilities.map((f) => [f.code, f])),
    routing: compileRouting(settings.routing),
    units: compileUnits(settings.unitsOfMeasure),
    connections,
  };
  cache.set(settings, compiled);
  return compiled;
}

const compileConnection = (profile: ConnectionProfile): CompiledConnection => ({
  profile,
  services: compileServiceCodes(profile.serviceCodes),
  sku: compileSkuProfile(profile.sku),
});

export const asCompiled = (settings: MappingSettings | CompiledMappingSettings): CompiledMappingSettings =>
  "kind" in settings ? settings : compileMappingSettings(settings);

const fallbacks = new Map<string, CompiledConnection>();

/** The compiled profile for a connection; compilation gives every facility's connection one, so the default is a safety net. */
export function connectionFor(compiled: CompiledMappingSettings, connectionId: string): CompiledConnection {
  const found = compiled.connections.get(connectionId);
  if (found) return found;
  const fallback = fallbacks.get(connectionId) ?? compileConnection(connectionProfileSchema.parse({ connectionId }));
  fallbacks.set(connectionId, fallback);
  return fallback;
}
