// One PostgreSQL schema per test file, migrated with the committed migrations and dropped after.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "~/lib/db.server";
import { parseDatabaseUrl } from "~/lib/database-url";
import { migrate } from "../../tools/db/migrator";

export interface TestDatabase {
  url: string;
  schema: string;
  db: Db;
  drop(): Promise<void>;
}

export async function createTestDatabase(label = "t"): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL!;
  const schema = `${label}_${randomBytes(5).toString("hex")}`;
  const url = withSchema(base, schema);
  await migrate(url);
  const db = createDb(url, { poolSize: 5 });
  return {
    url,
    schema,
    db,
    async drop() {
      await db.$disconnect();
      await dropSchema(base, schema);
    },
  };
}

export function withSchema(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set("schema", schema);
  return url.toString();
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: parseDatabaseUrl(databaseUrl).connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
