// Environment for tests: fixed, non-secret values. Real services on this machine; nothing external.
export const TEST_ENV = {
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test",
  REDIS_URL: "redis://127.0.0.1:6379",
  SHOPIFY_API_KEY: "test-api-key",
  SHOPIFY_API_SECRET: "test-api-secret",
  SHOPIFY_APP_URL: "http://127.0.0.1:3999",
  SCOPES: "read_orders",
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
} as const;
