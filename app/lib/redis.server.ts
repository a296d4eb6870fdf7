// Redis connections for BullMQ. Producers (web) fail fast so a webhook is not held up by a Redis
// outage (the sweeper enqueues later); workers wait for Redis forever (`maxRetriesPerRequest: null`),
// as BullMQ requires for blocking commands.
import { Redis } from "ioredis";

export type RedisRole = "producer" | "worker";

export function createRedis(url: string, role: RedisRole): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === "worker" ? null : 1,
    enableOfflineQueue: role === "worker",
    connectTimeout: 2_000,
    lazyConnect: false,
  });
}
