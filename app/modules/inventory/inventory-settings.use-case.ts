// The inventory settings page (/app/settings/inventory): read and save `shop.settings.inventory` with the
// schema every reader uses, and check the location map the sync relies on: each facility ↔ its Shopify
// location, which facilities point at a location Shopify's last read did not show, and locations two
// facilities share (the sync writes neither; decision 0021).
import { parseMappingSettings } from "~/modules/mapping/mapping-settings.schema";
import type { InventoryAdminReader, InventorySettingsStore } from "./inventory-admin.ports";
import { inventorySettingsSchema, parseInventorySettings, type InventorySettings } from "./inventory-settings.schema";
import { duplicateSkuErrors, fieldErrors, formToInventoryInput, type FormEntries } from "./inventory-settings-form";

export type LocationCheck = "ok" | "not-seen" | "shared";

export interface FacilityLocation {
  code: string;
  name: string;
  shopifyLocationId: string;
  check: LocationCheck;
}

export interface InventorySettingsPage {
  settings: InventorySettings;
  facilities: FacilityLocation[];
  /** False until a full sync has read Shopify: nothing to check the locations against yet. */
  locationsKnown: boolean;
  /** Shopify locations holding stock that no facility feeds. */
  unmappedLocations: string[];
  mappingReadable: boolean;
}

interface Deps {
  store: InventorySettingsStore;
  reader: Pick<InventoryAdminReader, "locationsSeen">;
}

export async function readInventorySettingsPage(deps: Deps, shop: string): Promise<InventorySettingsPage | null> {
  const [stored, seen] = await Promise.all([deps.store.read(shop), deps.reader.locationsSeen(shop)]);
  if (!stored) return null;
  const settings = parseInventorySettings((stored.settings as { inventory?: unknown } | null)?.inventory);
  const mapping = parseMappingSettings((stored.settings as { mapping?: unknown } | null)?.mapping);
  const facilities = mapping.ok ? mapping.value.facilities : [];
  return { settings, mappingReadable: mapping.ok, ...checkLocations(facilities, seen) };
}

export function checkLocations(facilities: { code: string; name: string; shopifyLocationId: string }[], seen: string[]) {
  const known = new Set(seen);
  const users = new Map<string, number>();
  for (const f of facilities) users.set(f.shopifyLocationId, (users.get(f.shopifyLocationId) ?? 0) + 1);
  const check = (id: string): LocationCheck => ((users.get(id) ?? 0) > 1 ? "shared" : known.size > 0 && !known.has(id) ? "not-seen" : "ok");
  return {
    facilities: facilities.map((f) => ({ code: f.code, name: f.name, shopifyLocationId: f.shopifyLocationId, check: check(f.shopifyLocationId) })),
    locationsKnown: known.size > 0,
    unmappedLocations: seen.filter((id) => !users.has(id)),
  };
}

export type SaveInventorySettingsResult = { ok: true; settings: InventorySettings } | { ok: false; errors: Record<string, string> } | null;

export async function saveInventorySettings(deps: Pick<Deps, "store">, input: { shop: string; entries: FormEntries }): Promise<SaveInventorySettingsResult> {
  const parsed = inventorySettingsSchema.safeParse(formToInventoryInput(input.entries));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const duplicates = duplicateSkuErrors(parsed.data.skuBuffers);
  if (Object.keys(duplicates).length > 0) return { ok: false, errors: duplicates };
  return (await deps.store.writeInventory(input.shop, parsed.data)) ? { ok: true, settings: parsed.data } : null;
}
