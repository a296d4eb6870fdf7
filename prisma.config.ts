// Prisma CLI configuration. The CLI runs offline here: the JS engine with the pg driver adapter
// (docs/decisions/0001-prisma-6-offline-migrations.md).
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";

const connectionString = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPg({ connectionString }),
} satisfies PrismaConfig;
