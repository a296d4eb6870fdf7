import { describe, expect, it } from "vitest";
import { parseOrderWiseForm } from "./orderwise-form";

describe("OrderWise connection form", () => {
  it("keeps the facility, batch size, PO reference and notes; no secrets", () => {
    expect(parseOrderWiseForm({ facilityCode: " LEEDS ", pullBatchSize: "20", poReference: "", courierNotes: "DPD-NEXT → DPD Next Day" })).toEqual({
      ok: true, config: { facilityCode: "LEEDS", pullBatchSize: 20, poReference: "poNumber", courierNotes: "DPD-NEXT → DPD Next Day" }, secrets: {},
    });
    expect(parseOrderWiseForm({ facilityCode: "LEEDS" })).toMatchObject({ ok: true, config: { pullBatchSize: 50 } });
  });

  it.each([
    ["no facility", { facilityCode: "" }, "facilityCode"],
    ["a batch of 0", { facilityCode: "LEEDS", pullBatchSize: "0" }, "pullBatchSize"],
    ["a batch that is not a number", { facilityCode: "LEEDS", pullBatchSize: "lots" }, "pullBatchSize"],
  ])("refuses %s", (_name, form, field) => {
    const parsed = parseOrderWiseForm(form);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors)).toContain(field);
  });
});
