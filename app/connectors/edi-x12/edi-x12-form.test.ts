import { describe, expect, it } from "vitest";
import { parseEdiX12Form } from "./edi-x12-form";

const FORM = {
  host: "sftp.gxo.example", username: "loadbay", password: "secret", hostKeyFingerprint: `SHA256:${"A".repeat(43)}`,
  ordersFolder: "/in/", dispatchFolder: "/out", usQualifier: "ZZ", usInterchangeId: "LOADBAY", partnerQualifier: "ZZ", partnerInterchangeId: "GXOLEEDS",
  facilityCode: "LEEDS", usage: "t",
};

describe("EDI X12 connection form", () => {
  it("splits settings from credentials and applies the defaults", () => {
    const parsed = parseEdiX12Form(FORM);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.secrets).toEqual({ password: "secret" });
    expect(parsed.config).not.toHaveProperty("password");
    expect(parsed.config).toMatchObject({ ordersFolder: "/in", port: 22, usage: "T", version: "004010", fileExtension: "edi", us: { interchangeId: "LOADBAY" } });
  });

  it.each([
    ["an interchange id over 15 characters", { partnerInterchangeId: "GXO-LEEDS-WAREHOUSE-1" }, "partnerInterchangeId"],
    ["a one-letter qualifier", { usQualifier: "Z" }, "usQualifier"],
    ["no credentials", { password: "" }, "password"],
    ["a relative folder", { dispatchFolder: "out" }, "dispatchFolder"],
    ["a usage other than P or T", { usage: "X" }, "usage"],
  ])("names the field for %s", (_name, patch, field) => {
    const parsed = parseEdiX12Form({ ...FORM, ...patch });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors)).toContain(field);
  });
});
