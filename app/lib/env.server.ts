// The one place that reads process.env. Parsed once at start-up; a bad or missing variable stops
// the process with the full list of what is wrong.
import { z } from "zod";

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64 encoded (openssl rand -base64 32)");

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().positive().default(3000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_URL: z.string().url(),
    REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
    /** BullMQ key prefix. Wrap in braces (`{loadbay}`) on Redis Cluster so a queue's keys share a slot. */
    QUEUE_PREFIX: z.string().min(1).default("loadbay"),
    SHOPIFY_API_KEY: z.string().min(1),
    SHOPIFY_API_SECRET: z.string().min(1),
    SHOPIFY_APP_URL: z.string().url(),
    SCOPES: z.string().min(1),
    /**
     * Where the Admin API lives. Unset in production (https://{shop}); set to the simulator
     * (plain http://127.0.0.1:…) in tests and the demo. Refused when NODE_ENV=production.
     */
    SHOPIFY_ADMIN_ORIGIN: z.string().url().optional(),
    /**
     * Demo and browser tests only: treat every admin request as this shop's, without Shopify's
     * session token (App Bridge cannot load from Shopify's CDN here). Refused when NODE_ENV=production.
     */
    LOADBAY_DEMO_SHOP: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/).optional(),
    /** AES-256-GCM key for warehouse credentials at rest. */
    ENCRYPTION_KEY: base64Key,
    /** Seconds between sweeps that re-enqueue unfinished work from PostgreSQL. */
    SWEEP_INTERVAL_S: z.coerce.number().int().positive().default(30),
    /** An inbox row or step untouched this long is considered dropped by Redis and re-enqueued. */
    SWEEP_STALE_AFTER_S: z.coerce.number().int().positive().default(60),
    /** Seconds between polls of each warehouse that is polled for dispatches (Mintsoft, files). */
    DISPATCH_POLL_INTERVAL_S: z.coerce.number().int().positive().default(60),
    WORKER_CONCURRENCY: z.coerce.number().int().positive().default(8),
    /** BullMQ lock and stalled-check period: how soon a job held by a killed worker runs again. */
    WORKER_LOCK_MS: z.coerce.number().int().positive().default(30_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (env.SHOPIFY_ADMIN_ORIGIN) {
      ctx.addIssue({ code: "custom", path: ["SHOPIFY_ADMIN_ORIGIN"], message: "must not be set in production: the Admin API is always https://{shop}" });
    }
    if (env.LOADBAY_DEMO_SHOP) {
      ctx.addIssue({ code: "custom", path: ["LOADBAY_DEMO_SHOP"], message: "must not be set in production: it bypasses Shopify authentication" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`));
}

let cached: Env | undefined;

/** The process environment, parsed on first use and then cached. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
