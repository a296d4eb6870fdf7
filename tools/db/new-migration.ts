// Writes the next migration from the change to prisma/schema.prisma:
//   npm run db:new-migration -- <name>
// Each migration folder keeps a copy of the schema it was made from, so the next diff is
// schema-to-schema and needs no shadow database (docs/decisions/0001-prisma-6-offline-migrations.md).
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runPrismaCli } from "./prisma-cli";

const MIGRATIONS = "prisma/migrations";
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(2);
}

mkdirSync(MIGRATIONS, { recursive: true });
const previous = readdirSync(MIGRATIONS).filter((d) => /^\d{14}_/.test(d)).sort().at(-1);
const from = previous
  ? ["--from-schema-datamodel", join(MIGRATIONS, previous, "schema.prisma")]
  : ["--from-empty"];
const sql = runPrismaCli(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
if (/This is an empty migration/.test(sql)) {
  console.log("schema.prisma has not changed since the last migration; nothing written");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(MIGRATIONS, `${stamp}_${name}`);
mkdirSync(dir);
writeFileSync(join(dir, "migration.sql"), sql);
copyFileSync("prisma/schema.prisma", join(dir, "schema.prisma"));
writeFileSync(join(MIGRATIONS, "migration_lock.toml"), 'provider = "postgresql"\n');
console.log(`wrote ${dir}/migration.sql`);
