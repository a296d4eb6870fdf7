import { describe, expect, it } from "vitest";
import { IDEMPOTENCY_KEY_MAX, idempotencyKey } from "./idempotency-key";

const parts = { prefix: "LB", orderNumber: "1001", facilityCode: "LEEDS", split: 0, revision: 0 };

describe("idempotency key", () => {
  it.each([
    ["readable when it fits", {}, "LB-1001-LEEDS-0-r0"],
    ["a legacy numeric order id", { orderNumber: "5678901234567" }, "LB-5678901234567-LEEDS-0-r0"],
    ["the backorder split", { split: 1 }, "LB-1001-LEEDS-1-r0"],
    ["a later revision", { revision: 3 }, "LB-1001-LEEDS-0-r3"],
    ["another shop's prefix", { prefix: "UK" }, "UK-1001-LEEDS-0-r0"],
  ])("%s", (_name, over, expected) => {
    expect(idempotencyKey({ ...parts, ...over })).toBe(expected);
  });

  it.each([
    ["an order name with characters a reference field refuses", { orderNumber: "B2B/1001 A" }],
    ["a key that would be too long", { orderNumber: "SPARKLAYER-QUOTE-00000123456", facilityCode: "MILTONKEYNES" }],
  ])("digests %s, deterministically and within limits", (_name, over) => {
    const key = idempotencyKey({ ...parts, ...over });
    expect(key).toMatch(/^[A-Za-z0-9-]+$/);
    expect(key.length).toBeLessThanOrEqual(IDEMPOTENCY_KEY_MAX);
    expect(idempotencyKey({ ...parts, ...over })).toBe(key);
    expect(idempotencyKey({ ...parts, ...over, revision: 1 })).not.toBe(key);
  });

  it("differs for every part", () => {
    const keys = [parts, { ...parts, orderNumber: "1002" }, { ...parts, facilityCode: "MK" }, { ...parts, split: 1 }, { ...parts, revision: 1 }].map(idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
