import { parseEnv, type Env } from "~/lib/env.server";
import { TEST_ENV } from "./test-env";

/** A parsed Env for a test, with overrides (a schema URL, a queue prefix, a private Redis). */
export function testEnv(overrides: Record<string, string> = {}): Env {
  return parseEnv({ ...TEST_ENV, DATABASE_URL: process.env.DATABASE_URL, ...overrides });
}
