import ssh2 from "ssh2";
import { describe, expect, it } from "vitest";
import { DEFAULT_ORDER_COLUMNS } from "./column-maps";
import { CSV_SFTP_FIELDS, parseCsvSftpForm } from "./csv-sftp-form";

const FINGERPRINT = "SHA256:W9/V82Er9qOBuOzpx0hUPOPdr9rWy6kNj/ObZiKSAWM";
const form = (over: Record<string, string> = {}) => ({
  host: "sftp.gxo.example", port: "", username: "acme", password: "s3cret", privateKey: "", passphrase: "",
  hostKeyFingerprint: FINGERPRINT, facilityCode: "LEEDS", ordersFolder: "/in/orders/", processedFolder: "", rejectedFolder: "",
  dispatchFolder: "/out/dispatch", stockFolder: "", fileNamePrefix: "", orderColumns: "", dispatchColumns: "", stockColumns: "", ...over,
});

describe("CSV over SFTP connection form", () => {
  it("offers every field it parses", () => {
    expect(CSV_SFTP_FIELDS.map((f) => f.name).sort()).toEqual(Object.keys(form()).sort());
  });

  it("splits the form into settings and credentials; only credentials are secret", () => {
    const parsed = parseCsvSftpForm(form());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.secrets).toEqual({ password: "s3cret" });
    expect(parsed.config).toMatchObject({ host: "sftp.gxo.example", port: 22, username: "acme", hostKeyFingerprint: FINGERPRINT, ordersFolder: "/in/orders", dispatchFolder: "/out/dispatch" });
    expect(JSON.stringify(parsed.config)).not.toContain("s3cret");
    expect(parsed.config.columns).toMatchObject({ orders: DEFAULT_ORDER_COLUMNS });
  });

  it("takes a private key (checked, and kept secret) instead of a password", () => {
    // ssh2's generator now and then makes a key it cannot read back; take the first readable one.
    const readable = () => {
      for (;;) {
        const key = ssh2.utils.generateKeyPairSync("ed25519", { passphrase: "pp", cipher: "aes256-ctr", rounds: 4 }).private;
        if (!(ssh2.utils.parseKey(key, "pp") instanceof Error)) return key;
      }
    };
    const privateKey = readable();
    const parsed = parseCsvSftpForm(form({ password: "", privateKey, passphrase: "pp" }));
    expect(parsed).toMatchObject({ ok: true, secrets: { privateKey: privateKey.trim(), passphrase: "pp" } });
    expect(parseCsvSftpForm(form({ password: "", privateKey, passphrase: "wrong" }))).toMatchObject({ ok: false, errors: { privateKey: expect.stringContaining("cannot be read") } });
  });

  it("reads column boxes in the Header = field syntax", () => {
    const parsed = parseCsvSftpForm(form({ orderColumns: "Ref = reference\nItem = sku\nQty = quantity\nPO = ref:poNumber", stockColumns: "Item = sku\nAvailable = freeQuantity" }));
    expect(parsed.ok && parsed.config.columns).toMatchObject({
      orders: [{ header: "Ref", field: "reference" }, { header: "Item", field: "sku" }, { header: "Qty", field: "quantity" }, { header: "PO", field: "ref:poNumber" }],
      stock: { sku: "Item", freeQuantity: "Available" },
    });
  });

  it.each([
    ["no credentials", { password: "" }, "password", /password, a private key, or both/],
    ["a fingerprint that is not one", { hostKeyFingerprint: "aa:bb:cc" }, "hostKeyFingerprint", /SHA256:/],
    ["a URL for the host", { host: "sftp://sftp.gxo.example" }, "host", /only the host name/],
    ["a relative folder", { ordersFolder: "orders" }, "ordersFolder", /absolute path/],
    ["a port out of range", { port: "70000" }, "port", /.+/],
    ["an unknown field in a column box", { dispatchColumns: "Ref = orderReference\nColour = colour" }, "dispatchColumns", /“colour” is not a field/],
    ["a column box without a required column", { stockColumns: "Item = sku" }, "stockColumns", /needs a column for freeQuantity/],
    ["a column box line without =", { orderColumns: "Ref reference" }, "orderColumns", /Header = field/],
    ["a prefix with a slash", { fileNamePrefix: "a/b" }, "fileNamePrefix", /letters, digits/],
  ])("says which field is wrong: %s", (_name, over, field, message) => {
    const parsed = parseCsvSftpForm(form(over));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[field]).toMatch(message);
  });
});
