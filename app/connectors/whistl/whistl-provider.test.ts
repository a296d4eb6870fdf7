import { describe, expect, it } from "vitest";
import { PROVIDERS } from "~/connectors/providers.server";
import { WHISTL_DISPATCH_COLUMNS, WHISTL_ORDER_COLUMNS, WHISTL_STOCK_COLUMNS } from "./whistl-profile";

const whistl = PROVIDERS.find((p) => p.id === "whistl")!;
const form = {
  host: "sftp.whistl.example", username: "loadbay", password: "secret", hostKeyFingerprint: "SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  facilityCode: "WHI", ordersFolder: "/in", dispatchFolder: "/out/despatch", stockFolder: "/out/stock",
};

describe("the Whistl provider", () => {
  it("takes Whistl's file layout when the column boxes are left empty, and seals the password", () => {
    const parsed = whistl.parse(form);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config.columns).toEqual({ orders: WHISTL_ORDER_COLUMNS, dispatches: WHISTL_DISPATCH_COLUMNS, stock: WHISTL_STOCK_COLUMNS });
    expect(JSON.stringify(parsed.config)).not.toContain("secret");
    expect(parsed.secrets).toEqual({ password: "secret" });
  });

  it("keeps a layout the merchant agreed with Whistl instead", () => {
    const parsed = whistl.parse({ ...form, stockColumns: "Item = sku\nAvailable = freeQuantity" });
    expect(parsed.ok && parsed.config.columns).toMatchObject({ orders: WHISTL_ORDER_COLUMNS, stock: { sku: "Item", freeQuantity: "Available" } });
  });

  it("gives a new connection Whistl's strict mapping profile", () => {
    expect(whistl.mappingProfile?.("c1", "Whistl Doncaster")).toMatchObject({
      connectionId: "c1",
      requiredFields: { phone: true, poNumber: true },
      sku: { allowedCharacters: "A-Za-z0-9", mode: "reject" },
      references: { poNumber: "customerReference" },
    });
  });
});
