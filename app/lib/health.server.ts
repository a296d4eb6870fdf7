// Liveness of the two services Loadbay cannot work without.
import type { Redis } from "ioredis";
import type { Db } from "./db.server";

export interface ServiceHealth {
  ok: boolean;
  ms: number;
  error?: string;
}
export interface HealthReport {
  ok: boolean;
  postgres: ServiceHealth;
  redis: ServiceHealth;
}

const TIMEOUT_MS = 2_000;

async function probe(check: () => Promise<unknown>): Promise<ServiceHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS))),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth(deps: { db: Db; redis: Redis }): Promise<HealthReport> {
  const [postgres, redis] = await Promise.all([probe(() => deps.db.$queryRaw`SELECT 1`), probe(() => deps.redis.ping())]);
  return { ok: postgres.ok && redis.ok, postgres, redis };
}
