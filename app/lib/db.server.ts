// Prisma on the pg driver adapter (no native query engine; docs/decisions/0001-prisma-6-offline-migrations.md).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { parseDatabaseUrl } from "./database-url";

export type Db = PrismaClient;

export function createDb(databaseUrl: string, options: { poolSize?: number } = {}): Db {
  const { connectionString, schema } = parseDatabaseUrl(databaseUrl);
  // `schema` qualifies Prisma's own queries; search_path makes raw SQL resolve to the same schema.
  const adapter = new PrismaPg(
    { connectionString, max: options.poolSize ?? 10, options: `-c search_path="${schema}"` },
    { schema },
  );
  return new PrismaClient({ adapter });
}
