// Mapping settings for rule tests: two warehouses (GXO Leeds by EDI, Whistl Milton Keynes with its strict
// profile), Leeds as the default, overridden per case. Built through the schema, so defaults apply.
import { mappingSettingsSchema, type MappingSettings } from "~/modules/mapping/mapping-settings.schema";

export const LEEDS_LOCATION = "gid://shopify/Location/1";
export const MK_LOCATION = "gid://shopify/Location/2";

export function mappingSettingsInput(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    facilities: [
      { code: "LEEDS", name: "GXO Leeds", connectionId: "gxo", shopifyLocationId: LEEDS_LOCATION },
      { code: "MK", name: "Whistl Milton Keynes", connectionId: "whistl", shopifyLocationId: MK_LOCATION },
    ],
    routing: { rules: [], defaultFacilityCode: "LEEDS", onLocationMismatch: "exception" },
    unitsOfMeasure: { rows: [{ sku: "CASE-12-WIDGET", baseSku: "WIDGET-1", factor: 12 }] },
    connections: [
      { connectionId: "gxo", name: "GXO Leeds", serviceCodes: { rows: [{ matchOn: "title", value: "Express B2B", serviceCode: "NDAY" }] } },
      {
        connectionId: "whistl",
        name: "Whistl",
        serviceCodes: { rows: [{ matchOn: "title", value: "Express B2B", serviceCode: "WHI_EXP" }] },
        sku: { allowedCharacters: "A-Za-z0-9", mode: "reject", case: "upper" },
        requiredFields: { phone: true, poNumber: true },
      },
    ],
    ...over,
  };
}

export const mappingSettings = (over: Record<string, unknown> = {}): MappingSettings => mappingSettingsSchema.parse(mappingSettingsInput(over));
