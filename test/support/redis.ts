// A BullMQ prefix per test file on the shared Redis, or a private redis-server for tests that
// flush or stop Redis.
import { randomBytes } from "node:crypto";

export function testQueuePrefix(label = "t"): string {
  return `test-${label}-${randomBytes(4).toString("hex")}`;
}

export { deleteRedisPrefix as deletePrefix, freePort } from "../../tools/stack/isolated-env";
export { startPrivateRedis, type PrivateRedis } from "../../tools/stack/private-redis";
