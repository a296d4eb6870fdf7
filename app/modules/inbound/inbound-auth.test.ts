import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkInboundAuth, inboundAuthSchema } from "./inbound-auth";

const SECRET = "s3cret-for-tests";
const BODY = '{"ID":7}';
const headers = (h: Record<string, string>) => (name: string) => Object.entries(h).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? null;
const hmac = inboundAuthSchema.parse({ mode: "hmac-sha256" });
const hex = inboundAuthSchema.parse({ mode: "hmac-sha256", header: "X-Signature", encoding: "hex" });
const basic = inboundAuthSchema.parse({ mode: "basic", username: "mintsoft" });
const sign = (encoding: "base64" | "hex", body = BODY) => createHmac("sha256", SECRET).update(body).digest(encoding);

describe("checkInboundAuth", () => {
  it.each([
    ["a base64 HMAC of the body", hmac, { "X-Loadbay-Hmac-Sha256": sign("base64") }, true],
    ["a hex HMAC in a custom header, prefixed and upper case", hex, { "x-signature": `sha256=${sign("hex").toUpperCase()}` }, true],
    ["an HMAC of another body", hmac, { "X-Loadbay-Hmac-Sha256": sign("base64", '{"ID":8}') }, false],
    ["no signature header", hmac, {}, false],
    ["the right signature in the wrong header", hex, { "X-Loadbay-Hmac-Sha256": sign("hex") }, false],
    ["basic auth with the secret as password", basic, { Authorization: `Basic ${Buffer.from(`mintsoft:${SECRET}`).toString("base64")}` }, true],
    ["basic auth with the wrong password", basic, { Authorization: `Basic ${Buffer.from("mintsoft:guess").toString("base64")}` }, false],
    ["basic auth with another user", basic, { Authorization: `Basic ${Buffer.from(`other:${SECRET}`).toString("base64")}` }, false],
    ["a bearer token where basic is expected", basic, { Authorization: `Bearer ${SECRET}` }, false],
  ])("%s", (_name, auth, h, ok) => {
    expect(checkInboundAuth(auth, SECRET, headers(h), BODY).ok).toBe(ok);
  });
});
