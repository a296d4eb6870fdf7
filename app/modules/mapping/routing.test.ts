import { describe, expect, it } from "vitest";
import { orderFacts } from "../../../test/support/factories/order-facts";
import { routingConditionsSchema, type RoutingConditions } from "./mapping-rows.schema";
import { compilePostcodePrefix, postcodeView } from "./postcode";
import { compileRouting, routeLines } from "./routing";

const at = (zip: string, countryCode = "GB") => orderFacts({ shippingAddress: { ...orderFacts().shippingAddress!, zip, countryCode } });

describe("postcode prefixes", () => {
  it.each([
    ["LS", "LS1 1AA", "GB", true],
    ["LS", "ls11aa", "GB", true],
    ["L", "LS1 1AA", "GB", false],
    ["L", "L1 8JQ", "GB", true],
    ["LS1", "LS1 1AA", "GB", true],
    ["ls1", "LS11AA", "GB", true],
    ["LS1", "LS11 5AA", "GB", false],
    ["LS11", "LS11 5AA", "GB", true],
    ["LS1 1", "LS1 1AA", "GB", true],
    ["LS1 1", "LS11 1AA", "GB", false],
    ["ls1 1aa", "LS11AA", "GB", true],
    ["LS11AA", "ls1 1aa", "GB", true],
    ["EC1", "EC1A 1BB", "GB", true],
    ["EC1A", "EC1M 5AA", "GB", false],
    ["W1", "W1A 0AX", "GB", true],
    ["JE2", "JE2 3AB", "JE", true],
    ["BT", "BT1 1AA", "GB", true],
    ["LS", "LS1", "GB", true],
    ["10", "1012 AB", "NL", true],
    ["1012AB", "1012 ab", "NL", true],
    ["902", "90210-1234", "US", true],
    ["D02", "D02 X285", "IE", true],
    ["LS", "", "GB", false],
  ])("prefix %j vs %j (%s) → %s", (prefix, zip, country, expected) => {
    const view = postcodeView(zip, country);
    expect(view !== null && compilePostcodePrefix(prefix)(view)).toBe(expected);
  });

  it("canonicalises UK postcodes for patterns", () => {
    expect(postcodeView(" ls11aa ", "GB")?.text).toBe("LS1 1AA");
    expect(postcodeView("1012  ab", "NL")?.text).toBe("1012 AB");
  });
});

const rule = (facilityCode: string, conditions: Partial<RoutingConditions>) => ({ name: "", facilityCode, conditions: routingConditionsSchema.parse(conditions) });

function route(rules: ReturnType<typeof rule>[], facts = orderFacts(), skus: (string | null)[] = ["WIDGET-1"], fallback: string | null = "DEFAULT") {
  return routeLines(facts, skus, compileRouting({ rules, defaultFacilityCode: fallback, onLocationMismatch: "exception" })).map((r) => r?.facilityCode ?? null);
}

describe("routing rules", () => {
  const acme = orderFacts({ tags: ["Wholesale"], customerGroup: "Trade" });
  it.each([
    ["country matches", [rule("A", { country: ["gb"] })], acme, "A"],
    ["country does not match", [rule("A", { country: ["IE", "FR"] })], acme, "DEFAULT"],
    ["UK typed for GB", [rule("A", { country: ["UK"] })], acme, "A"],
    ["postcode prefix", [rule("A", { postcodePrefix: ["LS"] })], acme, "A"],
    ["postcode pattern on the canonical form", [rule("A", { postcodePattern: "^LS[0-9]+ 1" })], at("ls11aa"), "A"],
    ["postcode pattern not matching", [rule("A", { postcodePattern: "^M\\d" })], acme, "DEFAULT"],
    ["customer group, any case", [rule("A", { customerGroup: ["trade"] })], acme, "A"],
    ["company by name", [rule("A", { company: ["ACME TRADING"] })], acme, "A"],
    ["company by id", [rule("A", { company: ["gid://shopify/Company/1"] })], acme, "A"],
    ["order tag", [rule("A", { tag: ["wholesale"] })], acme, "A"],
    ["order tag absent", [rule("A", { tag: ["retail"] })], acme, "DEFAULT"],
    ["all conditions must hold", [rule("A", { country: ["GB"], tag: ["retail"] })], acme, "DEFAULT"],
    ["first matching rule wins", [rule("A", { country: ["FR"] }), rule("B", { country: ["GB"] }), rule("C", {})], acme, "B"],
    ["a rule without conditions takes everything", [rule("C", {})], acme, "C"],
    ["no address matches no postcode rule", [rule("A", { postcodePrefix: ["LS"] })], orderFacts({ shippingAddress: null }), "DEFAULT"],
  ])("%s", (_name, rules, facts, expected) => {
    expect(route(rules, facts)).toEqual([expected]);
  });

  it("routes lines by SKU prefix, so one order can go to two facilities", () => {
    const rules = [rule("MK", { skuPrefix: ["bulk-"] }), rule("LEEDS", { country: ["GB"] })];
    expect(route(rules, orderFacts(), ["BULK-9", "WIDGET-1", null])).toEqual(["MK", "LEEDS", "LEEDS"]);
  });

  it("leaves a line unrouted when nothing matches and there is no default", () => {
    expect(route([rule("A", { country: ["FR"] })], orderFacts(), ["WIDGET-1"], null)).toEqual([null]);
  });
});
