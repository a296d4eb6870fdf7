import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/loadbay",
  SHOPIFY_API_KEY: "k",
  SHOPIFY_API_SECRET: "s",
  SHOPIFY_APP_URL: "https://loadbay.example",
  SCOPES: "read_orders",
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
};

describe("parseEnv", () => {
  it("accepts a complete environment and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env).toMatchObject({ NODE_ENV: "development", REDIS_URL: "redis://127.0.0.1:6379", QUEUE_PREFIX: "loadbay", PORT: 3000 });
  });

  it("lists every missing variable at once", () => {
    try {
      parseEnv({});
      expect.unreachable("an empty environment must not parse");
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems.join("\n");
      for (const name of ["DATABASE_URL", "SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_APP_URL", "SCOPES", "ENCRYPTION_KEY"]) {
        expect(problems).toContain(name);
      }
    }
  });

  it("rejects an encryption key that is not 32 bytes", () => {
    expect(() => parseEnv({ ...valid, ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/ENCRYPTION_KEY: must be 32 bytes/);
  });

  it("allows the Admin API origin override outside production", () => {
    expect(parseEnv({ ...valid, NODE_ENV: "test", SHOPIFY_ADMIN_ORIGIN: "http://127.0.0.1:4001" }).SHOPIFY_ADMIN_ORIGIN).toBe("http://127.0.0.1:4001");
  });

  it("refuses the Admin API origin override in production", () => {
    expect(() => parseEnv({ ...valid, NODE_ENV: "production", SHOPIFY_ADMIN_ORIGIN: "http://127.0.0.1:4001" })).toThrow(
      /SHOPIFY_ADMIN_ORIGIN: must not be set in production/,
    );
  });

  it("refuses the demo authentication seam in production, and allows it elsewhere", () => {
    expect(() => parseEnv({ ...valid, NODE_ENV: "production", LOADBAY_DEMO_SHOP: "demo.myshopify.com" })).toThrow(/LOADBAY_DEMO_SHOP: must not be set in production/);
    expect(parseEnv({ ...valid, LOADBAY_DEMO_SHOP: "demo.myshopify.com" }).LOADBAY_DEMO_SHOP).toBe("demo.myshopify.com");
  });
});
