import { describe, expect, it } from "vitest";
import { mappingSettingsInput } from "../../../test/support/factories/mapping-settings";
import {
  defaultMappingSettings,
  parseMappingSettings,
  ROUTING_RULE_CSV_HEADERS,
  routingRuleFromRow,
  routingRuleRowSchema,
  routingRuleToRow,
  serviceCodeRowSchema,
  skuAliasRowSchema,
  unitOfMeasureRowSchema,
} from "./mapping-settings.schema";

const issues = (input: unknown) => {
  const parsed = parseMappingSettings(input);
  return parsed.ok ? [] : (parsed.error.detail as { issues: string[] }).issues;
};

describe("mapping settings", () => {
  it("gives a shop that has configured nothing the defaults", () => {
    const parsed = parseMappingSettings(undefined);
    expect(parsed.ok && parsed.value).toEqual(defaultMappingSettings());
    expect(defaultMappingSettings()).toMatchObject({ backorderSplit: false, routing: { rules: [], defaultFacilityCode: null, onLocationMismatch: "exception" } });
  });

  it("fills in a connection profile's missing parts", () => {
    const parsed = parseMappingSettings(mappingSettingsInput());
    expect(parsed.ok && parsed.value.connections[0]).toMatchObject({
      orderKeyPrefix: "LB",
      address: { lineMaxLength: 35, maxLines: 2, overflow: "wrap", transliterate: false, fieldMaxLength: null },
      sku: { mode: "reject", case: "preserve", maxLength: 50 },
      requiredFields: { phone: false, poNumber: false, email: false, company: false },
    });
  });

  it.each([
    ["a rule to an unknown facility", { routing: { rules: [{ facilityCode: "NOWHERE" }] } }, "routing.rules.0.facilityCode: There is no facility NOWHERE."],
    ["an unknown default facility", { routing: { defaultFacilityCode: "NOWHERE" } }, "routing.defaultFacilityCode: There is no facility NOWHERE."],
    ["two rows for one pack SKU", { unitsOfMeasure: { rows: [{ sku: "CASE-1", baseSku: "A", factor: 2 }, { sku: "case-1", baseSku: "B", factor: 3 }] } }, "unitsOfMeasure.rows.1.sku: There is more than one unit-of-measure row for SKU CASE-1."],
    ["an alias loop", { connections: [{ connectionId: "gxo", sku: { aliases: [{ sku: "A", warehouseSku: "B" }, { sku: "B", warehouseSku: "A" }] } }] }, "connections.0.sku.aliases: The aliases loop: A → B → A."],
    ["a broken postcode pattern", { routing: { rules: [{ facilityCode: "LEEDS", conditions: { postcodePattern: "^(LS" } }] } }, "routing.rules.0.conditions.postcodePattern: not a valid regular expression"],
    ["a bad character class", { connections: [{ connectionId: "gxo", sku: { allowedCharacters: "z-a" } }] }, "connections.0.sku.allowedCharacters: not a valid character class"],
  ])("refuses %s", (_name, over, issue) => {
    expect(issues(mappingSettingsInput(over))).toContain(issue);
  });

  it("says invalid settings are a named failure with a sentence", () => {
    const parsed = parseMappingSettings({ facilities: "nope" });
    expect(!parsed.ok && parsed.error).toMatchObject({ kind: "invalid-mapping-settings", message: "The mapping settings are not valid. Open the mapping settings, correct them and save." });
  });
});

describe("rows as CSV gives them", () => {
  it("reads a routing rule row of text cells", () => {
    const row = routingRuleRowSchema.parse({ name: "North", facilityCode: "leeds", country: "uk; ie", postcodePrefix: "LS;BD ; HX", postcodePattern: "", customerGroup: "", company: "", tag: "", skuPrefix: "" });
    expect(routingRuleFromRow(row)).toEqual({
      name: "North",
      facilityCode: "LEEDS",
      conditions: { country: ["GB", "IE"], postcodePrefix: ["LS", "BD", "HX"], postcodePattern: null, customerGroup: [], company: [], tag: [], skuPrefix: [] },
    });
    expect(Object.keys(routingRuleToRow(routingRuleFromRow(row)))).toEqual(ROUTING_RULE_CSV_HEADERS);
  });

  it.each([
    ["a UoM row by SKU", unitOfMeasureRowSchema, { sku: "CASE-12", variantId: "", baseSku: "W1", factor: "12" }, { sku: "CASE-12", variantId: null, baseSku: "W1", factor: 12 }],
    ["a UoM row by variant", unitOfMeasureRowSchema, { sku: "", variantId: "123", baseSku: "W1", factor: "6" }, { sku: null, variantId: "123", baseSku: "W1", factor: 6 }],
    ["a service-code row", serviceCodeRowSchema, { value: "Express B2B", serviceCode: "NDAY" }, { matchOn: "title", value: "Express B2B", serviceCode: "NDAY" }],
    ["an alias row", skuAliasRowSchema, { sku: " AB 1 ", warehouseSku: "AB1" }, { sku: "AB 1", warehouseSku: "AB1" }],
  ] as const)("reads %s", (_name, schema, input, expected) => {
    expect(schema.parse(input)).toEqual(expected);
  });

  it.each([
    ["a UoM row without SKU or variant", unitOfMeasureRowSchema, { sku: "", variantId: "", baseSku: "W1", factor: "12" }],
    ["a factor of zero", unitOfMeasureRowSchema, { sku: "C", baseSku: "W1", factor: "0" }],
    ["a fractional factor", unitOfMeasureRowSchema, { sku: "C", baseSku: "W1", factor: "1.5" }],
    ["an unknown match", serviceCodeRowSchema, { matchOn: "zone", value: "X", serviceCode: "Y" }],
  ] as const)("refuses %s", (_name, schema, input) => {
    expect(schema.safeParse(input).success).toBe(false);
  });
});
