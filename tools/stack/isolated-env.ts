// An isolated environment for a benchmark or chaos run: its own PostgreSQL schema and BullMQ prefix
// on the machine's services, the env every Loadbay process of the run shares, and a cleanup.
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import pg from "pg";
import { parseDatabaseUrl } from "../../app/lib/database-url";
import { migrate } from "../db/migrator";

export const BASE_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/test";
export const DEMO_SECRET = "loadbay-local-secret";

export interface IsolatedEnv {
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function createIsolatedEnv(label: string, overrides: Record<string, string> = {}): Promise<IsolatedEnv> {
  const id = `${label}_${randomBytes(4).toString("hex")}`;
  const url = new URL(overrides.DATABASE_URL ?? BASE_DATABASE_URL);
  url.searchParams.set("schema", id);
  await migrate(url.toString());
  const env = {
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    DATABASE_URL: url.toString(),
    REDIS_URL: "redis://127.0.0.1:6379",
    QUEUE_PREFIX: `bench-${id}`,
    SHOPIFY_API_KEY: "loadbay-local",
    SHOPIFY_API_SECRET: DEMO_SECRET,
    SHOPIFY_APP_URL: "http://127.0.0.1:3000",
    SCOPES: "read_orders",
    ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
    ...overrides,
  };
  return {
    env,
    async cleanup() {
      const { connectionString } = parseDatabaseUrl(url.toString());
      const client = new pg.Client({ connectionString });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${id}" CASCADE`);
      await client.end();
      await deleteRedisPrefix(env.REDIS_URL, env.QUEUE_PREFIX);
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function deleteRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
