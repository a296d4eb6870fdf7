import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox } from "./crypto.server";

const box = createSecretBox(randomBytes(32).toString("base64"));

describe("secret box (AES-256-GCM)", () => {
  it("opens what it sealed", () => {
    const secret = JSON.stringify({ apiKey: "ms-123", password: "p@ss wörd" });
    expect(box.open(box.seal(secret))).toBe(secret);
  });

  it("never produces the same ciphertext twice and never contains the plaintext", () => {
    const a = box.seal("hunter2");
    const b = box.seal("hunter2");
    expect(a).not.toBe(b);
    expect(a).not.toContain("hunter2");
    expect(a).toMatch(/^v1:/);
  });

  it("refuses a tampered ciphertext", () => {
    const sealed = box.seal("hunter2").split(":");
    const body = Buffer.from(sealed[3]!, "base64");
    body[0] = body[0]! ^ 0xff;
    sealed[3] = body.toString("base64");
    expect(() => box.open(sealed.join(":"))).toThrow();
  });

  it("refuses a value sealed with another key", () => {
    const other = createSecretBox(randomBytes(32).toString("base64"));
    expect(() => box.open(other.seal("x"))).toThrow();
  });
});
