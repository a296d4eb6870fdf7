// Points the process-wide container (what routes use) at a fresh test schema and queue prefix.
// Must run before the first container() call in the test file.
import { container } from "~/composition.server";
import { createTestDatabase } from "./database";
import { deletePrefix, testQueuePrefix } from "./redis";

export async function createDatabaseForRoute(label: string) {
  const database = await createTestDatabase(label);
  const prefix = testQueuePrefix(label);
  process.env.DATABASE_URL = database.url;
  process.env.QUEUE_PREFIX = prefix;
  const c = container();
  await c.queues.queues.inbox.waitUntilReady();
  return {
    db: database.db,
    prefix,
    container: c,
    async close() {
      await c.close();
      await database.drop();
      await deletePrefix(process.env.REDIS_URL!, prefix);
    },
  };
}
