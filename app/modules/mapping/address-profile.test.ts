import { describe, expect, it } from "vitest";
import type { Address } from "~/modules/orders/order-facts";
import { orderFacts } from "../../../test/support/factories/order-facts";
import { shipToFor } from "./address-profile";
import { addressProfileSchema, requiredFieldsSchema } from "./mapping-settings.schema";
import { requiredFieldProblems } from "./required-fields";
import { fitStreetLines } from "./wrap";

const where = { orderNumber: "1001", connectionId: "gxo", warehouse: "GXO Leeds" };
const base = orderFacts().shippingAddress as Address;
const addressed = (over: Partial<Address>) => orderFacts({ shippingAddress: { ...base, ...over } });
const profile = (over: Record<string, unknown> = {}) => addressProfileSchema.parse(over);
const kinds = (r: { problems: { kind: string }[] }) => r.problems.map((p) => p.kind);

describe("street lines", () => {
  const long = "Unit 14, Riverside Industrial Estate Long Lane"; // 46 characters
  it.each([
    ["lines that fit are kept", ["1 High St", "Floor 2"], 35, 2, "wrap", ["1 High St", "Floor 2"]],
    ["empty lines are dropped", ["1 High St", ""], 35, 2, "wrap", ["1 High St"]],
    ["a long line wraps into the next line", [long, ""], 35, 2, "wrap", ["Unit 14, Riverside Industrial", "Estate Long Lane"]],
    ["wraps then fails when lines run out", [long, "Building B, Gate 3, Loading Bay 7"], 35, 2, "wrap", null],
    ["runs lines together when that fits", ["Unit 14, Riverside Industrial Estate Rd", "Bay 7"], 35, 2, "wrap", ["Unit 14, Riverside Industrial", "Estate Rd, Bay 7"]],
    ["one line of room", ["1 High St", "Floor 2"], 35, 1, "wrap", ["1 High St, Floor 2"]],
    ["reject does not wrap", [long, ""], 35, 2, "reject", null],
    ["a word longer than a line is never cut", ["Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch", ""], 35, 2, "wrap", null],
  ] as const)("%s", (_name, parts, max, maxLines, overflow, expected) => {
    expect(fitStreetLines([...parts], max, maxLines, overflow)).toEqual(expected);
  });
});

describe("ship-to for a warehouse", () => {
  it("builds the address the warehouse gets", () => {
    expect(shipToFor(orderFacts(), profile(), where)).toEqual({
      shipTo: { name: "Jo Buyer", company: "Acme Trading", lines: ["1 High St"], city: "Leeds", region: null, postcode: "LS1 1AA", countryCode: "GB", phone: "+441130000000", email: "jo@acme.example" },
      problems: [],
    });
  });

  it.each([
    ["no address at all", orderFacts({ shippingAddress: null }), {}, ["missing-address"]],
    ["no street", addressed({ address1: "  " }), {}, ["missing-address"]],
    ["no country", addressed({ countryCode: null }), {}, ["missing-address"]],
    ["no name falls back to the company", addressed({ name: null }), {}, []],
    ["a street too long for the lines", addressed({ address1: "x ".repeat(40), address2: "y ".repeat(30) }), {}, ["address-too-long"]],
    ["a city longer than the field limit", addressed({ city: "Leeds Metropolitan District Area" }), { fieldMaxLength: 20 }, ["address-too-long"]],
    ["accents pass through when the warehouse takes them", addressed({ city: "Zürich" }), {}, []],
    ["accents are folded for an ASCII-only warehouse", addressed({ city: "Zürich" }), { transliterate: true }, []],
    ["Cyrillic for an ASCII-only warehouse", addressed({ city: "Москва" }), { transliterate: true }, ["untransliterable"]],
    ["Cyrillic is fine where the warehouse takes Unicode", addressed({ city: "Москва" }), {}, []],
  ])("%s", (_name, facts, over, expected) => {
    expect(kinds(shipToFor(facts, profile(over), where))).toEqual(expected);
  });

  it("folds every field for an ASCII-only warehouse", () => {
    const result = shipToFor(addressed({ name: "Zoë Łukasz", address1: "Hauptstraße 5", city: "Zürich" }), profile({ transliterate: true }), where);
    expect(result.shipTo).toMatchObject({ name: "Zoe Lukasz", lines: ["Hauptstrasse 5"], city: "Zurich" });
  });

  it("names the non-Latin text and where it is", () => {
    const result = shipToFor(addressed({ address1: "ул. Ленина, 5", city: "Москва" }), profile({ transliterate: true }), where);
    expect(result.problems).toMatchObject([
      {
        key: "untransliterable:1001:gxo:address",
        message: "The shipping address has characters GXO Leeds cannot take: “ул. Ленина, 5” (address line 1), “Москва” (city). Write them in Latin letters in Shopify, then retry.",
      },
    ]);
  });

  it("says how much room the street has", () => {
    const result = shipToFor(addressed({ address1: "Unit 14, Riverside Industrial Estate Long Lane", address2: "Building B, Gate 3, Loading Bay 7" }), profile(), where);
    expect(result.problems[0]?.message).toBe(
      "The street address “Unit 14, Riverside Industrial Estate Long Lane, Building B, Gate 3, Loading Bay 7” does not fit the 2 lines of 35 characters that GXO Leeds takes. Shorten it in Shopify, then retry.",
    );
  });
});

describe("required fields", () => {
  const required = requiredFieldsSchema.parse({ phone: true, poNumber: true, email: true, company: true });
  it.each([
    ["all present", orderFacts(), []],
    ["no phone", addressed({ phone: null }), ["missing-phone"]],
    ["a blank phone", addressed({ phone: "  " }), ["missing-phone"]],
    ["no PO", orderFacts({ poNumber: null }), ["missing-po"]],
    ["no email", orderFacts({ email: null }), ["missing-email"]],
    ["company from the B2B company when the address has none", addressed({ company: null }), []],
    ["no company anywhere", orderFacts({ company: null, shippingAddress: { ...base, company: null } }), ["missing-company"]],
    ["everything missing", orderFacts({ company: null, poNumber: null, email: null, shippingAddress: { ...base, company: null, phone: null } }), ["missing-phone", "missing-po", "missing-email", "missing-company"]],
  ])("%s", (_name, facts, expected) => {
    expect(requiredFieldProblems(facts, required, where).map((p) => p.kind)).toEqual(expected);
  });

  it("asks only for what the warehouse requires", () => {
    expect(requiredFieldProblems(orderFacts({ poNumber: null }), requiredFieldsSchema.parse({}), where)).toEqual([]);
  });

  it("says what is missing and where to add it", () => {
    expect(requiredFieldProblems(addressed({ phone: null }), required, { ...where, warehouse: "Whistl" })[0]).toMatchObject({
      key: "missing-phone:1001:gxo",
      message: "The order has no phone number, and Whistl requires one. Add a phone number to the shipping address in Shopify, then retry.",
    });
  });
});
